/**
 * Sending a reply when things go wrong, through MSW faults. Outcomes are asserted (what the
 * server stored, what the user sees), never durations.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SecureAuthRequiredEvent, SecureMessageSentEvent } from '../../../src/events/events.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import {
  alertText,
  articles,
  body,
  button,
  chooseFiles,
  eventually,
  field,
  focused,
  hasField,
  formReady,
  messagesIn,
  normalise,
  renderThread,
  root,
  tracked,
  typeReply,
  unassigned,
  useMockBackend,
  type ThreadOptions,
} from './thread-helpers.js';
import { sampleFile } from '../../../mocks/sample-files.js';

describe('<secure-thread> reply faults', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  let number: string;
  let before: number;
  const send = (n: string) => ({ method: 'POST', path: `/conversations/${n}/messages` });

  beforeEach(() => {
    number = unassigned(backend, 'reply-received');
    before = messagesIn(backend, number);
  });

  async function ready(
    options: ThreadOptions = {},
    text = 'Ett svar som måste komma fram en gång.',
    adapter = mock.adapter(),
  ): Promise<SecureThread> {
    const el = await renderThread(adapter, number, options);
    await formReady(el);
    await typeReply(el, text);
    return el;
  }

  /**
   * Sends, and since a write without an answer may have arrived, expects the draft kept and locked
   * (outcome unknown) until Försök igen settles it with exactly one stored message.
   */
  async function lockedUntilRetry(el: SecureThread): Promise<void> {
    button(el, 'Skicka').click();
    await eventually(() => alertText(el).includes('Det är oklart om meddelandet kom fram.'));
    expect(body(el).value).to.equal('Ett svar som måste komma fram en gång.');
    expect(body(el).readOnly).to.equal(true);
    await expect(el).to.be.accessible();
    backend.faults.clear();
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Försök igen').click();
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
  }

  function sendState(el: SecureThread): string {
    return normalise(root(el).querySelector('.send-status')?.textContent);
  }

  it('response lost after the server stored it: retried with the same key → exactly one message', async () => {
    backend.faults.add({ kind: 'lost-response', match: send(number), times: 1 });
    const el = await ready();
    let events = 0;
    el.addEventListener(SecureMessageSentEvent.eventName, () => events++);
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
    await el.updateComplete;
    expect(articles(el)).to.have.length(before + 1);
    expect(events).to.equal(1);
    expect(body(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('offline, then online: waits, and sends at once when the browser is back online', async () => {
    backend.faults.add({ kind: 'offline', match: send(number) });
    const el = await ready({ retryDelays: [60_000] });
    button(el, 'Skicka').click();
    await eventually(
      () => sendState(el) === 'Det gick inte att skicka just nu. Vi försöker igen automatiskt …',
    );
    expect(body(el).readOnly).to.equal(true);
    expect(button(el, 'Skicka').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    backend.faults.clear();
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    window.dispatchEvent(new Event('online'));
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
  });

  it('still offline after every retry: the draft stays, with the problem and Försök igen', async () => {
    backend.faults.add({ kind: 'offline', match: send(number) });
    const el = await ready();
    await lockedUntilRetry(el);
  });

  it('503 with Retry-After: waits as told, then sends once', async () => {
    backend.faults.add({ kind: 'status', status: 503, retryAfterSeconds: 1, match: send(number), times: 1 });
    const el = await ready();
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await eventually(
      () => sendState(el) === 'Det gick inte att skicka just nu. Vi försöker igen automatiskt …',
    );
    expect(messagesIn(backend, number)).to.equal(before);
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
  });

  it('a request that never answers counts as lost, is retried with the same key, and stores one message', async () => {
    backend.faults.add({ kind: 'hang', match: send(number), times: 1 });
    const el = await ready({ sendTimeout: 300 });
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
    backend.faults.clear();
  });

  it('never answering at all: the reply is locked until Försök igen settles it (outcome unknown)', async () => {
    backend.faults.add({ kind: 'hang', match: send(number) });
    const el = await ready({ sendTimeout: 200, retryDelays: [20] });
    await lockedUntilRetry(el);
  });

  it('double click and repeated Enter on Skicka send once; Skicka stays focusable meanwhile', async () => {
    backend.faults.add({ kind: 'latency', ms: 400, match: send(number) });
    const sends = tracked(mock.adapter(), 'reply');
    const el = await ready({}, undefined, sends.adapter);
    const skicka = button(el, 'Skicka');
    let events = 0;
    el.addEventListener(SecureMessageSentEvent.eventName, () => events++);
    skicka.focus();
    skicka.click();
    skicka.click();
    await el.updateComplete;
    expect(skicka.getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el)).to.equal(skicka);
    expect(root(el).querySelector('progress')).to.not.equal(null);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => events === 1);
    await eventually(() => messagesIn(backend, number) === before + 1);
    // Nothing more arrives later: every send the thread started has been answered, and one was.
    await sends.settled();
    expect(sends.calls(), 'one send').to.equal(1);
    expect(messagesIn(backend, number)).to.equal(before + 1);
    expect(events).to.equal(1);
  });

  it('401 mid-send: the conversation and the reply leave the screen; Försök igen as the same user brings both back, and the reply is stored once', async () => {
    backend.faults.add({ kind: 'status', status: 401, match: send(number), times: 1 });
    const el = await ready();
    const auth = oneEvent(el, SecureAuthRequiredEvent.eventName);
    button(el, 'Skicka').click();
    await auth;
    await eventually(() => alertText(el).includes('Du har blivit utloggad.'));
    expect(alertText(el)).to.include('Ditt meddelande finns kvar.');
    expect(root(el).querySelector('dl.details, ol.timeline, textarea')).to.equal(null);
    expect(messagesIn(backend, number)).to.equal(before);
    await expect(el).to.be.accessible();
    button(el, 'Försök igen').click();
    await eventually(() => hasField(el, 'Meddelande'), 'the reply did not come back');
    expect(body(el).value).to.equal('Ett svar som måste komma fram en gång.');
    expect(alertText(el)).to.include('Du är inloggad igen.');
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Försök igen').click();
    await sent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
  });

  for (const [status, text] of [
    [413, 'Filen är för stor för att skickas.'],
    [415, 'Filtypen kan inte skickas.'],
  ] as const) {
    it(`${status} from the server: shown at Bifoga fil, with the summary focused; nothing stored`, async () => {
      backend.faults.add({ kind: 'status', status, match: send(number), times: 1 });
      const el = await ready();
      chooseFiles(el, [sampleFile('intyg.pdf', 16)]);
      await el.updateComplete;
      button(el, 'Skicka').click();
      await eventually(() => focused(el)?.id === 'error-summary');
      const input = field(el, 'Bifoga fil');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = input.getAttribute('aria-describedby')!.split(' ');
      const error = describedBy
        .map((id) => root(el).getElementById(id))
        .find((n) => n?.classList.contains('field-error'));
      expect(normalise(error?.textContent)).to.contain(text);
      expect(body(el).value).to.equal('Ett svar som måste komma fram en gång.');
      expect(messagesIn(backend, number)).to.equal(before);
      await expect(el).to.be.accessible();
    });
  }
});

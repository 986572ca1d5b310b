import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SecureMessageSentEvent } from '../../../src/events/events.js';
import { eventually, useMockBackend } from '../helpers.js';
import { button, description, field, root } from '../queries.js';
import {
  chooseFiles,
  confirmationNumber,
  fillValid,
  pdf,
  renderCompose,
  spySends,
  text,
} from './compose-helpers.js';

const CREATE = { method: 'POST', path: '/conversations' };

describe('<secure-compose> sending', function () {
  this.timeout(30_000);
  const mock = useMockBackend();

  /** Conversations whose first message has this text (what the server stored). */
  function storedWith(body: string): number {
    return mock.backend.store.records().filter((r) => r.messages[0]?.body === body).length;
  }

  it('shows progress, then the new Meddelandenummer with focus on it, and fires secure-message-sent', async () => {
    mock.backend.faults.add({ kind: 'latency', ms: 400, match: CREATE });
    const el = await renderCompose(mock.adapter());
    await fillValid(el, 'Med bilaga');
    await chooseFiles(el, pdf('lön.pdf'));
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('progress'), 'no progress bar');
    expect(text(el)).to.include('Skickar meddelandet');
    expect(button(el, 'Skicka').getAttribute('aria-disabled')).to.equal('true');
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').readOnly).to.equal(true);
    await expect(el).to.be.accessible();
    const event = await sent;
    await el.updateComplete;
    const number = confirmationNumber(el)!;
    expect(number).to.match(/^[0-9]{5}$/);
    expect(event.detail).to.deep.equal({ number, reply: false });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(text(el)).to.include(`Meddelandenummer: ${number}`);
    expect(root(el).activeElement).to.equal(root(el).querySelector('#confirmation'));
    const stored = mock.backend.store.peek(number)!;
    expect(stored.status).to.equal('sent');
    expect(stored.messages[0].attachments[0].name).to.equal('lön.pdf');
    await expect(el).to.be.accessible();
    // A new message starts from an empty draft.
    button(el, 'Skriv ett nytt meddelande').click();
    await eventually(() => root(el).querySelector('form'));
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').value).to.equal('');
  });

  it('Öppna konversationen asks to open the new conversation', async () => {
    const el = await renderCompose(mock.adapter());
    await fillValid(el);
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el));
    const open = oneEvent(el, 'secure-conversation-open');
    button(el, 'Öppna konversationen').click();
    expect((await open).detail.number).to.equal(confirmationNumber(el));
  });

  it('a double click sends once', async () => {
    mock.backend.faults.add({ kind: 'latency', ms: 200, match: CREATE });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Dubbelklick');
    button(el, 'Skicka').click();
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el));
    expect(spy.keys.length).to.equal(1);
    expect(storedWith('Dubbelklick')).to.equal(1);
  });

  it('repeated Enter on Skicka sends once', async () => {
    mock.backend.faults.add({ kind: 'latency', ms: 300, match: CREATE });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Enter Enter Enter');
    button(el, 'Skicka').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => confirmationNumber(el));
    expect(spy.keys.length).to.equal(1);
    expect(storedWith('Enter Enter Enter')).to.equal(1);
  });

  it('a lost response is retried with the same key: exactly one conversation', async () => {
    mock.backend.faults.add({ kind: 'lost-response', match: CREATE, times: 1 });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Svaret försvann');
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el), 'not confirmed');
    expect(spy.keys.length).to.equal(2);
    expect(spy.keys[1]).to.equal(spy.keys[0]);
    expect(storedWith('Svaret försvann')).to.equal(1);
    expect(mock.backend.store.peek(confirmationNumber(el)!)).not.to.equal(undefined);
  });

  it('a request that never answers times out and is retried with the same key', async () => {
    mock.backend.faults.add({ kind: 'hang', match: CREATE, times: 1 });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter, { sendTimeout: 300 });
    await fillValid(el, 'Hänger sig');
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el), 'not confirmed');
    expect(spy.keys.length).to.equal(2);
    expect(new Set(spy.keys).size).to.equal(1);
    expect(storedWith('Hänger sig')).to.equal(1);
  });

  it('503 with Retry-After is retried automatically after the wait', async () => {
    mock.backend.faults.add({ kind: 'status', status: 503, retryAfterSeconds: 1, match: CREATE, times: 1 });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Tjänsten var nere');
    button(el, 'Skicka').click();
    await eventually(() => text(el).includes('Vi försöker igen automatiskt'), 'no retry notice');
    await eventually(() => confirmationNumber(el), 'not confirmed');
    expect(spy.keys.length).to.equal(2);
    expect(storedWith('Tjänsten var nere')).to.equal(1);
  });

  it('offline: after the automatic retries, Försök igen; the draft is kept and locked (the outcome is unknown); online again it sends once', async () => {
    mock.backend.faults.add({ kind: 'offline', match: CREATE });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Utan nät');
    await chooseFiles(el, pdf('bilaga.pdf'));
    button(el, 'Skicka').click();
    // A failed upload may have reached the server: the draft stays as it was until a retry tells.
    await eventually(() => text(el).includes('Det är oklart om meddelandet kom fram'), 'no failure shown');
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').readOnly).to.equal(true);
    expect(spy.keys.length).to.equal(3);
    expect(new Set(spy.keys).size).to.equal(1);
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').value).to.equal('Utan nät');
    expect(text(el)).to.include('bilaga.pdf');
    expect(root(el).querySelector('[role="alert"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    mock.backend.faults.clear();
    button(el, 'Försök igen').click();
    await eventually(() => confirmationNumber(el), 'not confirmed');
    expect(storedWith('Utan nät')).to.equal(1);
  });

  it('401 mid-send: the form leaves the screen, the draft stays in memory for the same user, Försök igen sends it once', async () => {
    mock.backend.faults.add({ kind: 'status', status: 401, match: CREATE, times: 1 });
    const el = await renderCompose(mock.adapter());
    await fillValid(el, 'Utloggad');
    await chooseFiles(el, pdf('kvar.pdf'));
    const auth = oneEvent(el, 'secure-auth-required');
    button(el, 'Skicka').click();
    await auth;
    await eventually(() => text(el).includes('Du har blivit utloggad'));
    expect(text(el)).to.include('Ditt meddelande finns kvar.');
    // Nothing of the draft on screen while nobody is known to be signed in.
    expect(root(el).querySelector('form, textarea, select')).to.equal(null);
    expect(text(el)).not.to.include('kvar.pdf');
    expect(storedWith('Utloggad')).to.equal(0);
    await expect(el).to.be.accessible();
    // Signed in again as the same user: Försök igen asks who it is and shows the draft again.
    button(el, 'Försök igen').click();
    await eventually(() => text(el).includes('Du är inloggad igen.'), 'the draft did not come back');
    expect(field<HTMLSelectElement>(el, 'Ämne').selectedOptions[0].text).to.equal('Beräkning');
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').value).to.equal('Utloggad');
    expect(text(el)).to.include('kvar.pdf');
    await expect(el).to.be.accessible();
    button(el, 'Försök igen').click();
    await eventually(() => confirmationNumber(el), 'not confirmed');
    expect(storedWith('Utloggad')).to.equal(1);
  });

  const fileFaults = [
    { status: 413 as const, message: 'Filen är för stor för att skickas.' },
    { status: 415 as const, message: 'Filtypen kan inte skickas.' },
  ];
  for (const f of fileFaults) {
    it(`${f.status} from the server shows at Bifoga fil, with the summary focused`, async () => {
      mock.backend.faults.add({ kind: 'status', status: f.status, match: CREATE, times: 1 });
      const el = await renderCompose(mock.adapter());
      await fillValid(el, `Fel ${f.status}`);
      await chooseFiles(el, pdf('fil.pdf'));
      button(el, 'Skicka').click();
      await eventually(() => root(el).querySelector('#error-summary'), 'no summary');
      await el.updateComplete;
      const input = field<HTMLInputElement>(el, 'Bifoga fil');
      expect(description(el, input)).to.include(f.message);
      expect(root(el).activeElement).to.equal(root(el).querySelector('#error-summary'));
      expect(field<HTMLTextAreaElement>(el, 'Meddelande').value).to.equal(`Fel ${f.status}`);
      expect(storedWith(`Fel ${f.status}`)).to.equal(0);
    });
  }

  it('422 from the server shows its message at the field it names', async () => {
    const el = await renderCompose(mock.adapter());
    // The server's limit changed after the form read its settings: only the server knows.
    mock.backend.store.config = { ...mock.backend.store.config, messageMaxLength: 5 };
    await fillValid(el, 'Längre än fem tecken');
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('#error-summary'), 'no summary');
    await el.updateComplete;
    const body = field<HTMLTextAreaElement>(el, 'Meddelande');
    expect(body.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, body)).to.include('Meddelandet får vara högst 5 tecken.');
    expect(body.value).to.equal('Längre än fem tecken');
    expect(storedWith('Längre än fem tecken')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a new key after the user edits following a definite failure', async () => {
    mock.backend.faults.add({ kind: 'status', status: 415, match: CREATE, times: 1 });
    const spy = spySends(mock.adapter());
    const el = await renderCompose(spy.adapter);
    await fillValid(el, 'Första');
    await chooseFiles(el, pdf('a.pdf'));
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('#error-summary'));
    button(el, 'Ta bort a.pdf').click();
    await el.updateComplete;
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el));
    expect(spy.keys.length).to.equal(2);
    expect(spy.keys[1]).not.to.equal(spy.keys[0]);
  });
});

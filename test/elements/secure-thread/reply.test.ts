import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from '../../keyboard.js';
import { replyDraftKey } from '../../../src/controllers/drafts.js';
import { getDraft } from '../../../src/controllers/session.js';
import { SecureConversationChangedEvent, SecureMessageSentEvent } from '../../../src/events/events.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import {
  announcer,
  articles,
  body,
  button,
  chooseFiles,
  detail,
  eventually,
  focused,
  formReady,
  normalise,
  pick,
  renderThread,
  root,
  typeReply,
  unassigned,
  useMockBackend,
} from './thread-helpers.js';
import { sampleFile } from '../../../mocks/sample-files.js';

describe('<secure-thread> replying', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  it('sends a reply with a file: shown last, focused, announced, draft emptied, events fired', async () => {
    const number = unassigned(backend, 'reply-received');
    const before = backend.store.peek(number)!.messages.length;
    const adapter = mock.adapter();
    const el = await renderThread(adapter, number);
    await formReady(el);
    await typeReply(el, 'Tack!\nHär kommer underlaget.');
    chooseFiles(el, [sampleFile('underlag.pdf', 1500)]);
    await el.updateComplete;
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    button(el, 'Skicka').click();
    expect((await sent).detail).to.deep.equal({ number, reply: true });
    expect((await changed).detail).to.deep.equal({
      number,
      change: 'replied',
      status: 'sent',
      assigneeId: null,
    });
    const stored = backend.store.peek(number)!;
    expect(stored.messages).to.have.length(before + 1);
    expect(stored.messages.at(-1)!.body).to.equal('Tack!\nHär kommer underlaget.');
    expect(stored.messages.at(-1)!.attachments.map((a) => a.name)).to.deep.equal(['underlag.pdf']);
    await el.updateComplete;
    const last = articles(el).at(-1)!;
    expect(last.querySelector('.body')!.textContent).to.equal('Tack!\nHär kommer underlaget.');
    expect(normalise(last.querySelector('h4')!.textContent)).to.equal('Namn Efternamn (NAEF00)');
    expect(normalise(last.querySelector('.attachments')!.textContent)).to.contain('underlag.pdf');
    await eventually(() => focused(el) === last);
    await eventually(() => normalise(announcer(el).textContent) === 'Ditt svar har skickats.');
    expect(detail(el, 'Status')).to.equal('Skickat');
    expect(body(el).value).to.equal('');
    expect(getDraft(adapter, replyDraftKey(number)).body).to.equal('');
    expect(root(el).querySelector('form .files'), 'the chosen files stayed in the form').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks before sending: an empty reply shows the error summary, focused, and sends nothing', async () => {
    const number = unassigned(backend, 'new');
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    button(el, 'Skicka').click();
    await eventually(() => focused(el)?.id === 'error-summary');
    expect(body(el).getAttribute('aria-invalid')).to.equal('true');
    expect(backend.store.peek(number)!.messages).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to Meddelande, type, Tab to Skicka, Space — then focus is on the new message', async () => {
    const number = unassigned(backend, 'new');
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    root(el).getElementById('thread-title')!.focus();
    for (let i = 0; i < 30 && focused(el) !== body(el); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(body(el));
    await typeText('Svar skrivet med tangentbordet');
    await sendKeys({ press: 'Enter' }); // a line break, not a send
    await typeText('Rad två');
    const skicka = button(el, 'Skicka');
    for (let i = 0; i < 5 && focused(el) !== skicka; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(skicka);
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    await sendKeys({ press: ' ' });
    await sent;
    expect(backend.store.peek(number)!.messages.at(-1)!.body).to.equal(
      'Svar skrivet med tangentbordet\nRad två',
    );
    await eventually(() => focused(el) === articles(el).at(-1));
  });

  it('an Avslutad conversation says beforehand that a reply reopens it as Skickat, and it does', async () => {
    const number = pick(backend, (r) => r.summary.status === 'closed');
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    const note = root(el).querySelector('.reopen-note');
    expect(normalise(note?.textContent)).to.equal(
      'i Konversationen är avslutad. Om du svarar öppnas den igen och får status Skickat.',
    );
    // The note comes before the form.
    expect(note!.compareDocumentPosition(body(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
    await typeReply(el, 'Vi behöver öppna ärendet igen.');
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await sent;
    expect(backend.store.peek(number)!.status).to.equal('sent');
    await el.updateComplete;
    expect(detail(el, 'Status')).to.equal('Skickat');
    expect(root(el).querySelector('.reopen-note')).to.equal(null);
    await eventually(
      () =>
        normalise(announcer(el).textContent) ===
        'Ditt svar har skickats och konversationen har öppnats igen.',
    );
    const lines = [...root(el).querySelectorAll('ol.timeline > li')].map((li) => normalise(li.textContent));
    expect(lines.at(-2)).to.contain('Namn Efternamn (NAEF00) återupptog konversationen genom att svara.');
  });

  it('keeps the reply draft when leaving the thread and coming back (same adapter), never in storage', async () => {
    const number = unassigned(backend, 'new');
    const adapter = mock.adapter();
    const first = await renderThread(adapter, number);
    await formReady(first);
    await typeReply(first, 'Påbörjat svar om 19121212-1212');
    expect(first.hasUnsentChanges).to.equal(true);
    first.remove();
    const second: SecureThread = await renderThread(adapter, number);
    await formReady(second);
    expect(body(second).value).to.equal('Påbörjat svar om 19121212-1212');
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        expect(storage.getItem(storage.key(i)!) ?? '').to.not.contain('Påbörjat');
      }
    }
    expect(document.cookie).to.not.contain('Påbörjat');
  });

  it('a draft belongs to its conversation: switching the number shows that conversation’s draft', async () => {
    const a = unassigned(backend, 'new');
    const b = unassigned(backend, 'reply-received');
    const el = await renderThread(mock.adapter(), a);
    await formReady(el);
    await typeReply(el, 'Till A');
    el.number = b;
    await eventually(() => detail(el, 'Meddelandenummer') === b);
    await formReady(el);
    expect(body(el).value).to.equal('');
    el.number = a;
    await eventually(() => detail(el, 'Meddelandenummer') === a);
    await formReady(el);
    expect(body(el).value).to.equal('Till A');
  });
});

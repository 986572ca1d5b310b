/**
 * Every transition of PRODUCT.md's status table, driven through the thread as a user would:
 * the employer (NAEF00) and the KPA case officer (KPAH01) reply with Skicka, the officer closes
 * with Markera konversation som avslutad. The mock backend's store is the oracle.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { Status } from '../../../src/domain/index.js';
import { OFFICER_STATUS_WORDS } from '../../fixtures.js';
import { SecureConversationChangedEvent, SecureMessageSentEvent } from '../../../src/events/events.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import {
  button,
  detail,
  eventually,
  formReady,
  hasButton,
  MOCK_USER_IDS,
  openDialog,
  pick,
  renderThread,
  typeReply,
  useMockBackend,
} from './thread-helpers.js';

const LABEL: Record<Status, string> = {
  new: 'Nytt meddelande',
  sent: 'Skickat',
  answered: 'Besvarat',
  'reply-received': 'Svar inkommit',
  closed: 'Avslutad',
};

const EMPLOYER_SENDS: [Status, Status][] = [
  ['new', 'answered'],
  ['sent', 'sent'],
  ['answered', 'answered'],
  ['reply-received', 'sent'],
  ['closed', 'sent'],
];
const KPA_SENDS: [Status, Status][] = [
  ['new', 'new'],
  ['sent', 'reply-received'],
  ['answered', 'reply-received'],
  ['reply-received', 'reply-received'],
  ['closed', 'reply-received'],
];
const KPA_CLOSES: Status[] = ['new', 'sent', 'answered', 'reply-received'];

describe('<secure-thread> the status table, through the UI', function () {
  this.timeout(60_000);
  const mock = useMockBackend();
  const { backend } = mock;

  async function reply(el: SecureThread, text: string): Promise<void> {
    await formReady(el);
    await typeReply(el, text);
    const sent = oneEvent(el, SecureMessageSentEvent.eventName);
    button(el, 'Skicka').click();
    await sent;
    await el.updateComplete;
  }

  async function close(el: SecureThread): Promise<void> {
    button(el, 'Markera konversation som avslutad').click();
    await eventually(() => openDialog(el));
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    button(el, 'Ja, markera som avslutad').click();
    await changed;
    await el.updateComplete;
  }

  function inStatus(status: Status): string {
    return pick(backend, (r) => r.summary.status === status);
  }

  for (const [from, to] of EMPLOYER_SENDS) {
    it(`employer sends: ${LABEL[from]} → ${LABEL[to]}`, async () => {
      const number = inStatus(from);
      const el = await renderThread(mock.adapter(), number);
      await reply(el, `Arbetsgivaren svarar (${from}).`);
      expect(backend.store.peek(number)!.status).to.equal(to);
      expect(detail(el, 'Status')).to.equal(LABEL[to]);
    });
  }

  for (const [from, to] of KPA_SENDS) {
    it(`KPA sends: ${LABEL[from]} → ${LABEL[to]} (as the employer sees it), which KPA reads as ${OFFICER_STATUS_WORDS[to]}`, async () => {
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const number = inStatus(from);
      const el = await renderThread(mock.adapter(), number);
      await reply(el, `KPA svarar (${from}).`);
      expect(backend.store.peek(number)!.status).to.equal(to);
      expect(detail(el, 'Status')).to.equal(OFFICER_STATUS_WORDS[to]);
    });
  }

  for (const from of KPA_CLOSES) {
    it(`KPA closes: ${LABEL[from]} → Avslutad`, async () => {
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const number = inStatus(from);
      const el = await renderThread(mock.adapter(), number);
      await formReady(el);
      await close(el);
      expect(backend.store.peek(number)!.status).to.equal('closed');
      expect(detail(el, 'Status')).to.equal('Avslutad');
    });
  }

  it('KPA closes: Avslutad stays Avslutad (nothing to close, so the button is not offered)', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const el = await renderThread(mock.adapter(), inStatus('closed'));
    await formReady(el);
    expect(hasButton(el, 'Markera konversation som avslutad')).to.equal(false);
  });

  it('a KPA case officer is told that replying reopens an Avslutad conversation', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const el = await renderThread(mock.adapter(), inStatus('closed'));
    await formReady(el);
    expect(el.shadowRoot!.querySelector('.reopen-note')?.textContent).to.contain(
      'Om du svarar öppnas den igen och arbetsgivaren ser status Svar inkommit.',
    );
    await expect(el).to.be.accessible();
  });

  it('the whole life cycle: officer answers, employer replies, officer closes, employer reopens', async () => {
    const number = inStatus('sent');
    const turns: [user: string, act: (el: SecureThread) => Promise<void>, after: Status][] = [
      [MOCK_USER_IDS.officer, (el) => reply(el, 'Svar från KPA.'), 'reply-received'],
      [MOCK_USER_IDS.employer, (el) => reply(el, 'Tack, en följdfråga.'), 'sent'],
      [MOCK_USER_IDS.officer, close, 'closed'],
      [MOCK_USER_IDS.employer, (el) => reply(el, 'Vi behöver återuppta ärendet.'), 'sent'],
    ];
    let before: Status = 'sent';
    let el: SecureThread | undefined;
    for (const [id, act, after] of turns) {
      el?.remove();
      backend.setCurrentUser(id);
      // A fresh adapter for each user, as after signing in again.
      el = await renderThread(mock.adapter(), number);
      await formReady(el);
      const words = id === MOCK_USER_IDS.officer ? OFFICER_STATUS_WORDS : LABEL;
      expect(detail(el, 'Status'), `${id} sees`).to.equal(words[before]);
      await act(el);
      expect(backend.store.peek(number)!.status, `after ${id}`).to.equal(after);
      before = after;
    }
    expect(detail(el!, 'Status')).to.equal('Skickat');
    expect(backend.store.peek(number)!.history.at(-1)!.action).to.equal('reopened');
    await expect(el).to.be.accessible();
  });
});

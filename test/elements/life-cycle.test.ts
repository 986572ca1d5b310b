/**
 * The whole life cycle with the elements on one page, as the two sides play it: an employer sends
 * a new message with a file and sees it as Skickat; a KPA case officer answers (Svar inkommit); the
 * employer replies (Skickat); the officer closes (Avslutad); the employer reopens it by replying
 * (Skickat). Every step goes through the UI against the mock backend; the store is the oracle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { MOCK_USER_IDS } from '../../mocks/index.js';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import '../../src/define/secure-adapter-provider.js';
import '../../src/define/secure-compose.js';
import '../../src/define/secure-inbox.js';
import '../../src/define/secure-thread.js';
import type { SecureCompose } from '../../src/define/secure-compose.js';
import type { SecureInbox } from '../../src/define/secure-inbox.js';
import type { SecureThread } from '../../src/define/secure-thread.js';
import type { Status } from '../../src/domain/index.js';
import { eventually, useMockBackend } from './helpers.js';
import { button, cellText, field, normalise, root } from './queries.js';

interface Page {
  compose: SecureCompose;
  inbox: SecureInbox;
  thread: SecureThread;
}

/** One page as a signed-in user sees it: compose, inbox and a conversation on one adapter. */
async function page(adapter: SecureMessagesAdapter, number = ''): Promise<Page> {
  const provider = await fixture(
    html`<secure-adapter-provider .adapter=${adapter}>
      <secure-compose .retryDelays=${[20, 40]}></secure-compose>
      <secure-inbox></secure-inbox>
      <secure-thread number=${number} .retryDelays=${[20, 40]}></secure-thread>
    </secure-adapter-provider>`,
  );
  return {
    compose: provider.querySelector('secure-compose')!,
    inbox: provider.querySelector('secure-inbox')!,
    thread: provider.querySelector('secure-thread')!,
  };
}

function type(control: HTMLTextAreaElement, text: string): void {
  control.focus();
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The status the inbox row of `number` shows. */
function inboxStatus(inbox: SecureInbox, number: string): string | undefined {
  for (const tr of root(inbox).querySelectorAll('tbody tr')) {
    const status = tr.querySelector('.status');
    if (status && tr.querySelector('.number')?.textContent?.includes(number))
      return normalise(cellText(status));
  }
  return undefined;
}

/** The value the thread's header shows for `term` (a description list). */
function headerValue(thread: SecureThread, term: string): string | undefined {
  for (const dt of root(thread).querySelectorAll('dt')) {
    if (normalise(dt.textContent ?? '') === term) return normalise(dt.nextElementSibling?.textContent ?? '');
  }
  return undefined;
}

async function reply(thread: SecureThread, text: string): Promise<void> {
  await eventually(() => root(thread).querySelector('textarea'), 'no reply form');
  type(field<HTMLTextAreaElement>(thread, 'Meddelande'), text);
  await thread.updateComplete;
  button(thread, 'Skicka').click();
}

describe('the life cycle on one page: send → answer → reply → close → reopen', function () {
  this.timeout(60_000);
  const mock = useMockBackend();

  function status(number: string): Status | undefined {
    return mock.backend.store.peek(number)?.status;
  }

  function as(userId: string): SecureMessagesAdapter {
    mock.backend.setCurrentUser(userId);
    return mock.adapter();
  }

  it('plays through with both sides, every transition seen in the UI and stored once', async () => {
    const before = mock.backend.store.size;

    // 1. The employer writes a new message with a file.
    let p = await page(as(MOCK_USER_IDS.employer));
    await eventually(() => root(p.compose).querySelector('select'), 'compose did not load');
    const subject = field<HTMLSelectElement>(p.compose, 'Ämne');
    subject.value = [...subject.options].find((o) => o.text === 'Beräkning')!.value;
    subject.dispatchEvent(new Event('change', { bubbles: true }));
    type(field<HTMLTextAreaElement>(p.compose, 'Meddelande'), 'Hej!\nBifogar lönebeskedet för mars.');
    const files = field<HTMLInputElement>(p.compose, 'Bifoga fil');
    const chosen = new DataTransfer();
    chosen.items.add(new File(['%PDF-1.7 test'], 'lönebesked mars.pdf', { type: 'application/pdf' }));
    files.files = chosen.files;
    files.dispatchEvent(new Event('change', { bubbles: true }));
    await p.compose.updateComplete;
    button(p.compose, 'Skicka').click();
    await eventually(() => root(p.compose).querySelector('.confirmation'), 'no confirmation');
    const number = normalise(root(p.compose).querySelector('.confirmation-number strong')?.textContent ?? '');
    expect(number).to.match(/^[0-9]{5}$/);
    expect(mock.backend.store.size).to.equal(before + 1);
    const stored = mock.backend.store.peek(number)!;
    expect(stored.messages[0].attachments.map((a) => a.name)).to.deep.equal(['lönebesked mars.pdf']);
    expect(status(number)).to.equal('sent');
    // …and sees it as Skickat in the list (the inbox refreshes after the change).
    await eventually(() => inboxStatus(p.inbox, number) === 'Skickat', 'the inbox does not show Skickat');
    await expect(p.inbox).to.be.accessible();

    // 2. A case officer of the department of Beräkning finds it in their queue, waiting for KPA,
    // and answers: Svar inkommit for the employer, waiting for the employer for KPA.
    p = await page(as(MOCK_USER_IDS.otherOfficer), number);
    await eventually(() => inboxStatus(p.inbox, number) === 'Väntar på KPA', 'officer: not in the queue');
    await eventually(
      () => headerValue(p.thread, 'Status') === 'Väntar på KPA',
      'officer: not waiting for KPA',
    );
    await reply(p.thread, 'Tack, vi har tagit emot lönebeskedet.');
    await eventually(() => status(number) === 'reply-received', 'not Svar inkommit');
    await eventually(() => headerValue(p.thread, 'Status') === 'Väntar på arbetsgivaren');
    await eventually(() => inboxStatus(p.inbox, number) === 'Väntar på arbetsgivaren');

    // 3. The employer replies: Skickat.
    p = await page(as(MOCK_USER_IDS.employer), number);
    await eventually(
      () => headerValue(p.thread, 'Status') === 'Svar inkommit',
      'employer: not Svar inkommit',
    );
    await eventually(() => inboxStatus(p.inbox, number) === 'Svar inkommit');
    await reply(p.thread, 'Tack för svaret!');
    await eventually(() => status(number) === 'sent', 'not Skickat after the reply');
    await eventually(() => headerValue(p.thread, 'Status') === 'Skickat');

    // 4. The case officer closes it: Avslutad.
    p = await page(as(MOCK_USER_IDS.otherOfficer), number);
    await eventually(() => headerValue(p.thread, 'Status') === 'Väntar på KPA');
    button(p.thread, 'Markera konversation som avslutad').click();
    await p.thread.updateComplete;
    button(p.thread, 'Ja, markera som avslutad').click();
    await eventually(() => status(number) === 'closed', 'not closed');
    await eventually(() => headerValue(p.thread, 'Status') === 'Avslutad');

    // 5. The employer reopens it by replying: told beforehand, then Skickat.
    p = await page(as(MOCK_USER_IDS.employer), number);
    await eventually(() => headerValue(p.thread, 'Status') === 'Avslutad');
    expect(normalise(root(p.thread).textContent ?? '')).to.include(
      'Konversationen är avslutad. Om du svarar öppnas den igen och får status Skickat.',
    );
    await reply(p.thread, 'En fråga till om samma person.');
    await eventually(() => status(number) === 'sent', 'not reopened as Skickat');
    await eventually(() => headerValue(p.thread, 'Status') === 'Skickat');
    await eventually(() => inboxStatus(p.inbox, number) === 'Skickat');

    // Exactly one conversation was created, with four messages, each stored once.
    expect(mock.backend.store.size).to.equal(before + 1);
    expect(mock.backend.store.peek(number)!.messages.length).to.equal(4);
    await expect(p.thread).to.be.accessible();
  });
});

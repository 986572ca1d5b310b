/**
 * Helpers for the <secure-inbox> tests: a spy around the REST adapter (to count searches and see
 * their signals), rendering, and finding controls the way a user does — by role and name.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import type { SearchQuery } from '../../../src/domain/query.js';
import type { ConversationSummary, Status, UserRef } from '../../../src/domain/index.js';
import '../../../src/define/secure-inbox.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import type { MockBackend } from '../../../mocks/index.js';

export { eventually, intercept, useMockBackend } from '../helpers.js';
import { intercept } from '../helpers.js';
export { button, description, field, hasButton, normalise, root, spokenText } from '../queries.js';
import { COLLEAGUE, OFFICER, SECOND_OFFICER } from '../../fixtures.js';
import { cellText, field, normalise, root } from '../queries.js';
import { typeText } from '../../keyboard.js';

export interface SpyAdapter {
  adapter: SecureMessagesAdapter;
  /** Every query sent to searchConversations, in order. */
  searches: SearchQuery[];
  /** The signal of each search, in order. */
  signals: AbortSignal[];
}

/** Wraps an adapter, recording each searchConversations call (other calls pass through). */
export function spyAdapter(inner: SecureMessagesAdapter): SpyAdapter {
  const searches: SearchQuery[] = [];
  const signals: AbortSignal[] = [];
  const adapter = intercept(inner, 'searchConversations', (search) => (query, signal) => {
    searches.push(structuredClone(query));
    signals.push(signal);
    return search(query, signal);
  });
  return { adapter, searches, signals };
}

export async function renderInbox(adapter: SecureMessagesAdapter, debounce = 300): Promise<SecureInbox> {
  const el = await fixture<SecureInbox>(
    html`<secure-inbox .adapter=${adapter} .debounce=${debounce}></secure-inbox>`,
  );
  return el;
}

/**
 * The inbox after a plain button *Före*, focused, for keyboard paths that start outside it (only
 * Enter, selects and checkboxes search), once its first search is answered.
 */
export async function renderAfterButton(adapter: SecureMessagesAdapter): Promise<SecureInbox> {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      <button>Före</button>
      <secure-inbox .adapter=${adapter} .debounce=${60_000}></secure-inbox>
    </div>`,
  );
  const el = wrapper.querySelector('secure-inbox') as SecureInbox;
  await settled(el);
  wrapper.querySelector('button')!.focus();
  return el;
}

export function rowButtons(el: SecureInbox): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('tbody tr th[scope="row"] button')];
}

/** The visible rows as [number, date, subject, status, assignee] texts. */
export function rows(el: SecureInbox): string[][] {
  return [...root(el).querySelectorAll('tbody tr.row')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell, i) =>
      normalise(
        i === 0 ? (cell.querySelector('button span:not([class])')?.textContent ?? '') : cellText(cell),
      ),
    ),
  );
}

export function numbers(el: SecureInbox): string[] {
  return rows(el).map((r) => r[0]);
}

/** The polite live region with the count. */
export function countRegion(el: SecureInbox): HTMLElement {
  const region = root(el).querySelector<HTMLElement>('[role="status"]');
  if (!region) throw new Error('no status region');
  return region;
}

export function resultsRegion(el: SecureInbox): HTMLElement | null {
  return root(el).querySelector<HTMLElement>('#results');
}

/** Waits until no search is under way and the outcome is on screen. */
export async function settled(el: SecureInbox): Promise<void> {
  await waitUntil(
    () => resultsRegion(el)?.getAttribute('aria-busy') === 'false',
    'the inbox did not settle',
    { timeout: 8000 },
  );
  await el.updateComplete;
}

/** Waits for the n-th search (1-based) to be sent and answered. */
export async function searched(el: SecureInbox, spy: SpyAdapter, n: number): Promise<void> {
  await waitUntil(() => spy.searches.length >= n, `search #${n} was not sent`, { timeout: 8000 });
  await settled(el);
}

/** Renders the inbox over a spy of `adapter` and waits until its first search is answered. */
export async function searchedInbox(
  adapter: SecureMessagesAdapter,
  debounce?: number,
): Promise<{ el: SecureInbox; spy: SpyAdapter }> {
  const spy = spyAdapter(adapter);
  const el = await renderInbox(spy.adapter, debounce);
  await searched(el, spy, 1);
  return { el, spy };
}

/** Types a message text into the open filters, sends it with Enter and waits for the n-th search. */
export async function searchText(el: SecureInbox, spy: SpyAdapter, text: string, n: number): Promise<void> {
  field(el, 'Meddelandetext').focus();
  await typeText(text);
  await sendKeys({ press: 'Enter' });
  await searched(el, spy, n);
}

/** Sets a select as a user would and lets the element react. */
export async function choose(el: SecureInbox, select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/**
 * The rows the manual's defaults show, worked out from its rules alone (not with the code under
 * test): the signed-in employer's own organisation, every status but Avslutad, the latest activity
 * first and, at the same instant, the higher number first. For large seeded sets.
 */
export function newestFirst(backend: MockBackend): ConversationSummary[] {
  const own = backend.currentUser().organisation?.customerNumber;
  return backend.store
    .summaries()
    .filter((c) => c.organisation.customerNumber === own && c.status !== 'closed')
    .sort((a, b) =>
      a.lastActivityAt !== b.lastActivityAt
        ? Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt)
        : Number(b.number) - Number(a.number),
    );
}

/** The conversations of knownInbox, by the role they play in the tests. */
export type KnownNumbers = Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'closed' | 'foreign', string>;

/**
 * Replaces the mock's data with eight conversations whose every field a test can read here, so
 * that expected rows and orders are written by hand. Created in this order, so c1 < c2 < … <
 * closed < foreign by number. Tolvan Tolvansson's personnummer is written in three forms.
 *
 * | row     | Ämne                 | Status         | Ansvarig                 | Datum      | text               |
 * | c1      | Beräkning            | Skickat        | Jonas Lindström KPJL02   | 2026-02-20 | 19121212-1212      |
 * | c2      | Utbetalning          | Nytt meddelande| –                        | 2026-02-25 |                    |
 * | c3      | Övrigt               | Svar inkommit  | Anna Berglund ABCD01     | 2026-02-27 | 121212-1212        |
 * | c4      | Anställning och lön  | Besvarat       | Jonas Lindström KPJL02   | 2026-02-10 | Lindholm           |
 * | c5      | Beräkning            | Skickat        | Anna Berglund ABCD01     | 2026-02-27 | 191212121212       |
 * | c6      | Ekonomi och fakturor | Nytt meddelande| Katarina Hallberg KPAH01 | 2026-03-01 |                    |
 * | closed  | Beräkning            | Avslutad       | Jonas Lindström KPJL02   | 2026-02-28 | 19121212-1212      |
 * | foreign | Beräkning            | Skickat        | Jonas Lindström KPJL02   | 2026-03-01 | 19121212-1212      |
 * `foreign` belongs to another organisation: the signed-in employer never sees it.
 */
export function knownInbox(backend: MockBackend): KnownNumbers {
  backend.reset({ size: 0 });
  const store = backend.store;
  const user = (id: string) => backend.users.find((u) => u.id === id)!;
  const rows: [keyof KnownNumbers, string, Status, UserRef | null, string, string][] = [
    [
      'c1',
      'berakning',
      'sent',
      SECOND_OFFICER,
      '2026-02-20',
      'Gäller Tolvan Tolvansson, 19121212-1212, och hans pension.',
    ],
    ['c2', 'utbetalning', 'new', null, '2026-02-25', 'Utbetalningen för mars är försenad.'],
    ['c3', 'ovrigt', 'reply-received', COLLEAGUE, '2026-02-27', 'En fråga om 121212-1212 och lönen.'],
    ['c4', 'anstallning-och-lon', 'answered', SECOND_OFFICER, '2026-02-10', 'Lindholm har bytt tjänst.'],
    ['c5', 'berakning', 'sent', COLLEAGUE, '2026-02-27', 'Ny beräkning behövs för 191212121212.'],
    ['c6', 'ekonomi-och-fakturor', 'new', OFFICER, '2026-03-01', 'Fakturan för februari.'],
    [
      'closed',
      'berakning',
      'closed',
      SECOND_OFFICER,
      '2026-02-28',
      'Tolvan Tolvansson 19121212-1212 är klar.',
    ],
    [
      'foreign',
      'berakning',
      'sent',
      SECOND_OFFICER,
      '2026-03-01',
      'Tolvan Tolvansson 19121212-1212 hos oss.',
    ],
  ];
  const numbers = {} as KnownNumbers;
  for (const [key, subjectId, status, assignee, day, body] of rows) {
    const author = user(key === 'foreign' ? 'OTOR01' : 'NAEF00');
    const { conversation } = store.createConversation(author, { subjectId, body, files: [] }, `known-${key}`);
    const summary = store.record(conversation.number)!.summary;
    summary.status = status;
    summary.assignee = assignee;
    summary.lastActivityAt = `${day}T08:00:00.000Z`;
    numbers[key] = conversation.number;
  }
  return numbers;
}

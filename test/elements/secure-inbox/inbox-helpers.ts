/**
 * Helpers for the <secure-inbox> tests: a spy around the REST adapter (to count searches and see
 * their signals), rendering, and finding controls the way a user does — by role and name.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import type { SearchQuery } from '../../../src/domain/query.js';
import {
  compareSummaries,
  effectiveFilters,
  matchesFilters,
  type ConversationFilters,
  type ConversationSummary,
  type Sort,
} from '../../../src/domain/index.js';
import '../../../src/define/secure-inbox.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import type { MockBackend } from '../../../mocks/index.js';

export { eventually, useMockBackend } from '../helpers.js';
export { button, description, field, hasButton, normalise, root, spokenText } from '../queries.js';
import { normalise, root } from '../queries.js';

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
  const adapter = new Proxy(inner, {
    get(target, key) {
      if (key === 'searchConversations') {
        return (query: SearchQuery, signal: AbortSignal) => {
          searches.push(structuredClone(query));
          signals.push(signal);
          return target.searchConversations(query, signal);
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { adapter, searches, signals };
}

export async function renderInbox(adapter: SecureMessagesAdapter, debounce = 300): Promise<SecureInbox> {
  const el = await fixture<SecureInbox>(
    html`<secure-inbox .adapter=${adapter} .debounce=${debounce}></secure-inbox>`,
  );
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
        i === 0
          ? (cell.querySelector('button span:not([class])')?.textContent ?? '')
          : (cell.textContent ?? ''),
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

/** Sets a select as a user would and lets the element react. */
export async function choose(el: SecureInbox, select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** The conversations the current mock user should see for these filters and sort (the oracle). */
export function expected(
  backend: MockBackend,
  filters: ConversationFilters,
  sort: Sort,
): ConversationSummary[] {
  const user = backend.currentUser();
  const eff = effectiveFilters(filters);
  return backend.store
    .records()
    .filter((r) => backend.store.isVisible(user, r) && matchesFilters(r.summary, r.index, eff))
    .map((r) => r.summary)
    .sort((a, b) => compareSummaries(a, b, sort));
}

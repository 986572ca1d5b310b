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
import type { SetupWorker } from 'msw/browser';
import { startMockWorker, type MockBackend, type MockBackendOptions } from '../../../mocks/index.js';
import { BASE_URL, useMockBackend, type MockBackendFixture } from '../helpers.js';

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

export function root(el: SecureInbox): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** Text as a screen reader reads it: leaves out aria-hidden parts, keeps visually hidden text. */
export function spokenText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child instanceof Element && child.getAttribute('aria-hidden') !== 'true')
      text += spokenText(child);
  }
  return text;
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The button whose accessible name is `name` (exactly, after normalising white space). */
export function button(el: SecureInbox, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find(
    (b) => normalise(b.getAttribute('aria-label') ?? spokenText(b)) === name,
  );
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

export function hasButton(el: SecureInbox, name: string): boolean {
  return [...root(el).querySelectorAll('button')].some((b) => normalise(spokenText(b)) === name);
}

/** The form control labelled `label` (by <label for> or by a wrapping <label>). */
export function field<T extends HTMLElement = HTMLInputElement>(el: SecureInbox, label: string): T {
  for (const l of root(el).querySelectorAll('label')) {
    if (normalise(spokenText(l)) !== label) continue;
    const control = l.htmlFor ? root(el).getElementById(l.htmlFor) : l.querySelector('input, select');
    if (control) return control as T;
  }
  throw new Error(`no field labelled "${label}"`);
}

/** The texts an element's aria-describedby points to. */
export function description(el: SecureInbox, control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => root(el).getElementById(id))
    .map((node) => (node ? normalise(spokenText(node)) : ''))
    .join(' ');
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

/**
 * Waits until this page is controlled by the already registered mock service worker, if any.
 *
 * Work-around for a race between test files running in parallel on one origin: when another
 * page has just registered MSW's worker and it is still installing, this page is not yet
 * controlled; MSW's `worker.start()` then calls `location.reload()`, which web-test-runner reports
 * as "Tests were interrupted because the page was reloaded". MSW's worker claims every page when
 * it activates, so waiting for `controllerchange` is enough. Belongs in test/elements/helpers.ts.
 */
async function waitForServiceWorkerControl(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  if (registrations.length === 0 || navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** True when the mock backend answers this page (not the test server's 404). */
async function mockAnswers(): Promise<boolean> {
  const response = await fetch(`${BASE_URL}/me`, { cache: 'no-store' });
  return response.ok;
}

/**
 * useMockBackend, made robust against the races of parallel test files sharing one service
 * worker (see waitForServiceWorkerControl). A second race: when another file's page closes while
 * this page is not yet controlled, MSW's worker finds no controlled clients left and unregisters
 * itself, and this page's requests then reach the test server (404). Then the worker is started
 * once more for this page. Belongs in test/elements/helpers.ts.
 */
export function useInboxBackend(options: MockBackendOptions = {}): MockBackendFixture {
  before(waitForServiceWorkerControl);
  const fixture = useMockBackend(options);
  let again: SetupWorker | undefined;
  before(async () => {
    if (await mockAnswers()) return;
    again = await startMockWorker(fixture.backend, { quiet: true });
    if (!(await mockAnswers())) throw new Error('the mock service worker does not answer');
  });
  after(() => again?.stop());
  return fixture;
}

/** waitUntil with a timeout that tolerates a busy machine (no timing is asserted). */
export function eventually(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 8000 });
}

/**
 * Shared set-up for element tests: the MSW mock backend in a service worker, and a REST adapter
 * talking to it, exactly as an embedding page would.
 */
import { waitUntil } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import {
  createMockBackend,
  startMockWorker,
  type MockBackend,
  type MockBackendOptions,
} from '../../mocks/index.js';
import { createRestAdapter } from '../../src/adapter/rest-adapter.js';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';

export const BASE_URL = '/api/secure-messages/v1';
let testChannel = '';
/**
 * The channel key of this test's adapters: they share a channel, as a browser's tabs do, but not
 * with an earlier test's, whose channel may linger a moment (or a page that a runner keeps alive
 * beside this one), so that no session end and no stream crosses from one test to the next.
 */
export const channelKey = (): string => testChannel;
beforeEach(() => {
  testChannel = `tests ${crypto.randomUUID()}`;
});
export const NOW = new Date('2026-03-02T09:00:00Z');

export interface MockBackendFixture {
  readonly backend: MockBackend;
  /** A fresh REST adapter for each test (its change hub is per instance). */
  adapter(): SecureMessagesAdapter;
}

/**
 * Waits until this page is controlled by an already registered mock service worker, if any.
 * When another page has just registered MSW's worker and it is still installing, this page is not
 * yet controlled, and MSW's `worker.start()` would reload the page. MSW's worker claims every page
 * when it activates, so waiting for `controllerchange` is enough.
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
 * Starts one worker for the test file (`before`), reseeds the backend before each test and stops
 * the worker at the end. Call at the top of a `describe`.
 *
 * When a previous page closed while this one was not yet controlled, MSW's worker may have found
 * no controlled clients and unregistered itself; then the worker is started once more.
 */
export function useMockBackend(options: MockBackendOptions = {}): MockBackendFixture {
  // Without live updates unless a test asks for them: most tests here are about polling and count requests.
  const settings: MockBackendOptions = { seed: 7, size: 60, now: NOW, liveUpdates: false, ...options };
  const backend = createMockBackend(settings);
  const workers: SetupWorker[] = [];
  before(async () => {
    await waitForServiceWorkerControl();
    workers.push(await startMockWorker(backend, { quiet: true }));
    if (await mockAnswers()) return;
    workers.push(await startMockWorker(backend, { quiet: true }));
    if (!(await mockAnswers())) throw new Error('the mock service worker does not answer');
  });
  beforeEach(() => backend.reset(settings));
  after(() => {
    for (const worker of workers) worker.stop();
  });
  return { backend, adapter: () => createRestAdapter({ baseUrl: BASE_URL, channelKey: channelKey() }) };
}

/** waitUntil with a timeout that tolerates a busy machine (no timing is asserted). */
export function eventually(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 8000 });
}

/**
 * Resolves once a second `<notice-badge>`, polling every `seconds` on an adapter of its own that
 * answers at once, has polled `count` times.
 *
 * A check that elements do NOT ask again (an ended session) needs a bound: no event says "it will
 * never poll". This one is a poll shown to happen, timed by the same poller as theirs: once the
 * witness has polled `count` times, an element on the same interval that still polled would have
 * asked too, however busy the machine. (Where time itself is the subject, use the test clock.)
 */
export async function witnessPolls(seconds: number, count: number): Promise<void> {
  await import('../../src/define/notice-badge.js');
  let polls = 0;
  const adapter: Pick<SecureMessagesAdapter, 'getNoticeCount' | 'subscribe'> = {
    getNoticeCount: () => {
      polls++;
      return Promise.resolve(0);
    },
    subscribe: () => () => undefined,
  };
  const witness = Object.assign(document.createElement('notice-badge'), {
    pollInterval: seconds,
    adapter: adapter as SecureMessagesAdapter,
  });
  document.body.append(witness);
  try {
    // The first count is asked at once; each poll after it is one interval later.
    await waitUntil(() => polls > count, `the witness polled ${polls} times`, {
      timeout: 8000 + count * seconds * 1000,
    });
  } finally {
    witness.remove();
  }
}

/**
 * The adapter with one method replaced: `replace` gets the adapter's own method (bound to it) and
 * returns what callers get instead; every other member passes through.
 */
export function intercept<K extends keyof SecureMessagesAdapter>(
  adapter: SecureMessagesAdapter,
  method: K,
  replace: (original: SecureMessagesAdapter[K]) => SecureMessagesAdapter[K],
): SecureMessagesAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      const own = typeof value === 'function' ? (value.bind(target) as unknown) : value;
      return key === method ? replace(own as SecureMessagesAdapter[K]) : own;
    },
  });
}

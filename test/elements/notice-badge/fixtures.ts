import { waitUntil } from '@open-wc/testing';
import type { MockBackend } from '../../../mocks/index.js';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import { ChangeHub } from '../../../src/adapter/change-hub.js';
import { createRestAdapter } from '../../../src/adapter/rest-adapter.js';
import type { Status } from '../../../src/domain/status.js';
import type { NoticeBadge } from '../../../src/elements/notice-badge/notice-badge.js';
import { BASE_URL, channelKey } from '../helpers.js';

export interface CountingAdapter {
  adapter: SecureMessagesAdapter;
  hub: ChangeHub;
  /** GET /notices/count requests sent so far. */
  requests(): number;
  /** GET /notices/count requests sent and not yet answered (or failed). */
  inFlight(): number;
}

/** A REST adapter against the mock backend, without the live stream, that counts its notice-count requests. */
export function countingAdapter(): CountingAdapter {
  let requests = 0;
  let inFlight = 0;
  const hub = new ChangeHub();
  const adapter = createRestAdapter({
    baseUrl: BASE_URL,
    channelKey: channelKey(),
    changes: hub,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/notices/count')) return fetch(input, init);
      requests++;
      inFlight++;
      return fetch(input, init).finally(() => inFlight--);
    },
  });
  // Polling only: no stream, whose reconnect timers would mix with the polls on the test clock.
  Object.defineProperty(adapter, 'streamEvents', { value: undefined });
  return { adapter, hub, requests: () => requests, inFlight: () => inFlight };
}

/** The backend's own count for its current user: what the badge must show. */
export function storeCount(backend: MockBackend): number {
  return backend.store.noticeCount(backend.currentUser());
}

/** The number of a conversation the current user sees in this status. */
export function conversationIn(backend: MockBackend, status: Status): string {
  const user = backend.currentUser();
  const record = backend.store
    .records()
    .find((r) => r.summary.status === status && backend.store.isVisible(user, r));
  if (!record) throw new Error(`No conversation in status ${status} in the seed`);
  return record.summary.number;
}

export function part(el: NoticeBadge, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function link(el: NoticeBadge): HTMLAnchorElement | null {
  return el.shadowRoot!.querySelector('a');
}

export function liveRegion(el: NoticeBadge): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
}

export async function settle(el: NoticeBadge, status: NoticeBadge['status'] = 'ready'): Promise<void> {
  await waitUntil(() => el.status === status, `status ${status}, was ${el.status}`, { timeout: 4000 });
  await el.updateComplete;
}

let visibility: DocumentVisibilityState | undefined;

/** Overrides `document.visibilityState` and fires `visibilitychange`; `restoreVisibility` undoes it. */
export function setVisibility(state: DocumentVisibilityState): void {
  if (visibility === undefined) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  }
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restoreVisibility(): void {
  if (visibility === undefined) return;
  delete (document as { visibilityState?: unknown }).visibilityState;
  visibility = undefined;
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { Poller, retryAfterOf } from './poller.js';
import { signedOutError } from './session.js';
import { SessionLink } from './session-link.js';

/** The part of the adapter the count needs; a plain object with these two methods is enough. */
export type NoticeCountAdapter = Pick<SecureMessagesAdapter, 'getNoticeCount' | 'subscribe'>;

/**
 * - `idle`: no adapter yet.
 * - `loading`: the first count (for this adapter) is on its way; no number to show.
 * - `ready`: `count` holds the latest count (a refresh may be in flight behind it).
 * - `error`: the last request failed; no number to show. The next poll or change retries.
 */
export type NoticeCountStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Default polling interval, in seconds. */
export const DEFAULT_POLL_INTERVAL = 60;

/** Default seconds after which an unanswered request is given up (at least one poll interval). */
export const DEFAULT_REQUEST_TIMEOUT = 30;

export interface NoticeCountControllerOptions {
  /** Returns the adapter in use; read on connect and before every host update. */
  adapter: () => NoticeCountAdapter | undefined;
  /** Polling interval in seconds (fractions allowed, 0 = no polling). Default 60. */
  pollInterval?: number;
  /**
   * Seconds after which a request still unanswered is aborted and counts as an error, so that a
   * server that never answers cannot stop the polling. The effective limit is at least one poll
   * interval. Default 30.
   */
  requestTimeout?: number;
  /**
   * Called when the backend answers 401: once, and again only after a count has loaded
   * successfully in between (so a poll every minute does not ask the host to sign in every minute).
   */
  onAuthRequired?: () => void;
  /**
   * Called when a loaded count differs from the previous one. `previous` is undefined for the
   * first count from an adapter; after an error it is the last count that loaded.
   */
  onCountChange?: (count: number, previous: number | undefined) => void;
}

/**
 * Owns the notice count of `<notice-badge>`: loading, errors, polling that pauses while the tab is
 * hidden, and refreshing whenever the adapter reports a change to a conversation.
 *
 * - Every request gets its own `AbortSignal`; a newer request aborts the older one, and
 *   disconnecting the host aborts the request in flight, stops the timer and unsubscribes.
 * - A change reported by the adapter (`adapter.subscribe`) re-fetches at once and restarts the
 *   polling countdown. The subscription follows the adapter: when `options.adapter()` returns
 *   another one (property or context), the old subscription ends and the count starts afresh.
 * - Polling is the shared `Poller`: paused while the tab is hidden and at once on return, backed
 *   off after failures, no sooner than a `Retry-After`, stopped when the session ends (a 401).
 *   A request unanswered after `requestTimeout` (at least one interval) is aborted as an error.
 *
 * Not built on `@lit/task`: the count survives refreshes and errors are reported once per streak,
 * both easier to state directly than through a task's status.
 */
export class NoticeCountController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: NoticeCountControllerOptions;

  #pollInterval = DEFAULT_POLL_INTERVAL;
  readonly #requestTimeoutMs: number;
  #adapter: NoticeCountAdapter | undefined = undefined;
  /** The adapter the current count belongs to; kept over a disconnect so re-attaching keeps the number. */
  #countAdapter: NoticeCountAdapter | undefined = undefined;
  #request: AbortController | undefined = undefined;
  readonly #session: SessionLink;
  readonly #poller = new Poller({
    interval: () => this.#pollInterval,
    poll: () => void this.#refresh(true),
    paused: () => this.#session.live,
  });

  #count: number | undefined = undefined;
  #lastLoaded: number | undefined = undefined;
  #status: NoticeCountStatus = 'idle';
  #error: unknown = undefined;

  constructor(host: ReactiveControllerHost, options: NoticeCountControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#session = new SessionLink({
      adapter: () => options.adapter() as SecureMessagesAdapter | undefined,
      ended: () => this.#signedOut(),
      resumed: () => void this.refresh(),
      authRequired: () => options.onAuthRequired?.(),
      // With a healthy live stream the server tells the new count itself.
      changed: () => {
        if (!this.#session.live) void this.#refresh(true);
      },
      live: (news) => {
        if (news.type === 'notices') {
          this.#show(news.count);
          // Another element (another tab) was given the count: it serves as this one's poll.
          this.#poller.heard(this.#request !== undefined);
        } else if (news.type === 'reset') void this.#refresh(true);
      },
    });
    const timeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
    this.#requestTimeoutMs =
      (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_REQUEST_TIMEOUT) * 1000;
    if (options.pollInterval !== undefined) this.pollInterval = options.pollInterval;
    host.addController(this);
  }

  /** The count to show; undefined while loading the first time, without an adapter, and after an error. */
  get count(): number | undefined {
    return this.#count;
  }

  get status(): NoticeCountStatus {
    return this.#status;
  }

  /** What the last request failed with (`status === 'error'`), else undefined. */
  get error(): unknown {
    return this.#error;
  }

  /** True while a request is in flight (first load or refresh). */
  get pending(): boolean {
    return this.#request !== undefined;
  }

  /**
   * Seconds between polls; fractions allowed (tests use e.g. 0.05). 0 turns polling off; a negative
   * or non-finite value means the default. Changing it restarts the countdown.
   */
  get pollInterval(): number {
    return this.#pollInterval;
  }

  set pollInterval(seconds: number) {
    const value = Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_POLL_INTERVAL;
    if (value === this.#pollInterval) return;
    this.#pollInterval = value;
    // A request in flight schedules the next poll when it settles.
    if (this.#session.connected && this.#adapter && this.#request === undefined)
      this.#poller.settled(this.#status !== 'error');
  }

  hostConnected(): void {
    this.#session.hostConnected();
    this.#poller.connect();
    this.#syncAdapter();
  }

  hostUpdate(): void {
    this.#session.hostUpdate();
    this.#syncAdapter();
  }

  hostDisconnected(): void {
    this.#session.hostDisconnected();
    this.#poller.disconnect();
    this.#detach();
    this.#adapter = undefined;
  }

  /**
   * Fetches the count now, aborting a request in flight. The next poll is counted from when this
   * request settles, so polls never overlap however slow the server is. Never rejects: failures
   * end up in `status`/`error`.
   */
  refresh(): Promise<void> {
    return this.#refresh(false);
  }

  /** `background`: no user asked for it (a poll, a change elsewhere, the tab showing again). */
  async #refresh(background: boolean): Promise<void> {
    const adapter = this.#adapter;
    // After the session ended nothing is asked until Försök igen (in any element on the adapter).
    if (!this.#session.connected || adapter === undefined || this.#session.signedOut) return;
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.#poller.stop();
    if (this.#count === undefined && this.#status !== 'error') this.#status = 'loading';
    this.#host.requestUpdate();
    const watchdog = setTimeout(
      () => request.abort(new DOMException('The notice count took too long.', 'TimeoutError')),
      Math.max(this.#requestTimeoutMs, this.#pollInterval * 1000),
    );
    let failure: unknown = undefined;
    try {
      const count = await adapter.getNoticeCount(request.signal, { background });
      if (request !== this.#request) return;
      if (!(Number.isInteger(count) && count >= 0)) throw new TypeError('The notice count is not a count.');
      this.#show(count);
      this.#session.share({ type: 'notices', count });
    } catch (error) {
      if (request !== this.#request) return; // aborted or superseded: not an error of ours
      this.#count = undefined;
      this.#status = 'error';
      this.#error = error;
      failure = error;
      // A 401 ends the session for every element on the adapter: no more polling.
      if (this.#session.authFailed(error)) return;
    } finally {
      clearTimeout(watchdog);
      if (request === this.#request && !this.#session.signedOut) {
        this.#request = undefined;
        this.#poller.settled(failure === undefined, retryAfterOf(failure));
        this.#host.requestUpdate();
      }
    }
  }

  /** A count the server gave, by answer or by the live stream. */
  #show(count: number): void {
    if (this.#adapter === undefined || this.#session.signedOut) return;
    const previous = this.#lastLoaded;
    this.#count = count;
    this.#lastLoaded = count;
    this.#status = 'ready';
    this.#error = undefined;
    this.#session.settled();
    if (count !== previous) this.#options.onCountChange?.(count, previous);
    this.#host.requestUpdate();
  }

  #syncAdapter(): void {
    if (!this.#session.connected) return;
    const next = this.#options.adapter();
    if (next === this.#adapter) return;
    this.#detach();
    this.#adapter = next;
    if (next !== this.#countAdapter) {
      this.#countAdapter = next;
      this.#count = undefined;
      this.#lastLoaded = undefined;
      this.#error = undefined;
      this.#session.settled();
      this.#status = next === undefined ? 'idle' : 'loading';
      this.#host.requestUpdate();
    }
    if (next === undefined) return;
    if (this.#session.signedOut) this.#signedOut();
    else void this.refresh();
  }

  /** The session ended: no count on screen, no request in flight, no poll until Försök igen. */
  #signedOut(): void {
    this.#detach();
    this.#count = undefined;
    this.#status = 'error';
    this.#error = signedOutError();
    this.#host.requestUpdate();
  }

  /** Ends everything tied to the current adapter: the request in flight, the timer. */
  #detach(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.#poller.stop();
  }
}

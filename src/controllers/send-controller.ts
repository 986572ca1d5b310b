import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SendOptions, UploadProgress } from '../adapter/adapter.js';
import { isAbortError, isAdapterError, isErrorKind, NetworkError } from '../adapter/errors.js';
import type { MessageDraft } from './drafts.js';

/**
 * - idle: nothing sent yet (or the element came back after leaving mid-send);
 * - sending: a request is under way;
 * - waiting: an automatic retry is scheduled (network error, 5xx or a request that never answered);
 * - failed: given up; the draft is kept and the user may press Försök igen;
 * - sent: the server stored the message.
 */
export type SendPhase = 'idle' | 'sending' | 'waiting' | 'failed' | 'sent';

export interface SendSettings {
  /** Milliseconds to wait before each automatic retry; its length is the number of retries. */
  retryDelays: readonly number[];
  /** Milliseconds without an answer after which a request counts as lost (outcome unknown). */
  timeout: number;
}

export interface SendControllerOptions<T> {
  settings: () => SendSettings;
  /** The server stored the message (called once per successful send cycle). */
  onSent?: (result: T) => void;
  /** The backend answered 401; the draft is kept. */
  onAuthRequired?: () => void;
}

/** Default pauses before the automatic retries of a send, in milliseconds. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = Object.freeze([1000, 3000, 9000]);
/** Default time without an answer after which a send counts as lost and is retried, in milliseconds. */
export const DEFAULT_SEND_TIMEOUT = 60_000;

/** A Retry-After longer than this is not waited for automatically; the user may press Försök igen. */
const MAX_AUTOMATIC_WAIT_MS = 60_000;

/**
 * What a failed send says about whether the message was stored:
 * - `unknown`: the answer was lost, or a 5xx came back — a gateway may answer 502/504 after the
 *   origin stored the message, and a 500 may come after the write. The draft stays locked under
 *   its key until a retry settles it.
 * - `not-stored`: a definite 4xx: the server refused the request, so nothing was stored (and any
 *   earlier attempt under the same key was refused the same way). The draft may be edited under
 *   a new key. 401, 408 and 429 say nothing about an earlier attempt and are not definite.
 * - `unchanged`: anything else leaves what was known as it was.
 */
function outcomeOf(error: unknown): 'unknown' | 'not-stored' | 'unchanged' {
  if (isErrorKind(error, 'network')) return error.outcomeUnknown === true ? 'unknown' : 'unchanged';
  if (!isAdapterError(error) || error.status === undefined) return 'unchanged';
  if (error.status >= 500) return 'unknown';
  if (error.status >= 400 && ![401, 408, 429].includes(error.status)) return 'not-stored';
  return 'unchanged';
}

/** Thrown into the request's signal when it took longer than `timeout`. */
function timeoutReason(): DOMException {
  return new DOMException('The request took too long.', 'TimeoutError');
}

/**
 * Sends one draft reliably: one Idempotency-Key per draft (kept on the draft, so it survives
 * leaving the view), automatic retries with backoff after network errors, server errors
 * (honouring Retry-After) and requests that never answer, an immediate retry when the browser
 * comes back online, and never two requests at once.
 *
 * A request whose answer was lost, or that got a 5xx, may have been stored. The draft is then
 * marked `outcomeUnknown` and must not be edited until a retry with the same key settles it; the
 * server answers that retry with the message it stored the first time, so exactly one message
 * exists. Only a definite 4xx unlocks it (see `outcomeOf`).
 */
export class SendController<T> implements ReactiveController {
  phase: SendPhase = 'idle';
  progress: UploadProgress | null = null;
  /** The error of the last attempt (undefined after success). */
  error: unknown = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: SendControllerOptions<T>;
  #draft: MessageDraft | undefined = undefined;
  #run: ((options: SendOptions) => Promise<T>) | undefined = undefined;
  #abort: AbortController | undefined = undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  #retries = 0;
  #resolve: ((result: T | undefined) => void) | undefined = undefined;

  constructor(host: ReactiveControllerHost, options: SendControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Sending or waiting to retry: a new send is refused. */
  get busy(): boolean {
    return this.phase === 'sending' || this.phase === 'waiting';
  }

  hostConnected(): void {
    window.addEventListener('online', this.#online);
  }

  /**
   * Leaving the page mid-send aborts the request. It may already have reached the server, so the
   * draft is marked outcome-unknown: the next element showing it retries with the same key.
   */
  hostDisconnected(): void {
    window.removeEventListener('online', this.#online);
    if (!this.busy) return;
    this.#cancel();
    this.phase = 'idle';
  }

  /**
   * Sends `draft` through `run`, retrying as described above. Resolves with the result when the
   * server stored the message, or undefined when this send gave up (or was refused because one is
   * already under way). The draft is never changed except for its key and `outcomeUnknown`.
   */
  send(draft: MessageDraft, run: (options: SendOptions) => Promise<T>): Promise<T | undefined> {
    if (this.busy) return Promise.resolve(undefined);
    draft.idempotencyKey ??= crypto.randomUUID();
    this.#draft = draft;
    this.#run = run;
    this.#retries = 0;
    const done = new Promise<T | undefined>((resolve) => (this.#resolve = resolve));
    void this.#attempt();
    return done;
  }

  /**
   * Back to idle (after a success has been shown and the user starts anew). `discard`: also when
   * a send is under way, which is aborted and forgotten (the draft it sent no longer exists).
   */
  reset(discard = false): void {
    if (this.busy) {
      if (!discard) return;
      this.#cancel();
    }
    this.#draft = undefined;
    this.phase = 'idle';
    this.error = undefined;
    this.progress = null;
    this.#host.requestUpdate();
  }

  /**
   * The session ended: a scheduled retry is cancelled and a request under way is aborted (it may
   * have reached the server, so its outcome is then unknown). Nothing is sent again by itself:
   * only a new `send` after it is known who is signed in (see MessageFormController.submit).
   */
  stop(error: unknown): void {
    if (!this.busy) return;
    this.#cancel();
    this.error = error;
    this.phase = 'failed';
    this.#host.requestUpdate();
  }

  readonly #online = (): void => {
    if (this.phase === 'waiting') {
      clearTimeout(this.#retryTimer);
      void this.#attempt();
    }
  };

  async #attempt(): Promise<void> {
    const draft = this.#draft;
    const run = this.#run;
    if (!draft || !run) return;
    const key = (draft.idempotencyKey ??= crypto.randomUUID());
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = 'sending';
    this.progress = null;
    this.#host.requestUpdate();
    const { timeout } = this.#options.settings();
    const timer = setTimeout(() => abort.abort(timeoutReason()), timeout);
    try {
      const result = await run({
        signal: abort.signal,
        idempotencyKey: key,
        onProgress: (progress) => {
          if (this.#abort !== abort) return;
          this.progress = progress;
          this.#host.requestUpdate();
        },
      });
      if (this.#abort !== abort) return;
      draft.outcomeUnknown = false;
      this.error = undefined;
      this.phase = 'sent';
      this.#host.requestUpdate();
      this.#options.onSent?.(result);
      this.#finish(result);
    } catch (error) {
      if (this.#abort !== abort) return; // left the page; hostDisconnected settled it
      // Still ours yet aborted: the timeout. A request that never answered may have been stored.
      const timedOut = isAbortError(error) || (abort.signal.aborted && error === abort.signal.reason);
      this.#failed(draft, timedOut ? new NetworkError('The request did not answer in time.', true) : error);
    } finally {
      clearTimeout(timer);
    }
  }

  #failed(draft: MessageDraft, error: unknown): void {
    this.error = error;
    const outcome = outcomeOf(error);
    if (outcome === 'unknown') draft.outcomeUnknown = true;
    else if (outcome === 'not-stored') draft.outcomeUnknown = false;
    const delay = this.#retryDelay(error);
    if (delay !== undefined) {
      this.#retries++;
      this.phase = 'waiting';
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        void this.#attempt();
      }, delay);
      this.#host.requestUpdate();
      return;
    }
    this.phase = 'failed';
    this.#host.requestUpdate();
    if (isErrorKind(error, 'auth-required')) this.#options.onAuthRequired?.();
    this.#finish(undefined);
  }

  /** Milliseconds until the next automatic retry, or undefined to give up. */
  #retryDelay(error: unknown): number | undefined {
    const delays = this.#options.settings().retryDelays;
    if (this.#retries >= delays.length) return undefined;
    if (isErrorKind(error, 'network')) return delays[this.#retries];
    if (isErrorKind(error, 'server')) {
      if (typeof error.retryAfterSeconds !== 'number') return delays[this.#retries];
      const wait = error.retryAfterSeconds * 1000;
      return wait <= MAX_AUTOMATIC_WAIT_MS ? Math.max(wait, delays[this.#retries]) : undefined;
    }
    return undefined;
  }

  /**
   * The send under way gives up: no retry is scheduled, and the request under way is aborted and
   * forgotten — it may have reached the server, so its draft's outcome is unknown.
   */
  #cancel(): void {
    if (this.phase === 'sending' && this.#draft) this.#draft.outcomeUnknown = true;
    this.#finish(undefined);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const abort = this.#abort;
    this.#abort = undefined;
    abort?.abort();
  }

  #finish(result: T | undefined): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(result);
  }
}

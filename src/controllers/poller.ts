/**
 * Polling, written once for every element that refreshes by itself (`<secure-thread>`,
 * `<notice-badge>`): one behaviour for all of them.
 *
 * - The next poll is counted from when the previous request settled, so polls never overlap
 *   however slow the server is.
 * - No timer runs while the tab is hidden. On return it polls at once (the user sees what
 *   happened meanwhile), then counts a whole interval again.
 * - After failures the interval backs off (doubling, up to `MAX_BACKOFF` times the interval), and
 *   a `Retry-After` postpones the next poll to at least that many seconds.
 * - `stop()` (e.g. when the session ends on a 401) cancels what is scheduled; nothing polls until
 *   the owner settles a request again.
 * - A new interval reaches it in one way: the owner calls `restart()`, which counts afresh.
 * - While `paused()` (the live stream is healthy) a poll that falls due is skipped, so polling
 *   takes over within one interval of the stream's end.
 * - Another tab's answer to the same question (`heard()`) serves as this poll: the next is counted
 *   afresh, from a quarter interval more (and a little more at random), so that the tab that asked
 *   keeps asking first, however long its requests take. When two asked at once, the one still
 *   waiting counts its next from one and a half intervals: from then on one tab asks for all.
 */

/** The most the interval grows after failures in a row. */
export const MAX_BACKOFF = 8;

export interface PollerOptions {
  /** Seconds between polls (fractions allowed); 0, negative or not finite: no polling. */
  interval: () => number;
  /** A poll fell due. */
  poll: () => void;
  /** While true, a poll that falls due is skipped and the next counted from then (live updates). */
  paused?: () => boolean;
}

function isHidden(): boolean {
  return document.visibilityState === 'hidden';
}

/** Seconds of a `Retry-After` an error carries (`ServerError.retryAfterSeconds`), else 0. */
export function retryAfterOf(error: unknown): number {
  const value = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export class Poller {
  readonly #options: PollerOptions;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** `performance.now()` when the next poll is due; null when none is scheduled. */
  #dueAt: number | null = null;
  /** Failed requests in a row. */
  #failures = 0;
  /** Another tab answered the same question while this one's request was under way. */
  #overlapped = false;

  constructor(options: PollerOptions) {
    this.#options = options;
  }

  /** The interval in milliseconds; 0 when polling is off. */
  get #intervalMs(): number {
    const seconds = this.#options.interval();
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }

  /** A poll is scheduled (armed or waiting for the tab to show). */
  get scheduled(): boolean {
    return this.#dueAt !== null;
  }

  connect(): void {
    if (this.#connected) return;
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  disconnect(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.stop();
  }

  /**
   * A request settled: schedules the next poll one interval from now, backed off after failures
   * (`ok` false) and no sooner than `retryAfterSeconds`.
   */
  settled(ok: boolean, retryAfterSeconds = 0): void {
    this.#failures = ok ? 0 : this.#failures + 1;
    const overlapped = this.#overlapped;
    this.#overlapped = false;
    const interval = this.#intervalMs;
    if (interval === 0 || !this.#connected) {
      this.stop();
      return;
    }
    const backoff = Math.min(2 ** this.#failures, MAX_BACKOFF);
    const next = ok ? (overlapped ? 1.5 : 1) : backoff;
    this.#schedule(Math.max(interval * next, retryAfterSeconds * 1000));
  }

  /**
   * Another tab was just given what this one polls for. `busy`: this one's request is under way
   * (its next poll is counted when it settles); otherwise the countdown starts afresh. Nothing
   * when nothing was scheduled (polling off, or the session ended).
   */
  heard(busy: boolean): void {
    if (busy) this.#overlapped = true;
    else if (this.#dueAt !== null) this.#schedule(this.#intervalMs * (1.25 + Math.random() / 4));
  }

  /** The interval changed: counts afresh from now (nothing when nothing was scheduled). */
  restart(): void {
    if (this.#dueAt === null) return;
    const interval = this.#intervalMs;
    if (interval === 0) this.stop();
    else this.#schedule(interval);
  }

  /** Nothing is scheduled any more (a request is under way, or the session ended). */
  stop(): void {
    this.#clearTimer();
    this.#dueAt = null;
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    this.#dueAt = performance.now() + delay;
    if (!isHidden()) this.#arm();
  }

  #arm(): void {
    if (this.#dueAt === null) return;
    const remaining = Math.max(0, this.#dueAt - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#due();
    }, remaining);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #onVisibilityChange = (): void => {
    if (!this.#connected) return;
    if (isHidden()) {
      this.#clearTimer();
      return;
    }
    // Nothing scheduled: polling is off, a request is under way, or the session ended.
    if (this.#dueAt !== null) this.#due();
  };

  #due(): void {
    this.#dueAt = null;
    if (this.#options.paused?.()) this.settled(true);
    else this.#options.poll();
  }
}

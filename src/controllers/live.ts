/**
 * Live updates, one connection per browser: the elements of every tab on one backend (adapters
 * with the same `channelKey`) share one stream of the server's events (`adapter.streamEvents`).
 *
 * - One tab leads: it holds a Web Lock and reads the stream; every tab hears the events over a
 *   BroadcastChannel. When the leading tab closes, its lock passes to a waiting tab, which resumes
 *   the stream after the last event heard (`Last-Event-ID`), so no change is missed.
 * - While the stream is healthy (`live`), the elements do not poll; when the server has no stream
 *   (404), the stream breaks, stays silent (65 s, twice the contract's heartbeat bound and more)
 *   or sends nothing at all within 5 s (a proxy that buffers it), they poll as before, and the
 *   leader tries again after 1, 2, 5, 15, then every 60 s (10 minutes after a 404).
 * - Polling, one tab's answer serves all: the notice count and the version of a conversation read
 *   are shared, and an element that heard them within its interval skips its own poll.
 * - A session that ends in one tab (a 401, `forgetSession`) ends in every tab at once, hidden ones
 *   included; each tab resumes with its own Försök igen.
 * - Nothing personal crosses the channel: event ids, message numbers, versions and counts only.
 *
 * Without Web Locks (an insecure context) each tab leads for itself; without a `channelKey`,
 * nothing is shared.
 */
import type { LiveEvent, SecureMessagesAdapter } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import { sessionFor, type AdapterSession } from './session.js';

/**
 * What elements read from the server and tell each other, so that one poll serves every tab: a
 * notice count, or the version of a conversation read.
 */
export type Polled = { type: 'notices'; count: number } | { type: 'read'; number: string; version: string };

/**
 * What an element hears: an event of the stream, what another element polled, that the stream is
 * (no longer) healthy, or (in the leading tab only) that the server answered the stream with a 401.
 */
export type LiveNews =
  | Exclude<LiveEvent, { type: 'alive' }>
  | Polled
  | { type: 'live'; live: boolean }
  | { type: 'unauthorised'; error: unknown };
export type LiveListener = (news: LiveNews) => void;

/** What tabs tell each other. */
type Message = LiveNews | { type: 'ended' } | { type: 'ask' };

/** Milliseconds a new stream may take to send its first event or sign of life. */
export const FIRST_EVENT_MS = 5000;
/** Milliseconds of silence after which a stream counts as dead. */
export const SILENCE_MS = 65_000;
/** Seconds before the next attempt after failures in a row. */
export const BACKOFF_SECONDS = [1, 2, 5, 15, 60];
/** Seconds before asking again a server that has no stream. */
export const ABSENT_SECONDS = 600;
/** Milliseconds a channel without listeners stays open (elements that swap views come back). */
const LINGER_MS = 1000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export class LiveChannel {
  readonly #adapter: SecureMessagesAdapter;
  readonly #session: AdapterSession;
  readonly #listeners = new Set<LiveListener>();
  #live = false;
  #lastId: string | undefined = undefined;
  #broadcast: BroadcastChannel | undefined = undefined;
  /** Ends this tab's part: its lock, its stream, its channel. */
  #open: AbortController | undefined = undefined;
  /** The stream being read, when this tab leads. */
  #attempt: AbortController | undefined = undefined;
  #leading = false;
  /** An end of session heard from another tab is not told back. */
  #hearing = false;
  #linger: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(adapter: SecureMessagesAdapter) {
    this.#adapter = adapter;
    this.#session = sessionFor(adapter);
  }

  /** The stream (this tab's or the leader's) is healthy: the elements need not poll. */
  get live(): boolean {
    return this.#live;
  }

  /** This tab reads the stream for all of them. */
  get leading(): boolean {
    return this.#leading;
  }

  /** Adds a listener; the first opens the channel, and the last to go closes it. */
  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    clearTimeout(this.#linger);
    if (!this.#open) this.#start();
    return () => {
      if (!this.#listeners.delete(listener) || this.#listeners.size > 0) return;
      clearTimeout(this.#linger);
      this.#linger = setTimeout(() => this.#stop(), LINGER_MS);
    };
  }

  /** Tells every other element, in this tab and the others, what `from` polled. */
  share(polled: Polled, from: LiveListener): void {
    this.#tell(polled, true, from);
  }

  /** Closes the current stream (the leader reconnects after its back-off); for the developer panel. */
  cut(): void {
    this.#attempt?.abort();
  }

  #start(): void {
    const open = new AbortController();
    this.#open = open;
    const key = this.#adapter.channelKey;
    const name = `secure-messages ${key}`;
    if (key !== undefined && typeof BroadcastChannel === 'function') {
      const broadcast = new BroadcastChannel(name);
      broadcast.onmessage = (event: MessageEvent<Message>) => this.#hear(event.data);
      this.#broadcast = broadcast;
      broadcast.postMessage({ type: 'ask' } satisfies Message);
    }
    const unsubscribe = this.#session.subscribe((event) => {
      if (event !== 'signed-out' && event !== 'forgotten') return;
      this.#attempt?.abort();
      if (!this.#hearing) this.#post({ type: 'ended' });
    });
    open.signal.addEventListener('abort', unsubscribe, { once: true });
    if (!this.#adapter.streamEvents) return;
    const locks = (navigator as Partial<Navigator>).locks;
    if (key !== undefined && locks)
      locks.request(name, { signal: open.signal }, () => this.#lead(open.signal)).catch(() => undefined);
    else void this.#lead(open.signal);
  }

  #stop(): void {
    this.#open?.abort();
    this.#open = undefined;
    this.#broadcast?.close();
    this.#broadcast = undefined;
    this.#setLive(false, false);
  }

  /** Reads the stream while this tab leads (until `signal` aborts), reconnecting with back-off. */
  async #lead(signal: AbortSignal): Promise<void> {
    this.#leading = true;
    // What the previous leader said no longer holds: it may have closed without a word.
    this.#setLive(false, true);
    let failures = 0;
    while (!signal.aborted) {
      if (this.#session.signedOut) {
        await new Promise<void>((resume) => {
          const unsubscribe = this.#session.subscribe((event) => event === 'resumed' && done());
          const done = () => {
            unsubscribe();
            signal.removeEventListener('abort', done);
            resume();
          };
          signal.addEventListener('abort', done, { once: true });
        });
        continue;
      }
      const attempt = new AbortController();
      this.#attempt = attempt;
      const end = () => attempt.abort();
      signal.addEventListener('abort', end, { once: true });
      let silence: ReturnType<typeof setTimeout> | undefined;
      const watch = (ms: number) => {
        clearTimeout(silence);
        silence = setTimeout(end, ms);
      };
      watch(FIRST_EVENT_MS);
      let outcome: unknown;
      try {
        await this.#adapter.streamEvents?.(
          (event) => {
            if (attempt.signal.aborted) return;
            watch(SILENCE_MS);
            failures = 0;
            if (!this.#live) this.#setLive(true, true);
            if (event.type === 'alive') return;
            this.#tell(event, true);
          },
          attempt.signal,
          this.#lastId,
        );
      } catch (error) {
        outcome = error;
      }
      clearTimeout(silence);
      signal.removeEventListener('abort', end);
      this.#attempt = undefined;
      this.#setLive(false, true);
      if (signal.aborted) break;
      // A 401 ends the session in every element and tab; the first element told tells its host
      // (as for a 401 of its own); the stream waits for Försök igen.
      if (isErrorKind(outcome, 'auth-required')) {
        this.#tell({ type: 'unauthorised', error: outcome }, false);
        this.#session.authRequired();
      } else if (!this.#session.signedOut) {
        const absent = isErrorKind(outcome, 'not-found');
        await sleep((absent ? ABSENT_SECONDS : BACKOFF_SECONDS[Math.min(failures++, 4)]) * 1000, signal);
      }
    }
    this.#leading = false;
  }

  /** An event for this tab's elements (but `from`); `share`: for the other tabs too. */
  #tell(news: LiveNews, share: boolean, from?: LiveListener): void {
    if ('id' in news) this.#lastId = news.id;
    if (share) this.#post(news);
    for (const listener of [...this.#listeners]) if (listener !== from) listener(news);
  }

  #setLive(live: boolean, share: boolean): void {
    if (live === this.#live) return;
    this.#live = live;
    this.#tell({ type: 'live', live }, share);
  }

  #post(message: Message): void {
    this.#broadcast?.postMessage(message);
  }

  #hear(message: Message): void {
    if (message.type === 'ended') {
      this.#hearing = true;
      try {
        this.#session.authRequired();
      } finally {
        this.#hearing = false;
      }
    } else if (message.type === 'ask') {
      if (this.#leading) this.#post({ type: 'live', live: this.#live });
    } else if (message.type === 'live') {
      if (!this.#leading) this.#setLive(message.live, false);
    } else this.#tell(message, false);
  }
}

const channels = new WeakMap<SecureMessagesAdapter, LiveChannel>();

/** The live channel of this adapter (made on first use; it dies with the adapter). */
export function liveFor(adapter: SecureMessagesAdapter): LiveChannel {
  let channel = channels.get(adapter);
  if (!channel) channels.set(adapter, (channel = new LiveChannel(adapter)));
  return channel;
}

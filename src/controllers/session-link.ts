import type { ReactiveController } from 'lit';
import type { ChangeListener, SecureMessagesAdapter } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import { liveFor, type LiveListener, type Polled } from './live.js';
import { sessionFor, type AdapterSession, type SessionEvent } from './session.js';

/** What a controller does when its adapter's session changes (session.ts), and when it hears of a change. */
export interface SessionLinkOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The session ended: a 401 anywhere on the adapter (`signed-out`), or the host forgot it (`forgotten`). */
  ended?: (event: 'signed-out' | 'forgotten') => void;
  /** Someone else is signed in now; every draft and cache of the previous user is gone. `resumed` follows. */
  userChanged?: () => void;
  /** Försök igen found who is signed in: load again. */
  resumed?: () => void;
  /** The backend answered 401 (once per streak): the element fires `secure-auth-required`. */
  authRequired?: () => void;
  /** The adapter reported a change to a conversation (`adapter.subscribe`) while the host is on the page. */
  changed?: ChangeListener;
  /** The live stream told of a change, or became (un)healthy (live.ts), while the host is on the page. */
  live?: LiveListener;
}

/**
 * A controller's tie to the adapter it uses and to that adapter's session (session.ts): while the
 * host is on the page it follows the adapter and hears the session's events and the adapter's
 * reported changes. It reports a 401 to the session so that every element on the adapter hears of
 * it, tells its host of a 401 once per streak, and is the one Försök igen of every controller.
 *
 * Added to the host before the controller that owns it (or driven by that controller's own
 * lifecycle), so that the owner's lifecycle sees the session of the adapter in use.
 */
export class SessionLink implements ReactiveController {
  readonly #options: SessionLinkOptions;
  /** The host has been told of the 401 (once per streak). */
  #told = false;
  #connected = false;
  #adapter: SecureMessagesAdapter | undefined = undefined;
  #session: AdapterSession | undefined = undefined;
  #unsubscribe: (() => void) | undefined = undefined;
  /** What hears the live channel for the host: a 401 on the stream counts as the host's own. */
  readonly #live: LiveListener = (news) => {
    if (news.type === 'unauthorised') this.authFailed(news.error);
    else this.#options.live?.(news);
  };

  constructor(options: SessionLinkOptions) {
    this.#options = options;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#options.adapter());
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#options.adapter());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#detach();
  }

  /** The host is on the page. */
  get connected(): boolean {
    return this.#connected;
  }

  get session(): AdapterSession | undefined {
    return this.#session;
  }

  /** The session has ended (a 401, or the host forgot it) and nobody pressed Försök igen yet. */
  get signedOut(): boolean {
    return this.#session?.signedOut ?? false;
  }

  /** The live stream is healthy: no need to poll. */
  get live(): boolean {
    return this.#adapter !== undefined && liveFor(this.#adapter).live;
  }

  /** Tells every other element of every tab on the adapter what the server said when polled. */
  share(polled: Polled): void {
    if (this.#adapter) liveFor(this.#adapter).share(polled, this.#live);
  }

  /**
   * A call failed: when with a 401 while the session was on, tells the host (once, until
   * `settled()`) and ends the session for every element on the adapter. True for any 401.
   */
  authFailed(error: unknown): boolean {
    if (!isErrorKind(error, 'auth-required')) return false;
    if (!this.signedOut) {
      this.#tellHost();
      this.#session?.authRequired();
    }
    return true;
  }

  /** A call succeeded, or the user pressed Försök igen: the next 401 is told to the host again. */
  settled(): void {
    this.#told = false;
  }

  /**
   * Försök igen: the next 401 is told to the host again. After the session ended it asks who is
   * signed in now (session.ts), whose `resumed` then loads every element on the adapter again:
   * `showError` gets undefined at once, and why if the check fails (a 401 is also told to the
   * host again). Otherwise `load()` loads again at once.
   */
  retry(showError: (error: unknown) => void, load: () => void): void {
    this.settled();
    const session = this.#session;
    if (!session || !session.signedOut) {
      load();
      return;
    }
    session.resume(new AbortController().signal).catch((error: unknown) => {
      if (isErrorKind(error, 'auth-required')) this.#tellHost();
      showError(error);
    });
    showError(undefined);
  }

  /** Follows this adapter's session (none for undefined). */
  #follow(adapter: SecureMessagesAdapter | undefined): void {
    if (adapter === this.#adapter && (this.#unsubscribe || !adapter)) return;
    this.#detach();
    this.#adapter = adapter;
    this.#session = adapter && sessionFor(adapter);
    if (!adapter || !this.#session) return;
    const { changed } = this.#options;
    const session = this.#session.subscribe((event) => this.#onEvent(event));
    const changes = changed && adapter.subscribe(changed);
    // Every element keeps the channel open, so that a session ending in another tab reaches it.
    const stream = liveFor(adapter).subscribe(this.#live);
    this.#unsubscribe = () => {
      session();
      changes?.();
      stream();
    };
  }

  #detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #onEvent(event: SessionEvent): void {
    const options = this.#options;
    if (event === 'resumed') options.resumed?.();
    else if (event === 'user-changed') options.userChanged?.();
    else options.ended?.(event);
  }

  #tellHost(): void {
    if (this.#told) return;
    this.#told = true;
    this.#options.authRequired?.();
  }
}

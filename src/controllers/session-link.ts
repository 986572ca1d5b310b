import type { Task } from '@lit/task';
import type { ChangeListener, SecureMessagesAdapter } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import { sessionFor, type AdapterSession, type SessionEvent } from './session.js';

export { signedOutError } from './session.js';

/** What a controller does when its adapter's session changes (session.ts), and when it hears of a change. */
export interface SessionLinkOptions {
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
}

/**
 * A controller's tie to the adapter it uses and to that adapter's session (session.ts): it follows
 * the adapter, hears the session's events and the adapter's reported changes while the host is on
 * the page, reports a 401 to the session so that every element on the adapter hears of it, tells
 * its host of a 401 once per streak, and is the one Försök igen of every controller.
 */
export class SessionLink {
  readonly #options: SessionLinkOptions;
  /** The host has been told of the 401 (once per streak). */
  #told = false;
  #adapter: SecureMessagesAdapter | undefined = undefined;
  #session: AdapterSession | undefined = undefined;
  #unsubscribe: (() => void) | undefined = undefined;

  constructor(options: SessionLinkOptions) {
    this.#options = options;
  }

  /** Follows this adapter's session (none for undefined); call on connect and on adapter changes. */
  follow(adapter: SecureMessagesAdapter | undefined): void {
    if (adapter === this.#adapter && (this.#unsubscribe || !adapter)) return;
    this.detach();
    this.#adapter = adapter;
    this.#session = adapter && sessionFor(adapter);
    if (!adapter || !this.#session) return;
    const { changed } = this.#options;
    const session = this.#session.subscribe((event) => this.#onEvent(event));
    const changes = changed && adapter.subscribe(changed);
    this.#unsubscribe = () => {
      session();
      changes?.();
    };
  }

  /** Stops hearing the session and the adapter's changes (the host left the page). */
  detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  get session(): AdapterSession | undefined {
    return this.#session;
  }

  /** The session has ended (a 401, or the host forgot it) and nobody pressed Försök igen yet. */
  get signedOut(): boolean {
    return this.#session?.signedOut ?? false;
  }

  /**
   * A call failed: when with a 401 while the session was on, tells the host (once, until
   * `settled()`) and ends the session for every element on the adapter. True for any 401.
   */
  authFailed(error: unknown): boolean {
    if (!isAuthRequired(error)) return false;
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
      if (isAuthRequired(error)) this.#tellHost();
      showError(error);
    });
    showError(undefined);
  }

  /**
   * After the session ended: a run of `task` without a request (its task throws while signed
   * out) drops the task's own copy of the last answer — once the current task callback, which
   * this may be called from, is over, and only while the session is still ended and `when()` holds.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any task's arguments and value
  dropAnswer(task: Task<any, any>, when: () => boolean = () => true): void {
    queueMicrotask(() => {
      if (this.signedOut && when()) void task.run();
    });
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

/**
 * A 401 from the adapter. Read from the error's `kind`, so that a hand-written adapter's errors
 * or another copy of the library's count as well.
 */
export function isAuthRequired(error: unknown): boolean {
  return isErrorKind(error, 'auth-required');
}

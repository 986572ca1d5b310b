import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import { sessionFor, type AdapterSession, type SessionEvent } from './session.js';

export { signedOutError } from './session.js';

/**
 * A controller's tie to the session of the adapter it uses (session.ts): it follows the adapter,
 * hears the session's events while the host is on the page, reports a 401 to the session so
 * that every element on the adapter hears of it, and tells its host of a 401 once per streak.
 */
export class SessionLink {
  readonly #onEvent: (event: SessionEvent) => void;
  readonly #onAuthRequired: (() => void) | undefined;
  /** The host has been told of the 401 (once per streak). */
  #told = false;
  #adapter: SecureMessagesAdapter | undefined = undefined;
  #session: AdapterSession | undefined = undefined;
  #unsubscribe: (() => void) | undefined = undefined;

  /** `onAuthRequired` tells the host of a 401 (the element fires `secure-auth-required`). */
  constructor(onEvent: (event: SessionEvent) => void, onAuthRequired?: () => void) {
    this.#onEvent = onEvent;
    this.#onAuthRequired = onAuthRequired;
  }

  /** Follows this adapter's session (none for undefined); call on connect and on adapter changes. */
  follow(adapter: SecureMessagesAdapter | undefined): void {
    if (adapter === this.#adapter && (this.#unsubscribe || !adapter)) return;
    this.detach();
    this.#adapter = adapter;
    this.#session = adapter && sessionFor(adapter);
    this.#unsubscribe = this.#session?.subscribe(this.#onEvent);
  }

  /** Stops hearing the session (the host left the page). */
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
   * Försök igen after the session ended: asks who is signed in now (session.ts); its `resumed`
   * event then reloads every element on the adapter. A failure goes to `onError` (a 401 is also
   * told to the host again).
   */
  resume(onError: (error: unknown) => void): void {
    const session = this.#session;
    if (!session) return;
    this.#told = false;
    session.resume(new AbortController().signal).catch((error: unknown) => {
      if (isAuthRequired(error)) this.#tellHost();
      onError(error);
    });
  }

  /**
   * Försök igen: the next 401 is told to the host again, and when the session has ended it asks
   * who is signed in now (`resume`). True when it did — the caller then waits for the session's
   * `resumed` — false when the caller should simply load again.
   */
  retry(onError: (error: unknown) => void): boolean {
    this.settled();
    if (!this.signedOut) return false;
    this.resume(onError);
    return true;
  }

  #tellHost(): void {
    if (this.#told) return;
    this.#told = true;
    this.#onAuthRequired?.();
  }
}

/**
 * A 401 from the adapter. Read from the error's `kind`, so that a hand-written adapter's errors
 * or another copy of the library's count as well.
 */
export function isAuthRequired(error: unknown): boolean {
  return isErrorKind(error, 'auth-required');
}


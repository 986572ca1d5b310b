/**
 * Everything the elements keep per adapter — the signed-in user, the Ämnen, the server's settings,
 * the drafts being written and the inbox's remembered query — lives in one `AdapterSession`, with
 * one `forget()`. The session also knows when it has ended: after a 401 from any call, every
 * element on the adapter removes what the server told it, stops polling, and shows its signed-out
 * state until the user presses Försök igen (which asks who is signed in now) or the host gives a
 * new adapter.
 *
 * - Shared answers: the user, the Ämnen and the settings are asked for once per adapter and
 *   shared by every element on it. The shared request is not tied to any one element's
 *   AbortSignal, so an element that leaves the page does not cancel it for the others; each
 *   caller stops waiting when its own signal aborts. A request that fails is forgotten, so the
 *   next caller asks again.
 * - Drafts are kept per user, in memory only (never in storage). When someone other than the
 *   drafts' owner turns out to be signed in, every draft, the remembered query and every cache
 *   of the previous user are discarded before anything is sent.
 */
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { AuthRequiredError, isErrorKind } from '../adapter/errors.js';
import type { Organisation, SearchQuery, ServerConfig, Subject, User } from '../domain/index.js';
import { emptyDraft, type MessageDraft } from './drafts.js';

type Key = 'user' | 'subjects' | 'config' | 'organisations';

/** What an inbox remembers about where the user was. */
export interface RememberedInbox {
  query: SearchQuery;
  filtersOpen: boolean;
}

/**
 * - `signed-out`: a call answered 401 (or the session was checked and it still does): every
 *   element removes what the server told it and waits for Försök igen.
 * - `resumed`: the user pressed Försök igen and the same user (or, after `user-changed`, someone
 *   else) is signed in: elements load again.
 * - `user-changed`: someone else is signed in now; every draft and cache of the previous user is
 *   gone (followed by `resumed`).
 * - `forgotten`: the host ended the session (`forgetSession`): everything is gone, drafts too.
 */
export type SessionEvent = 'signed-out' | 'resumed' | 'user-changed' | 'forgotten';
export type SessionListener = (event: SessionEvent) => void;

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export class AdapterSession {
  readonly #adapter: SecureMessagesAdapter;
  readonly #loads = new Map<Key, Promise<unknown>>();
  /** Drafts per owner id ('' until the user is known), then per draft key. */
  readonly #drafts = new Map<string, Map<string, MessageDraft>>();
  readonly #listeners = new Set<SessionListener>();
  /** Where the user was in the inbox (inbox-query.ts). */
  inbox: RememberedInbox | undefined = undefined;
  /** The id of the user whose drafts and caches these are. */
  #owner: string | undefined = undefined;
  #signedOut = false;
  /** A check of who is signed in, shared by every Försök igen pressed meanwhile. */
  #resuming: Promise<'same' | 'changed'> | undefined = undefined;
  /** Ended by `forget()`: a check that started before it never resumes anything after it. */
  #epoch = new AbortController();

  constructor(adapter: SecureMessagesAdapter) {
    this.#adapter = adapter;
  }

  /** A call answered 401, or the host ended the session; cleared by `resume()`. */
  get signedOut(): boolean {
    return this.#signedOut;
  }

  /** Called with every change of the session; returns an unsubscribe function. */
  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---------------------------------------------------------------------------------------------
  // Shared answers

  shared<T>(key: Key, load: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    let request = this.#loads.get(key) as Promise<T> | undefined;
    if (!request) {
      const started = load(new AbortController().signal);
      this.#loads.set(key, started);
      started.then(
        (value) => {
          if (key === 'user' && this.#loads.get(key) === started) this.#adopt(value as User);
        },
        () => {
          if (this.#loads.get(key) === started) this.#loads.delete(key);
        },
      );
      request = started;
    }
    return untilAborted(request, signal);
  }

  // ---------------------------------------------------------------------------------------------
  // The session's end, and after

  /**
   * A call answered 401: the session has ended. Forgets who was signed in (name, capabilities)
   * and the adapter's own caches, and tells every element, once. The Ämnen and the settings say
   * nothing about anyone and stay; drafts and the remembered query are the user's own and stay
   * too, until someone else turns out to be signed in.
   */
  authRequired(): void {
    if (this.#signedOut) return;
    this.#signedOut = true;
    this.#loads.delete('user');
    this.#adapter.forget?.();
    this.#emit('signed-out');
  }

  /**
   * Försök igen after the session ended: asks the adapter who is signed in now (never from a
   * cache). The same user: the session resumes. Someone else: every draft, the remembered query
   * and every cache of the previous user are discarded first (`user-changed`), then it resumes.
   * Still 401: stays signed out and rejects with the AuthRequiredError. Calls made meanwhile
   * share one check.
   */
  resume(signal: AbortSignal): Promise<'same' | 'changed'> {
    this.#resuming ??= this.#check().finally(() => (this.#resuming = undefined));
    return untilAborted(this.#resuming, signal);
  }

  /** Ends the session for the host: everything is cleared, drafts included. */
  forget(): void {
    this.#epoch.abort();
    this.#epoch = new AbortController();
    this.#resuming = undefined;
    this.#signedOut = true;
    this.#forgetUser();
    this.#emit('forgotten');
  }

  async #check(): Promise<'same' | 'changed'> {
    const epoch = this.#epoch.signal;
    this.#loads.delete('user');
    let user: User;
    try {
      user = await untilAborted(this.#adapter.getCurrentUser(epoch), epoch);
    } catch (error) {
      if (epoch.aborted) throw signedOutError();
      if (isErrorKind(error, 'auth-required')) this.authRequired();
      throw error;
    }
    const previous = this.#owner;
    // Ids compare case-insensitively: the owner is kept upper-cased.
    const changed = previous !== undefined && previous !== user.id.toUpperCase();
    if (changed) this.#forgetUser();
    this.#loads.set('user', Promise.resolve(user));
    this.#adopt(user);
    this.#signedOut = false;
    if (changed) this.#emit('user-changed');
    this.#emit('resumed');
    return changed ? 'changed' : 'same';
  }

  /** Every answer, draft and the remembered query of whoever was signed in are gone. */
  #forgetUser(): void {
    this.#loads.clear();
    this.#adapter.forget?.();
    this.#drafts.clear();
    this.inbox = undefined;
    this.#owner = undefined;
  }

  /** The drafts written before the user was known become the user's. */
  #adopt(user: User): void {
    if (this.#owner !== undefined) return;
    this.#owner = user.id.toUpperCase();
    const unowned = this.#drafts.get('');
    if (unowned) {
      this.#drafts.delete('');
      this.#drafts.set(this.#owner, unowned);
    }
  }

  #emit(event: SessionEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }

  // ---------------------------------------------------------------------------------------------
  // Drafts and the remembered query

  /** The draft under `key` of the signed-in user, made empty on first use; the same object every time. */
  draft(key: string): MessageDraft {
    const owner = this.#owner ?? '';
    let byKey = this.#drafts.get(owner);
    if (!byKey) this.#drafts.set(owner, (byKey = new Map()));
    let draft = byKey.get(key);
    if (!draft) byKey.set(key, (draft = emptyDraft()));
    return draft;
  }

  /** Forgets the draft under `key` (after it was sent). */
  discardDraft(key: string): void {
    this.#drafts.get(this.#owner ?? '')?.delete(key);
  }
}

/** The error a controller holds for a session that has ended without a request of its own. */
export function signedOutError(): AuthRequiredError {
  return new AuthRequiredError('The session has ended; the user must sign in again.', 401);
}

const sessions = new WeakMap<SecureMessagesAdapter, AdapterSession>();

/** The session of this adapter (made on first use; it dies with the adapter). */
export function sessionFor(adapter: SecureMessagesAdapter): AdapterSession {
  let session = sessions.get(adapter);
  if (!session) sessions.set(adapter, (session = new AdapterSession(adapter)));
  return session;
}

/**
 * Ends the session on this adapter without a page load, e.g. when the host signs the user out:
 * every element on the adapter removes what the server told it and shows its signed-out state;
 * drafts, the remembered query and every cache are gone. Försök igen (after signing in) or a new
 * adapter starts afresh.
 */
export function forgetSession(adapter: SecureMessagesAdapter): void {
  sessionFor(adapter).forget();
}

/** The signed-in user, from the adapter's first answer. */
export function currentUser(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<User> {
  return sessionFor(adapter).shared('user', (s) => adapter.getCurrentUser(s), signal);
}

/** The Ämnen a new message can be about, from the adapter's first answer. */
export function subjects(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<Subject[]> {
  return sessionFor(adapter).shared('subjects', (s) => adapter.getSubjects(s), signal);
}

/** The server's settings (attachment rules, message length, reply time), from its first answer. */
export function serverConfig(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<ServerConfig> {
  return sessionFor(adapter).shared('config', (s) => adapter.getServerConfig(s), signal);
}

/** The organisations KPA staff write to and filter by, from the adapter's first answer. */
export function organisations(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<Organisation[]> {
  return sessionFor(adapter).shared('organisations', (s) => adapter.getOrganisations(s), signal);
}

/** The draft under `key` for this adapter's signed-in user; the same object every time. */
export function getDraft(adapter: SecureMessagesAdapter, key: string): MessageDraft {
  return sessionFor(adapter).draft(key);
}

/** Forgets the draft under `key` (after it was sent). */
export function discardDraft(adapter: SecureMessagesAdapter, key: string): void {
  sessionFor(adapter).discardDraft(key);
}

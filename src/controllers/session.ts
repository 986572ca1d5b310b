import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import type { ServerConfig, Subject, User } from '../domain/index.js';

/**
 * The signed-in user, the Ämnen and the server's settings, asked for once per adapter and shared
 * by every element on it: going back to the list, opening a conversation or writing a new message
 * does not ask the server again. None of them changes while a page is signed in (signing in as
 * someone else loads the portal anew, with a new adapter).
 *
 * The shared request is not tied to any one element's AbortSignal, so an element that leaves the
 * page does not cancel it for the others; each caller stops waiting when its own signal aborts.
 * A request that fails is forgotten, so the next caller (Försök igen) asks again.
 */
type Key = 'user' | 'subjects' | 'config';

const sessions = new WeakMap<SecureMessagesAdapter, Map<Key, Promise<unknown>>>();

function shared<T>(
  adapter: SecureMessagesAdapter,
  key: Key,
  load: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let session = sessions.get(adapter);
  if (!session) sessions.set(adapter, (session = new Map()));
  let request = session.get(key) as Promise<T> | undefined;
  if (!request) {
    const started = load(new AbortController().signal);
    const entry = session;
    entry.set(key, started);
    started.catch(() => {
      if (entry.get(key) === started) entry.delete(key);
    });
    request = started;
  }
  return untilAborted(request, signal);
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The signed-in user, from the adapter's first answer. */
export function currentUser(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<User> {
  return shared(adapter, 'user', (s) => adapter.getCurrentUser(s), signal);
}

/** The Ämnen a new message can be about, from the adapter's first answer. */
export function subjects(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<Subject[]> {
  return shared(adapter, 'subjects', (s) => adapter.getSubjects(s), signal);
}

/** The server's settings (attachment rules, message length, reply time), from its first answer. */
export function serverConfig(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<ServerConfig> {
  return shared(adapter, 'config', (s) => adapter.getServerConfig(s), signal);
}

import type { ChangeListener, ConversationChange } from './adapter.js';

/** Called with whatever a listener threw. */
export type ListenerErrorHandler = (error: unknown, change: ConversationChange) => void;

function reportListenerError(error: unknown): void {
  // The change itself (a message number) is not logged; the error is the listener's own.
  console.error('[secure-messages] A change listener threw; the other listeners still ran.', error);
}

/**
 * A tiny publish/subscribe hub for `ConversationChange`s. An adapter owns one and notifies it after
 * every successful write, so that every element sharing the adapter (e.g. the notice badge) can
 * refresh. Several adapters may share one hub (pass it as an option), and a host may call
 * `notify` itself when it learns of a change some other way.
 *
 * A listener that throws never breaks the write that triggered the notification nor the other
 * listeners: the error goes to `onListenerError` (default: `console.error`).
 */
export class ChangeHub {
  readonly #listeners = new Set<ChangeListener>();
  readonly #onListenerError: ListenerErrorHandler;

  constructor(onListenerError: ListenerErrorHandler = reportListenerError) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener (once, however often it is added); returns an idempotent unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls every current listener synchronously, in subscription order. */
  notify(change: ConversationChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ ...change });
      } catch (error) {
        try {
          this.#onListenerError(error, change);
        } catch {
          // An error handler that throws is ignored as well: the write has already succeeded.
        }
      }
    }
  }

  /** Number of listeners (for tests and diagnostics). */
  get size(): number {
    return this.#listeners.size;
  }
}

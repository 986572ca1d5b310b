import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { signedOutError } from './session.js';
import { SessionLink, type SessionLinkOptions } from './session-link.js';

/** What a loading controller is given by its element. */
export interface LoadOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The backend answered 401: called once, until a load succeeds or the user presses Försök igen. */
  onAuthRequired?: () => void;
}

/**
 * What the inbox, the conversation and the new-message form share in loading what they show: one
 * `@lit/task` Task, whose AbortSignal drops a stale load, tied to the adapter and its session
 * (session-link.ts).
 *
 * - Without an adapter (the task's first argument) nothing runs.
 * - After the session ended nothing is asked until Försök igen: a run fails at once with the
 *   signed-out error, and `dropAnswer()` uses such a run to drop the task's own copy of the answer.
 * - A load cut short because the element left the page runs again when it comes back (moving
 *   between views inside the feature must not leave a view half loaded).
 * - `run(true)` tells the adapter that no user asked for this load (polling, a change elsewhere).
 *
 * The subclass is added to the host after its SessionLink, so its lifecycle sees the session of
 * the adapter in use, and before its task, so that its own `hostUpdate` (a new adapter, number or
 * query) runs before the task reads its arguments.
 */
export abstract class LoadController<
  A extends [unknown, ...unknown[]],
  V,
  H extends ReactiveControllerHost = ReactiveControllerHost,
> implements ReactiveController {
  protected readonly host: H;
  protected readonly session: SessionLink;
  protected readonly task: Task<A, V>;
  #cut = false;
  #background = false;

  constructor(host: H, options: LoadOptions, session: Omit<SessionLinkOptions, 'adapter' | 'authRequired'>) {
    this.host = host;
    const authRequired = () => options.onAuthRequired?.();
    this.session = new SessionLink({ ...session, adapter: options.adapter, authRequired });
    host.addController(this.session);
    host.addController(this);
    this.task = new Task(host, {
      args: () => this.args(),
      task: (args, { signal }) => {
        if (!args[0]) return initialState;
        if (this.session.signedOut) throw signedOutError();
        const background = this.#background;
        this.#background = false;
        return this.load(args, signal, background);
      },
      onComplete: (value) => this.completed(value),
      onError: (error) => this.failed(error),
    });
  }

  /** The task's arguments; the first is the adapter. */
  protected abstract args(): A;
  protected abstract load(
    args: A,
    signal: AbortSignal,
    background: boolean,
  ): Promise<V | typeof initialState>;
  protected abstract completed(value: V): void;
  protected abstract failed(error: unknown): void;

  /** The session has ended (a 401, or the host forgot it) and nobody pressed Försök igen yet. */
  get signedOut(): boolean {
    return this.session.signedOut;
  }

  /** The task's status in words. */
  protected get phase(): 'idle' | 'loading' | 'complete' | 'error' {
    const status = this.task.status;
    if (status === TaskStatus.INITIAL) return 'idle';
    if (status === TaskStatus.PENDING) return 'loading';
    return status === TaskStatus.COMPLETE ? 'complete' : 'error';
  }

  hostConnected(): void {
    if (!this.#cut) return;
    this.#cut = false;
    void this.task.run();
  }

  hostDisconnected(): void {
    if (this.task.status !== TaskStatus.PENDING) return;
    this.#cut = true;
    this.task.abort();
  }

  /** Loads again; `background`: no user asked for it. */
  protected run(background = false): void {
    this.#background = background;
    void this.task.run();
  }

  /**
   * Försök igen (session-link.ts): `showError` shows why the check of who is signed in failed
   * (undefined while it runs); when the session is on, `load()` runs at once.
   */
  protected retryLoad(showError: (error: unknown) => void, load = () => this.run()): void {
    this.session.retry((error) => {
      showError(error);
      this.host.requestUpdate();
    }, load);
  }

  /**
   * The session ended: nothing cut short runs again, and a run without a request drops the task's
   * own copy of the answer — once the task callback this may be called from is over, and only
   * while the session is still ended.
   */
  protected dropAnswer(): void {
    this.#cut = false;
    queueMicrotask(() => {
      if (this.session.signedOut) void this.task.run();
    });
  }
}

import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import type { Organisation, Subject, User } from '../domain/index.js';
import { currentUser, subjects } from './session.js';
import { taskPhase } from './resumable-task.js';
import { isAuthRequired, SessionLink, signedOutError } from './session-link.js';

/** What the new-message form needs before it can be shown. */
export interface ComposeContext {
  user: User;
  subjects: Subject[];
  /** The organisations a KPA case officer may write to (empty for employer users). */
  organisations: Organisation[];
}

export interface ComposeControllerOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The context loaded (again): e.g. to show the Organisation field for KPA staff. */
  onLoaded?: (context: ComposeContext) => void;
  /** The backend answered 401 (once per streak). */
  onAuthRequired?: () => void;
}

/**
 * - loading: the user, the Ämnen and (for KPA staff) the organisations are on their way;
 * - ready: `context` holds them;
 * - auth-required: the session has ended (Försök igen after signing in);
 * - error: anything else (Försök igen).
 */
export type ComposeState = 'idle' | 'loading' | 'ready' | 'auth-required' | 'error';

/**
 * Owns what `<secure-compose>` loads: the signed-in user and the Ämnen (shared per adapter,
 * session.ts) and the organisations a KPA case officer may write to. When the session ends, all
 * of it is dropped until Försök igen.
 */
export class ComposeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ComposeControllerOptions;
  readonly #task: Task<[SecureMessagesAdapter | undefined], ComposeContext | undefined>;
  readonly #session: SessionLink;
  #connected = false;
  /** Why Försök igen after the session ended did not resume it. */
  #resumeError: unknown = undefined;

  constructor(host: ReactiveControllerHost, options: ComposeControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#session = new SessionLink({
      // A run without a request (the session has ended) drops the user and the organisations.
      ended: () => {
        this.#session.dropAnswer(this.#task);
        host.requestUpdate();
      },
      resumed: () => {
        this.#resumeError = undefined;
        void this.#task.run();
      },
      authRequired: () => options.onAuthRequired?.(),
    });
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [options.adapter()] as [SecureMessagesAdapter | undefined],
      task: ([adapter], { signal }) => this.#load(adapter, signal),
      onComplete: (context) => {
        this.#session.settled();
        if (context) this.#options.onLoaded?.(context);
      },
      onError: (error) => this.#session.authFailed(error),
    });
  }

  get state(): ComposeState {
    if (this.#session.signedOut) return this.#resumeError === undefined ? 'auth-required' : 'error';
    const phase = taskPhase(this.#task);
    if (phase === 'complete') return this.#task.value ? 'ready' : 'idle';
    if (phase !== 'error') return phase;
    return isAuthRequired(this.#task.error) ? 'auth-required' : 'error';
  }

  /** The loaded context, while `state` is `ready`. */
  get context(): ComposeContext | undefined {
    return this.state === 'ready' ? this.#task.value : undefined;
  }

  /** Why loading failed (or why the session could not be resumed). */
  get error(): unknown {
    return this.#resumeError ?? this.#task.error;
  }

  /** Försök igen: after the session ended, asks who is signed in now; else loads again. */
  reload(): void {
    this.#session.retry(
      (error) => {
        this.#resumeError = error;
        this.#host.requestUpdate();
      },
      () => {
        this.#resumeError = undefined;
        void this.#task.run();
      },
    );
  }

  hostConnected(): void {
    this.#connected = true;
    this.#session.follow(this.#options.adapter());
  }

  hostUpdate(): void {
    if (this.#connected) this.#session.follow(this.#options.adapter());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#session.detach();
  }

  async #load(
    adapter: SecureMessagesAdapter | undefined,
    signal: AbortSignal,
  ): Promise<ComposeContext | undefined> {
    if (!adapter) return undefined;
    if (this.#session.signedOut) throw signedOutError();
    const [user, subjectList] = await Promise.all([currentUser(adapter, signal), subjects(adapter, signal)]);
    const organisations = user.capabilities.canChooseOrganisation
      ? await adapter.getOrganisations(signal)
      : [];
    return { user, subjects: subjectList, organisations };
  }
}

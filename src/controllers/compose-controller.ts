import type { ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import type { Organisation, Subject, User } from '../domain/index.js';
import { LoadController, type LoadOptions } from './load-controller.js';
import { currentUser, organisations, subjects } from './session.js';

/** What the new-message form needs before it can be shown. */
export interface ComposeContext {
  user: User;
  subjects: Subject[];
  /** The organisations a KPA case officer may write to (empty for employer users). */
  organisations: Organisation[];
}

export interface ComposeControllerOptions extends LoadOptions {
  /** The context loaded (again): e.g. to show the Organisation field for KPA staff. */
  onLoaded?: (context: ComposeContext) => void;
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
export class ComposeController extends LoadController<[SecureMessagesAdapter | undefined], ComposeContext> {
  readonly #options: ComposeControllerOptions;
  /** Why Försök igen after the session ended did not resume it. */
  #resumeError: unknown = undefined;

  constructor(host: ReactiveControllerHost, options: ComposeControllerOptions) {
    super(host, options, {
      ended: () => {
        this.dropAnswer();
        host.requestUpdate();
      },
      resumed: () => {
        this.#resumeError = undefined;
        this.run();
      },
    });
    this.#options = options;
  }

  get state(): ComposeState {
    if (this.signedOut) return this.#resumeError === undefined ? 'auth-required' : 'error';
    const phase = this.phase;
    if (phase === 'complete') return 'ready';
    if (phase !== 'error') return phase;
    return isErrorKind(this.task.error, 'auth-required') ? 'auth-required' : 'error';
  }

  /** The loaded context, while `state` is `ready`. */
  get context(): ComposeContext | undefined {
    return this.state === 'ready' ? this.task.value : undefined;
  }

  /** Why loading failed (or why the session could not be resumed). */
  get error(): unknown {
    return this.#resumeError ?? this.task.error;
  }

  /** Försök igen: after the session ended, asks who is signed in now; else loads again. */
  reload(): void {
    this.retryLoad(
      (error) => (this.#resumeError = error),
      () => {
        this.#resumeError = undefined;
        this.run();
      },
    );
  }

  protected args(): [SecureMessagesAdapter | undefined] {
    return [this.#options.adapter()];
  }

  protected async load([adapter]: [SecureMessagesAdapter], signal: AbortSignal): Promise<ComposeContext> {
    const [user, subjectList] = await Promise.all([currentUser(adapter, signal), subjects(adapter, signal)]);
    const choices = user.capabilities.canChooseOrganisation ? await organisations(adapter, signal) : [];
    return { user, subjects: subjectList, organisations: choices };
  }

  protected completed(context: ComposeContext): void {
    this.session.settled();
    this.#options.onLoaded?.(context);
  }

  protected failed(error: unknown): void {
    this.session.authFailed(error);
  }
}

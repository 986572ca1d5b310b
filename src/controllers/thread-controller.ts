import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  DownloadedAttachment,
  ReplyDraft,
  SecureMessagesAdapter,
  SendOptions,
} from '../adapter/adapter.js';
import { isAbortError, isErrorKind, NotFoundError } from '../adapter/errors.js';
import { validateMessageNumber, type Conversation, type User } from '../domain/index.js';
import { currentUser } from './session.js';
import { Poller, retryAfterOf } from './poller.js';
import { ResumableTask } from './resumable-task.js';
import { SessionLink, signedOutError } from './session-link.js';

/** What the thread controller needs from its element. */
export interface ThreadHost extends ReactiveControllerHost {
  /** Meddelandenummer of the conversation to show ('' for none). */
  readonly number: string;
  /** Seconds between refreshes while the tab is visible; 0 turns polling off. */
  readonly pollInterval: number;
}

export interface ThreadControllerOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The backend answered 401 (loading, refreshing or a change); called once until a load succeeds. */
  onAuthRequired?: () => void;
  /**
   * A refresh (polling, a change reported by the adapter, or the tab showing again) brought a
   * conversation that differs from the one shown: a new message, another assignee, another status.
   * Not called for the first load of a number, nor for the user's own changes.
   */
  onRemoteChange?: (previous: Conversation, next: Conversation) => void;
  /** The session ended: the element drops what it keeps itself (names in dialogs, notices, downloads). */
  onSignedOut?: () => void;
}

/**
 * - idle: no adapter or no number yet;
 * - loading: the conversation is on its way (nothing to show yet);
 * - loaded: `conversation` is shown (a refresh may be under way behind it);
 * - not-found: 404, or not a Meddelandenummer at all;
 * - auth-required: 401; the host should let the user sign in, then Försök igen;
 * - error: anything else; Försök igen.
 */
export type ThreadState = 'idle' | 'loading' | 'loaded' | 'not-found' | 'auth-required' | 'error';

/** The writes on a conversation besides replying. */
export const THREAD_ACTIONS = ['claim', 'release', 'take-over', 'close'] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

/** The adapter's method for each action. */
const WRITES = { claim: 'claim', release: 'release', 'take-over': 'takeOver', close: 'close' } as const;

export type ActionOutcome =
  | { ok: true; conversation: Conversation }
  /** `error` is the adapter's typed error; the conversation is being reloaded. */
  | { ok: false; error: unknown }
  /** Another action was under way, or there is nothing to act on: nothing was sent. */
  | { ok: false; error: undefined };

interface Loaded {
  user: User;
  conversation: Conversation;
  /** `#generation` when the load started; a load overtaken by a newer write is dropped. */
  generation: number;
}

type LoadArgs = [SecureMessagesAdapter | undefined, string];

/**
 * Owns the async state of `<secure-thread>`: the signed-in user (once per adapter), the
 * conversation, refreshing it, and the writes on it (claim, release, take over, close, reply,
 * attachment downloads). The element only renders and wires.
 *
 * - Loading runs through a `@lit/task` Task with its AbortSignal: a newer number aborts the older
 *   load, and an answer for an older number never replaces a newer one.
 * - The conversation stays on screen while it is refreshed. Refreshes come from polling every
 *   `pollInterval` seconds (paused while the tab is hidden; on return it refreshes at once), from
 *   the adapter's change notifications for this number, and after every failed write.
 * - A write's answer is the newest state there is: a refresh that started before it is dropped,
 *   so a slow old answer never overwrites it.
 * - Writes send the version the user saw (`If-Match`); on a conflict nothing is retried or
 *   overwritten, the caller shows who has the case now and the conversation is reloaded.
 * - Reading never changes the conversation's status: this controller only ever GETs it.
 */
export class ThreadController implements ReactiveController {
  readonly #host: ThreadHost;
  readonly #options: ThreadControllerOptions;
  readonly #task: Task<LoadArgs, Loaded | undefined>;

  #adapter: SecureMessagesAdapter | undefined = undefined;
  #number = '';
  #user: User | undefined = undefined;
  #userAdapter: SecureMessagesAdapter | undefined = undefined;
  #conversation: Conversation | undefined = undefined;
  #error: unknown = undefined;
  /** Bumped whenever a write's answer (or a new number) replaces the conversation. */
  #generation = 0;
  /** The next load follows a failed write: its changes are explained already, not remote news. */
  #quiet = false;
  #connected = false;
  #pending: ThreadAction | undefined = undefined;
  #requests = new Set<AbortController>();
  readonly #poller = new Poller({
    interval: () => this.#host.pollInterval,
    poll: () => this.refresh(),
  });
  /** A load cut short because the element left the page runs again when it comes back. */
  readonly #resumable: ResumableTask;
  /** The next load was asked for by no user (polling, changes, the tab showing again). */
  #background = false;
  readonly #session = new SessionLink({
    ended: () => this.#signedOut(),
    resumed: () => {
      if (!this.#adapter || this.#number === '') return;
      this.#error = undefined;
      this.#loadAgain();
    },
    authRequired: () => this.#options.onAuthRequired?.(),
    changed: (change) => {
      if (change.number === this.#number) this.refresh();
    },
  });

  constructor(host: ThreadHost, options: ThreadControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    // Added after this controller, so that hostUpdate below sees a new number before the task does.
    this.#task = new Task(host, {
      args: () => [this.#adapter, this.#number] as LoadArgs,
      task: ([adapter, number], { signal }) => this.#load(adapter, number, signal),
      onComplete: (loaded) => this.#loaded(loaded),
      onError: (error) => this.#failed(error),
    });
    this.#resumable = new ResumableTask(this.#task);
  }

  // ---------------------------------------------------------------------------------------------
  // State for rendering

  get state(): ThreadState {
    if (!this.#adapter || this.#number === '') return 'idle';
    if (this.#conversation) return 'loaded';
    const error = this.#error;
    if (error === undefined) return 'loading';
    if (isErrorKind(error, 'not-found')) return 'not-found';
    if (isErrorKind(error, 'auth-required')) return 'auth-required';
    return 'error';
  }

  /** The signed-in user, once loaded. */
  get user(): User | undefined {
    return this.#userAdapter === this.#adapter ? this.#user : undefined;
  }

  /** The conversation shown, for the current number only. */
  get conversation(): Conversation | undefined {
    return this.#conversation;
  }

  /** Why the last load failed (cleared by the next success). */
  get error(): unknown {
    return this.#error;
  }

  /** A load or refresh is under way (or, after the session ended, the check of who is signed in). */
  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING || (this.#session.signedOut && this.#error === undefined);
  }

  /** The write under way, if any: no other write starts until it settles. */
  get pending(): ThreadAction | undefined {
    return this.#pending;
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  /**
   * Loads the conversation again (Försök igen; also after a failed write). After the session
   * ended, it first asks who is signed in now (session.ts); the session's `resumed` then reloads
   * every element on the adapter, this one too.
   */
  reload(): void {
    this.#session.retry(
      (error) => {
        this.#error = error;
        this.#host.requestUpdate();
      },
      () => {
        if (!this.#conversation) this.#error = undefined;
        this.#loadAgain();
      },
    );
  }

  /** Loads the conversation again in the background (polling, changes); never after the session ended. */
  refresh(): void {
    if (!this.#connected || !this.#adapter || this.#number === '' || this.#session.signedOut) return;
    this.#background = true;
    void this.#task.run();
  }

  /**
   * Claim, release, take over or close, with the version the user saw (default: the version
   * shown). After a failure the conversation is reloaded; nothing is retried.
   */
  async perform(action: ThreadAction, version?: string): Promise<ActionOutcome> {
    const adapter = this.#adapter;
    const conversation = this.#conversation;
    if (!adapter || !conversation || this.#pending) return { ok: false, error: undefined };
    const number = conversation.number;
    const seen = version ?? conversation.version;
    const abort = new AbortController();
    this.#requests.add(abort);
    this.#pending = action;
    this.#host.requestUpdate();
    try {
      const result = await adapter[WRITES[action]](number, seen, abort.signal);
      if (adapter === this.#adapter && number === this.#number) this.apply(result);
      return { ok: true, conversation: result };
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return { ok: false, error: undefined };
      if (this.#authFailed(error)) return { ok: false, error };
      if (adapter === this.#adapter && number === this.#number) {
        // Show who has the case now. Quietly: the caller explains the failure itself.
        this.#quiet = true;
        void this.#task.run();
      }
      return { ok: false, error };
    } finally {
      this.#requests.delete(abort);
      if (this.#pending === action) this.#pending = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Sends a reply to the conversation shown (for the reply form's `submit`). */
  reply(draft: ReplyDraft, options: SendOptions): Promise<Conversation> {
    const adapter = this.#adapter;
    const number = this.#number;
    if (!adapter || number === '') return Promise.reject(new Error('No conversation to reply to.'));
    return adapter.reply(number, { body: draft.body, files: [...draft.files] }, options);
  }

  /** Shows a conversation the server returned after a write (newer than any refresh under way). */
  apply(conversation: Conversation): void {
    if (conversation.number !== this.#number) return;
    this.#generation++;
    this.#conversation = conversation;
    this.#error = undefined;
    this.#host.requestUpdate();
  }

  /** The bytes of an attachment of the conversation shown; aborted when the element leaves the page. */
  async download(attachmentId: string): Promise<DownloadedAttachment> {
    const adapter = this.#adapter;
    if (!adapter || this.#number === '') throw new Error('No conversation to download from.');
    const abort = new AbortController();
    this.#requests.add(abort);
    try {
      return await adapter.downloadAttachment(this.#number, attachmentId, abort.signal);
    } catch (error) {
      this.#authFailed(error);
      throw error;
    } finally {
      this.#requests.delete(abort);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  hostConnected(): void {
    this.#connected = true;
    this.#poller.connect();
    this.#session.follow(this.#adapter);
    // The session ended while this element was away.
    if (this.#session.signedOut && this.#conversation) {
      this.#signedOut();
    } else if (!this.#resumable.back() && this.#conversation) {
      this.#poller.settled(true);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#poller.disconnect();
    this.#session.detach();
    this.#abortWrites();
    this.#resumable.leave();
  }

  hostUpdate(): void {
    const adapter = this.#options.adapter();
    const number = this.#host.number.trim();
    if (adapter === this.#adapter && number === this.#number) return;
    this.#adapter = adapter;
    this.#number = number;
    this.#conversation = undefined;
    this.#error = undefined;
    this.#session.settled();
    this.#generation++;
    this.#poller.stop();
    if (this.#connected) this.#session.follow(adapter);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  async #load(
    adapter: SecureMessagesAdapter | undefined,
    number: string,
    signal: AbortSignal,
  ): Promise<Loaded | undefined> {
    if (!adapter || number === '') return undefined;
    // The session has ended: nothing is asked until Försök igen.
    if (this.#session.signedOut) throw signedOutError();
    // Not a Meddelandenummer: nothing to ask the server.
    if (!validateMessageNumber(number).ok) throw new NotFoundError('Not a message number.', 404);
    const generation = this.#generation;
    const background = this.#background;
    this.#background = false;
    this.#poller.stop();
    const [user, conversation] = await Promise.all([
      this.#userFor(adapter, signal),
      adapter.getConversation(number, signal, { background }),
    ]);
    return { user, conversation, generation };
  }

  /** The signed-in user (asked for once per adapter, see session.ts), kept for `user`. */
  async #userFor(adapter: SecureMessagesAdapter, signal: AbortSignal): Promise<User> {
    const user = await currentUser(adapter, signal);
    this.#user = user;
    this.#userAdapter = adapter;
    return user;
  }

  #loaded(loaded: Loaded | undefined): void {
    if (!loaded) return;
    this.#session.settled();
    this.#error = undefined;
    const previous = this.#conversation;
    const quiet = this.#quiet;
    this.#quiet = false;
    // A write answered after this load started: its answer is newer; keep it.
    if (loaded.generation === this.#generation && loaded.conversation.number === this.#number) {
      this.#conversation = loaded.conversation;
      if (previous && !quiet && previous.version !== loaded.conversation.version) {
        this.#options.onRemoteChange?.(previous, loaded.conversation);
      }
    }
    this.#poller.settled(true);
  }

  #failed(error: unknown): void {
    if (isAbortError(error)) return;
    this.#quiet = false;
    if (this.#authFailed(error)) return;
    // A failed background refresh keeps the conversation on screen, except when it is gone.
    if (!this.#conversation || isErrorKind(error, 'not-found')) {
      this.#conversation = undefined;
      this.#error = error;
    }
    if (this.#conversation) this.#poller.settled(false, retryAfterOf(error));
  }

  /** A 401 ends the session for every element on the adapter; true when `error` was one. */
  #authFailed(error: unknown): boolean {
    if (!this.#session.authFailed(error)) return false;
    // The session's `signed-out` has cleared everything; this keeps the error to show.
    this.#conversation = undefined;
    this.#error = error;
    return true;
  }

  /** Loads the conversation again for the user (Försök igen, or after the session resumed). */
  #loadAgain(): void {
    this.#background = false;
    void this.#task.run();
  }

  /**
   * The session ended: nothing the server said stays — the conversation, its messages and
   * history, the names in it, the user — no request goes on, and nothing polls until Försök igen.
   */
  #signedOut(): void {
    this.#poller.stop();
    this.#abortWrites();
    this.#resumable.forget();
    this.#generation++;
    this.#conversation = undefined;
    this.#user = undefined;
    this.#userAdapter = undefined;
    this.#error = signedOutError();
    this.#options.onSignedOut?.();
    // A run without a request (the session has ended) drops the task's own copy of the answer.
    this.#session.dropAnswer(this.#task, () => this.#adapter !== undefined && this.#number !== '');
    this.#host.requestUpdate();
  }

  /** Every write and download under way is aborted. */
  #abortWrites(): void {
    for (const request of this.#requests) request.abort();
    this.#requests.clear();
    this.#pending = undefined;
  }

  /** `pollInterval` changed: the countdown starts afresh (polling stops at 0). */
  restartPolling(): void {
    if (this.#conversation && !this.loading) this.#poller.settled(true);
    else this.#poller.restart();
  }
}

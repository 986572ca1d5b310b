import { initialState, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { isAbortError, isErrorKind, NotFoundError } from '../adapter/errors.js';
import { validateMessageNumber, type Conversation, type User } from '../domain/index.js';
import { LoadController, type LoadOptions } from './load-controller.js';
import { Poller, retryAfterOf } from './poller.js';
import { currentUser, signedOutError } from './session.js';

/** What the thread controller needs from its element. */
export interface ThreadHost extends ReactiveControllerHost {
  /** Meddelandenummer of the conversation to show ('' for none). */
  readonly number: string;
  /** Seconds between refreshes while the tab is visible; 0 turns polling off. */
  readonly pollInterval: number;
}

export interface ThreadOptions extends LoadOptions {
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

interface Loaded {
  conversation: Conversation;
  /** `#generation` when the load started; a load overtaken by a newer write is dropped. */
  generation: number;
}

type Args = [SecureMessagesAdapter | undefined, string];

/**
 * Loading and refreshing the conversation of `<secure-thread>` and the signed-in user (once per
 * adapter); the writes on it are added by ThreadController (thread-controller.ts).
 *
 * - A newer number aborts the older load, and an answer for an older number never replaces a
 *   newer one (load-controller.ts).
 * - The conversation stays on screen while it is refreshed. Refreshes come from polling every
 *   `pollInterval` seconds (paused while the tab is hidden, on return it refreshes at once, and
 *   skipped while the live stream is healthy), from the live stream when this conversation's
 *   version moved, from the adapter's change notifications for this number, and after every
 *   failed write.
 * - A write's answer is the newest state there is (`apply`): a refresh that started before it is
 *   dropped, so a slow old answer never overwrites it.
 * - Reading never changes the conversation's status: this only ever GETs it.
 */
export class ThreadLoad extends LoadController<Args, Loaded, ThreadHost> {
  readonly #options: ThreadOptions;
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
  readonly #poller = new Poller({
    interval: () => this.host.pollInterval,
    poll: () => this.refresh(),
    paused: () => this.session.live,
  });

  constructor(host: ThreadHost, options: ThreadOptions) {
    super(host, options, {
      ended: () => this.signedOutNow(),
      resumed: () => {
        if (!this.#adapter || this.#number === '') return;
        this.#error = undefined;
        this.run();
      },
      changed: (change) => {
        if (change.number === this.#number) this.refresh();
      },
      // The live stream, or another tab's poll: read again only when this conversation's
      // version moved. Another tab that read the version shown serves as this one's poll.
      live: (news) => {
        const shown = this.#conversation;
        if (news.type === 'reset') this.refresh();
        else if (news.type === 'conversation' && news.number === this.#number) {
          if (news.version !== shown?.version) this.refresh();
        } else if (news.type === 'read' && news.number === this.#number && shown) {
          if (news.version !== shown.version) this.refresh();
          else this.#poller.heard(this.loading);
        }
      },
    });
    this.#options = options;
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
    return this.task.status === TaskStatus.PENDING || (this.signedOut && this.#error === undefined);
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  /**
   * Loads the conversation again (Försök igen). After the session ended, it first asks who is
   * signed in now (session.ts); the session's `resumed` then reloads every element on the
   * adapter, this one too.
   */
  reload(): void {
    this.retryLoad(
      (error) => (this.#error = error),
      () => {
        if (!this.#conversation) this.#error = undefined;
        this.run();
      },
    );
  }

  /** Loads the conversation again in the background (polling, changes); never after the session ended. */
  refresh(): void {
    if (this.session.connected && this.#adapter && this.#number !== '' && !this.signedOut) this.run(true);
  }

  /** After a failed write: shows who has the case now, quietly (the caller explains the failure). */
  protected reloadQuietly(): void {
    this.#quiet = true;
    this.run();
  }

  /** Shows a conversation the server returned after a write (newer than any refresh under way). */
  apply(conversation: Conversation): void {
    if (conversation.number !== this.#number) return;
    this.#generation++;
    this.#conversation = conversation;
    this.#error = undefined;
    this.host.requestUpdate();
  }

  /** `pollInterval` changed: the countdown starts afresh (polling stops at 0). */
  restartPolling(): void {
    if (this.#conversation && !this.loading) this.#poller.settled(true);
    else this.#poller.restart();
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  override hostConnected(): void {
    this.#poller.connect();
    // The session ended while this element was away.
    if (this.signedOut && this.#conversation) this.signedOutNow();
    super.hostConnected();
    if (this.#conversation && !this.loading) this.#poller.settled(true);
  }

  override hostDisconnected(): void {
    this.#poller.disconnect();
    super.hostDisconnected();
  }

  hostUpdate(): void {
    const adapter = this.#options.adapter();
    const number = this.host.number.trim();
    if (adapter === this.#adapter && number === this.#number) return;
    this.#adapter = adapter;
    this.#number = number;
    this.#conversation = undefined;
    this.#error = undefined;
    this.session.settled();
    this.#generation++;
    this.#poller.stop();
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** The adapter and the number of the conversation shown (or being loaded). */
  protected args(): Args {
    return [this.#adapter, this.#number];
  }

  protected async load(
    [adapter, number]: [SecureMessagesAdapter, string],
    signal: AbortSignal,
    background: boolean,
  ): Promise<Loaded | typeof initialState> {
    if (number === '') return initialState;
    // Not a Meddelandenummer: nothing to ask the server.
    if (!validateMessageNumber(number).ok) throw new NotFoundError('Not a message number.', 404);
    const generation = this.#generation;
    this.#poller.stop();
    const [, conversation] = await Promise.all([
      currentUser(adapter, signal).then((user) => {
        this.#user = user;
        this.#userAdapter = adapter;
      }),
      adapter.getConversation(number, signal, { background }),
    ]);
    return { conversation, generation };
  }

  protected completed(loaded: Loaded): void {
    this.session.settled();
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
      const { number, version } = loaded.conversation;
      this.session.share({ type: 'read', number, version });
    }
    this.#poller.settled(true);
  }

  protected failed(error: unknown): void {
    if (isAbortError(error)) return;
    this.#quiet = false;
    if (this.authFailed(error)) return;
    // A failed background refresh keeps the conversation on screen, except when it is gone.
    if (!this.#conversation || isErrorKind(error, 'not-found')) {
      this.#conversation = undefined;
      this.#error = error;
    }
    if (this.#conversation) this.#poller.settled(false, retryAfterOf(error));
  }

  /** A 401 ends the session for every element on the adapter; true when `error` was one. */
  protected authFailed(error: unknown): boolean {
    if (!this.session.authFailed(error)) return false;
    // The session's `signed-out` has cleared everything; this keeps the error to show.
    this.#conversation = undefined;
    this.#error = error;
    return true;
  }

  /**
   * The session ended: nothing the server said stays — the conversation, its messages and
   * history, the names in it, the user — no request goes on, and nothing polls until Försök igen.
   */
  protected signedOutNow(): void {
    this.#poller.stop();
    this.#generation++;
    this.#conversation = undefined;
    this.#user = undefined;
    this.#userAdapter = undefined;
    this.#error = signedOutError();
    this.#options.onSignedOut?.();
    this.dropAnswer();
    this.host.requestUpdate();
  }
}

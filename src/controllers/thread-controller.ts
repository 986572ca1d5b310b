import type { DownloadedAttachment, ReplyDraft, SendOptions } from '../adapter/adapter.js';
import { isAbortError } from '../adapter/errors.js';
import type { Conversation } from '../domain/index.js';
import { ThreadLoad } from './thread-load.js';

export type { ThreadHost, ThreadState } from './thread-load.js';

/** The adapter's method for each write on a conversation besides replying. */
const WRITES = { claim: 'claim', release: 'release', 'take-over': 'takeOver', close: 'close' } as const;
export type ThreadAction = keyof typeof WRITES;

export type ActionOutcome =
  | { ok: true; conversation: Conversation }
  /** `error` is the adapter's typed error; the conversation is being reloaded. */
  | { ok: false; error: unknown }
  /** Another action was under way, or there is nothing to act on: nothing was sent. */
  | { ok: false; error: undefined };

/**
 * Owns the async state of `<secure-thread>`: the conversation as loaded and refreshed by ThreadLoad
 * (thread-load.ts), and the writes on it — claim, release, take over, close, reply, attachment
 * downloads. The element only renders and wires.
 *
 * Writes send the version the user saw (`If-Match`); on a conflict nothing is retried or
 * overwritten, the caller shows who has the case now and the conversation is reloaded. Every write
 * and download under way is aborted when the element leaves the page or the session ends.
 */
export class ThreadController extends ThreadLoad {
  #pending: ThreadAction | undefined = undefined;
  readonly #requests = new Set<AbortController>();

  /** The write under way, if any: no other write starts until it settles. */
  get pending(): ThreadAction | undefined {
    return this.#pending;
  }

  /**
   * Claim, release, take over or close, with the version the user saw (default: the version
   * shown). After a failure the conversation is reloaded; nothing is retried.
   */
  async perform(action: ThreadAction, version?: string): Promise<ActionOutcome> {
    const [adapter, number] = this.args();
    const conversation = this.conversation;
    if (!adapter || !conversation || this.#pending) return { ok: false, error: undefined };
    this.#pending = action;
    this.host.requestUpdate();
    const current = () => adapter === this.args()[0] && number === this.args()[1];
    try {
      const result = await this.#request((signal) =>
        adapter[WRITES[action]](number, version ?? conversation.version, signal),
      );
      if (current()) this.apply(result);
      return { ok: true, conversation: result };
    } catch (error) {
      if (isAbortError(error)) return { ok: false, error: undefined };
      if (!this.authFailed(error) && current()) this.reloadQuietly();
      return { ok: false, error };
    } finally {
      if (this.#pending === action) this.#pending = undefined;
      this.host.requestUpdate();
    }
  }

  /** Sends a reply to the conversation shown (for the reply form's `submit`). */
  reply(draft: ReplyDraft, options: SendOptions): Promise<Conversation> {
    const [adapter, number] = this.args();
    if (!adapter || number === '') return Promise.reject(new Error('No conversation to reply to.'));
    return adapter.reply(number, { body: draft.body, files: [...draft.files] }, options);
  }

  /** The bytes of an attachment of the conversation shown; aborted when the element leaves the page. */
  async download(attachmentId: string): Promise<DownloadedAttachment> {
    const [adapter, number] = this.args();
    if (!adapter || number === '') throw new Error('No conversation to download from.');
    try {
      return await this.#request((signal) => adapter.downloadAttachment(number, attachmentId, signal));
    } catch (error) {
      this.authFailed(error);
      throw error;
    }
  }

  override hostDisconnected(): void {
    this.#abort();
    super.hostDisconnected();
  }

  protected override signedOutNow(): void {
    this.#abort();
    super.signedOutNow();
  }

  /** A write or download with its own AbortSignal, aborted by `#abort()`. */
  async #request<T>(send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abort = new AbortController();
    this.#requests.add(abort);
    try {
      return await send(abort.signal);
    } catch (error) {
      throw abort.signal.aborted ? abort.signal.reason : error;
    } finally {
      this.#requests.delete(abort);
    }
  }

  /** Every write and download under way is aborted. */
  #abort(): void {
    for (const request of this.#requests) request.abort();
    this.#requests.clear();
    this.#pending = undefined;
  }
}

import type { ServerConfig } from '../domain/config.js';
import type { SearchQuery, SearchResult } from '../domain/query.js';
import type { Conversation, Organisation, Subject, User } from '../domain/types.js';
import type {
  ChangeListener,
  ConversationChange,
  DownloadedAttachment,
  LiveEvent,
  NewConversationDraft,
  ReadOptions,
  ReplyDraft,
  SecureMessagesAdapter,
  SendOptions,
} from './adapter.js';
import { abortable } from './abort.js';
import { AttachmentNames } from './attachment-names.js';
import { ChangeHub } from './change-hub.js';
import { readEvents } from './events.js';
import {
  isArrayOf,
  isConversation,
  isNoticeCount,
  isOrganisation,
  isSearchResult,
  isServerConfig,
  isSubject,
  isUser,
} from './guards.js';
import { parseContentDispositionFilename, parseEtag, quoteEtag, safeFileName } from './http.js';
import { Transport, type RequestSpec, type TransportOptions } from './request.js';
import { networkError, readJson } from './response.js';

export { BACKGROUND_HEADER } from './request.js';

export interface RestAdapterOptions extends TransportOptions {
  /** Share one hub between adapters, or notify it from elsewhere; default a new hub per adapter. */
  changes?: ChangeHub;
  /**
   * Tabs whose adapters have the same key share one live stream and one session end
   * (`SecureMessagesAdapter.channelKey`); default the API's absolute URL. A page whose backend is
   * its own (a mock in the page) gives a key of its own.
   */
  channelKey?: string;
}

/** The path of a conversation, or of something below it. */
function conversationPath(number: string, ...below: string[]): string {
  return `/conversations/${[number, ...below].map((part) => encodeURIComponent(part)).join('/')}`;
}

/**
 * The REST adapter: the HTTP contract of `api/openapi.yaml` over `fetch`.
 *
 * - Every request is sent with the configured `credentials`, and with `cache: 'no-store'` when the
 *   API is on the page's origin. On another origin the cache mode is the default, so that the
 *   browser reuses a CORS preflight within its `Access-Control-Max-Age` (with `no-store` it asks
 *   again before every request); the server's `Cache-Control: no-store` (rule `cache.no-store`)
 *   keeps every answer out of the browser's cache.
 * - Searches are POSTed as JSON; no search text or message text is ever put in a URL.
 * - Sends are multipart with an `Idempotency-Key`; assignment writes and close carry
 *   `If-Match: "<version>"`. A conversation's `version` is taken from the response's `ETag`.
 * - Upload progress: `fetch` cannot report it, so `createConversation` and `reply` use
 *   `XMLHttpRequest` when `onProgress` is given — unless the host gave its own `fetch` (which
 *   then carries every request, so its auth, CSRF or tracing is never skipped) or
 *   `credentials: 'omit'` (XHR cannot leave out cookies on same-origin requests). Then fetch is
 *   used and progress is reported once, when done.
 * - Reads that no user asked for (`options.background`) carry `X-Background-Request: 1`, as does
 *   the live stream (`streamEvents`, over the same `fetch`, so cookies, the host's headers and a
 *   custom `fetch` carry it too; `EventSource` could do none of that).
 * - A 401 drops the attachment names it remembered (as does `forget()`).
 * - After every successful write (including an idempotent replay) subscribers are notified. A
 *   write that completes just as its signal aborts still notifies (the change happened), then
 *   rejects with the abort reason like every aborted call.
 * - Failures reject with the typed errors of `errors.ts`; an aborted call rejects with the signal's
 *   reason.
 */
export class RestAdapter implements SecureMessagesAdapter {
  readonly #transport: Transport;
  readonly #changes: ChangeHub;
  readonly #attachmentNames = new AttachmentNames();
  readonly channelKey: string;

  constructor(options: RestAdapterOptions) {
    this.#transport = new Transport(options, () => this.forget());
    this.#changes = options.changes ?? new ChangeHub();
    this.channelKey = options.channelKey ?? this.#transport.url('');
  }

  /** The hub this adapter notifies. */
  get changes(): ChangeHub {
    return this.#changes;
  }

  getCurrentUser(signal: AbortSignal): Promise<User> {
    return this.#read('/me', signal, (response) => readJson(response, isUser));
  }

  getSubjects(signal: AbortSignal): Promise<Subject[]> {
    return this.#read('/subjects', signal, (response) => readJson(response, isArrayOf(isSubject)));
  }

  getOrganisations(signal: AbortSignal): Promise<Organisation[]> {
    return this.#read('/organisations', signal, (response) => readJson(response, isArrayOf(isOrganisation)));
  }

  getServerConfig(signal: AbortSignal): Promise<ServerConfig> {
    return this.#read('/config', signal, (response) => readJson(response, isServerConfig));
  }

  searchConversations(query: SearchQuery, signal: AbortSignal, options?: ReadOptions): Promise<SearchResult> {
    const read = (response: Response) => readJson(response, isSearchResult);
    return this.#read('/conversations/search', signal, read, { ...options, json: query });
  }

  getConversation(number: string, signal: AbortSignal, options?: ReadOptions): Promise<Conversation> {
    return this.#read(
      conversationPath(number),
      signal,
      (response) => this.#readConversation(response),
      options,
    );
  }

  createConversation(draft: NewConversationDraft, options: SendOptions): Promise<Conversation> {
    const form = new FormData();
    form.append('subjectId', draft.subjectId);
    form.append('body', draft.body);
    if (draft.organisationCustomerNumber !== undefined) {
      form.append('organisationCustomerNumber', draft.organisationCustomerNumber);
    }
    for (const file of draft.files) form.append('files', file, file.name);
    return this.#sendMessage('/conversations', form, options, 'created');
  }

  reply(number: string, draft: ReplyDraft, options: SendOptions): Promise<Conversation> {
    const form = new FormData();
    form.append('body', draft.body);
    for (const file of draft.files) form.append('files', file, file.name);
    return this.#sendMessage(conversationPath(number, 'messages'), form, options, 'replied');
  }

  claim(number: string, version: string, signal: AbortSignal): Promise<Conversation> {
    return this.#assignmentWrite(number, 'claim', version, signal, 'claimed');
  }

  release(number: string, version: string, signal: AbortSignal): Promise<Conversation> {
    return this.#assignmentWrite(number, 'release', version, signal, 'released');
  }

  takeOver(number: string, version: string, signal: AbortSignal): Promise<Conversation> {
    return this.#assignmentWrite(number, 'take-over', version, signal, 'taken-over');
  }

  close(number: string, version: string, signal: AbortSignal): Promise<Conversation> {
    return this.#assignmentWrite(number, 'close', version, signal, 'closed');
  }

  getNoticeCount(signal: AbortSignal, options?: ReadOptions): Promise<number> {
    const read = async (response: Response) => (await readJson(response, isNoticeCount)).count;
    return this.#read('/notices/count', signal, read, options);
  }

  downloadAttachment(
    number: string,
    attachmentId: string,
    signal: AbortSignal,
  ): Promise<DownloadedAttachment> {
    return this.#read(conversationPath(number, 'attachments', attachmentId), signal, async (response) => {
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (error) {
        throw networkError(false, error); // an abort meanwhile wins (see abortable)
      }
      const name =
        parseContentDispositionFilename(response.headers.get('Content-Disposition')) ??
        this.#attachmentNames.get(number, attachmentId) ??
        safeFileName(attachmentId) ??
        'bilaga';
      return { blob, name };
    });
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#changes.subscribe(listener);
  }

  streamEvents(
    onEvent: (event: LiveEvent) => void,
    signal: AbortSignal,
    lastEventId?: string,
  ): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    const spec: RequestSpec = {
      method: 'GET',
      path: '/events',
      signal,
      write: false,
      background: true,
      headers,
    };
    return this.#call(spec, (response) => readEvents(response, onEvent, signal));
  }

  /** Drops the attachment names remembered for `downloadAttachment` (the session ended). */
  forget(): void {
    this.#attachmentNames.clear();
  }

  // ---------------------------------------------------------------------------------------------

  /** Sends one request and reads its answer; an aborted signal wins over any other outcome. */
  #call<T>(spec: RequestSpec, read: (response: Response) => Promise<T>): Promise<T> {
    return abortable(spec.signal, async () => read(await this.#transport.send(spec)));
  }

  /** A read: a GET, or a POST when it has a JSON body (a search, so its text is never in a URL). */
  #read<T>(
    path: string,
    signal: AbortSignal,
    read: (response: Response) => Promise<T>,
    options?: ReadOptions & { json?: unknown },
  ): Promise<T> {
    const json = options?.json;
    const method = json === undefined ? 'GET' : 'POST';
    return this.#call({ method, path, signal, write: false, json, background: options?.background }, read);
  }

  /** A write that answers with the conversation; subscribers hear of it once it succeeded. */
  #write(spec: RequestSpec, type: ConversationChange['type']): Promise<Conversation> {
    return this.#call(spec, async (response) => {
      const conversation = await this.#readConversation(response, true);
      this.#changes.notify({ type, number: conversation.number });
      return conversation;
    });
  }

  #sendMessage(
    path: string,
    form: FormData,
    { signal, idempotencyKey, onProgress }: SendOptions,
    type: ConversationChange['type'],
  ): Promise<Conversation> {
    const headers = { 'Idempotency-Key': idempotencyKey };
    return this.#write({ method: 'POST', path, signal, write: true, form, headers, onProgress }, type);
  }

  #assignmentWrite(
    number: string,
    action: 'claim' | 'release' | 'take-over' | 'close',
    version: string,
    signal: AbortSignal,
    type: ConversationChange['type'],
  ): Promise<Conversation> {
    const path = conversationPath(number, action);
    const headers = { 'If-Match': quoteEtag(version) };
    return this.#write({ method: 'POST', path, signal, write: true, headers }, type);
  }

  async #readConversation(response: Response, write = false): Promise<Conversation> {
    const conversation = await readJson(response, isConversation, write);
    const etag = parseEtag(response.headers.get('ETag'));
    if (etag !== null) conversation.version = etag;
    this.#attachmentNames.remember(conversation);
    return conversation;
  }
}

/** Creates the REST adapter (see `RestAdapter`). */
export function createRestAdapter(
  options: RestAdapterOptions,
): SecureMessagesAdapter & Pick<RestAdapter, 'changes' | 'channelKey' | 'streamEvents'> {
  return new RestAdapter(options);
}

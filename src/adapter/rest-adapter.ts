import type { ServerConfig } from '../domain/config.js';
import type { SearchQuery, SearchResult } from '../domain/query.js';
import type { Conversation, Organisation, Subject, User } from '../domain/types.js';
import type {
  ChangeListener,
  ConversationChange,
  DownloadedAttachment,
  NewConversationDraft,
  ReadOptions,
  ReplyDraft,
  SecureMessagesAdapter,
  SendOptions,
  UploadProgress,
} from './adapter.js';
import { ChangeHub } from './change-hub.js';
import { errorMessages } from './error-messages.js';
import { isAdapterError, isErrorKind, NetworkError, ServerError } from './errors.js';
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
import {
  errorFromResponse,
  parseContentDispositionFilename,
  parseEtag,
  quoteEtag,
  safeFileName,
} from './http.js';

export interface RestAdapterOptions {
  /** Base URL of the API, relative (`/api/secure-messages/v1`) or absolute. */
  baseUrl: string;
  /** Sent with every request; default `'same-origin'`. */
  credentials?: RequestCredentials;
  /**
   * Extra headers, asked for before every request (e.g. a CSRF token). Protocol headers the adapter
   * sets itself (`Accept`, `Content-Type`, `Idempotency-Key`, `If-Match`) win over these. Errors
   * thrown here reject the call unchanged.
   */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The `fetch` to use for every request, uploads included; default the global one, looked up per
   * request. With a custom `fetch` an upload's progress is reported once, when it is done (fetch
   * cannot report upload progress), so the elements show an indeterminate bar while it runs.
   */
  fetch?: typeof fetch;
  /** Share one hub between adapters, or notify it from elsewhere; default a new hub per adapter. */
  changes?: ChangeHub;
}

const ACCEPT = 'application/json, application/problem+json';
/** Marks a request no user asked for (polling, refreshes); see `ReadOptions.background`. */
export const BACKGROUND_HEADER = 'X-Background-Request';
/** Attachment names remembered for `downloadAttachment`'s fallback name (memory only). */
const REMEMBERED_NAMES_MAX = 1000;

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  signal: AbortSignal;
  /** A write: a lost response leaves its outcome unknown. */
  write: boolean;
  /** No user asked for it (polling, refreshes). */
  background?: boolean;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Runs one adapter call so that an aborted signal always wins over any other outcome. */
async function abortable<T>(signal: AbortSignal, operation: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw abortReason(signal);
  let result: T;
  try {
    result = await operation();
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    throw error;
  }
  if (signal.aborted) throw abortReason(signal);
  return result;
}

function networkError(write: boolean, cause: unknown): NetworkError {
  return new NetworkError(write ? errorMessages.networkOutcomeUnknown() : errorMessages.network(), write, {
    cause,
  });
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

function parseXhrHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    try {
      headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
    } catch {
      // An invalid header line is skipped.
    }
  }
  return headers;
}

/**
 * The REST adapter: the HTTP contract of `api/openapi.yaml` over `fetch`.
 *
 * - Every request is sent with `cache: 'no-store'` and the configured `credentials`.
 * - Searches are POSTed as JSON; no search text or message text is ever put in a URL.
 * - Sends are multipart with an `Idempotency-Key`; assignment writes and close carry
 *   `If-Match: "<version>"`. A conversation's `version` is taken from the response's `ETag`.
 * - Upload progress: `fetch` cannot report it, so `createConversation` and `reply` use
 *   `XMLHttpRequest` when `onProgress` is given — unless the host gave its own `fetch` (which
 *   then carries every request, so its auth, CSRF or tracing is never skipped) or
 *   `credentials: 'omit'` (XHR cannot leave out cookies on same-origin requests). Then fetch is
 *   used and progress is reported once, when done.
 * - Reads that no user asked for (`options.background`) carry `X-Background-Request: 1`.
 * - A 401 drops the attachment names it remembered (as does `forget()`).
 * - After every successful write (including an idempotent replay) subscribers are notified. A
 *   write that completes just as its signal aborts still notifies (the change happened), then
 *   rejects with the abort reason like every aborted call.
 * - Failures reject with the typed errors of `errors.ts`; an aborted call rejects with the signal's
 *   reason.
 */
export class RestAdapter implements SecureMessagesAdapter {
  readonly #baseUrl: string;
  readonly #credentials: RequestCredentials;
  readonly #headers: RestAdapterOptions['headers'];
  readonly #fetch: typeof fetch;
  /** The host gave its own fetch: use it for uploads too. */
  readonly #customFetch: boolean;
  readonly #changes: ChangeHub;
  readonly #attachmentNames = new Map<string, string>();

  constructor(options: RestAdapterOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#credentials = options.credentials ?? 'same-origin';
    this.#headers = options.headers;
    const custom = options.fetch;
    this.#fetch = custom ?? ((input, init) => fetch(input, init));
    this.#customFetch = custom !== undefined;
    this.#changes = options.changes ?? new ChangeHub();
  }

  /** The hub this adapter notifies. */
  get changes(): ChangeHub {
    return this.#changes;
  }

  getCurrentUser(signal: AbortSignal): Promise<User> {
    return this.#getJson('/me', signal, isUser);
  }

  getSubjects(signal: AbortSignal): Promise<Subject[]> {
    return this.#getJson('/subjects', signal, isArrayOf(isSubject));
  }

  getOrganisations(signal: AbortSignal): Promise<Organisation[]> {
    return this.#getJson('/organisations', signal, isArrayOf(isOrganisation));
  }

  getServerConfig(signal: AbortSignal): Promise<ServerConfig> {
    return this.#getJson('/config', signal, isServerConfig);
  }

  searchConversations(query: SearchQuery, signal: AbortSignal, options?: ReadOptions): Promise<SearchResult> {
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'POST',
        path: '/conversations/search',
        signal,
        write: false,
        json: query,
        background: options?.background,
      });
      return this.#readJson(response, isSearchResult);
    });
  }

  getConversation(number: string, signal: AbortSignal, options?: ReadOptions): Promise<Conversation> {
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'GET',
        path: `/conversations/${segment(number)}`,
        signal,
        write: false,
        background: options?.background,
      });
      return this.#readConversation(response);
    });
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
    return this.#sendMessage(`/conversations/${segment(number)}/messages`, form, options, 'replied');
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
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'GET',
        path: '/notices/count',
        signal,
        write: false,
        background: options?.background,
      });
      return (await this.#readJson(response, isNoticeCount)).count;
    });
  }

  downloadAttachment(
    number: string,
    attachmentId: string,
    signal: AbortSignal,
  ): Promise<DownloadedAttachment> {
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'GET',
        path: `/conversations/${segment(number)}/attachments/${segment(attachmentId)}`,
        signal,
        write: false,
      });
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        throw networkError(false, error);
      }
      const name =
        parseContentDispositionFilename(response.headers.get('Content-Disposition')) ??
        this.#attachmentNames.get(`${number}/${attachmentId}`) ??
        safeFileName(attachmentId) ??
        'bilaga';
      return { blob, name };
    });
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#changes.subscribe(listener);
  }

  /** Drops the attachment names remembered for `downloadAttachment` (the session ended). */
  forget(): void {
    this.#attachmentNames.clear();
  }

  // ---------------------------------------------------------------------------------------------

  #getJson<T>(path: string, signal: AbortSignal, guard: (value: unknown) => value is T): Promise<T> {
    return abortable(signal, async () => {
      const response = await this.#send({ method: 'GET', path, signal, write: false });
      return this.#readJson(response, guard);
    });
  }

  #sendMessage(
    path: string,
    form: FormData,
    options: SendOptions,
    type: ConversationChange['type'],
  ): Promise<Conversation> {
    const { signal, idempotencyKey, onProgress } = options;
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'POST',
        path,
        signal,
        write: true,
        form,
        headers: { 'Idempotency-Key': idempotencyKey },
        onProgress,
      });
      const conversation = await this.#readConversation(response, true);
      this.#notify({ type, number: conversation.number });
      return conversation;
    });
  }

  #assignmentWrite(
    number: string,
    action: 'claim' | 'release' | 'take-over' | 'close',
    version: string,
    signal: AbortSignal,
    type: ConversationChange['type'],
  ): Promise<Conversation> {
    return abortable(signal, async () => {
      const response = await this.#send({
        method: 'POST',
        path: `/conversations/${segment(number)}/${action}`,
        signal,
        write: true,
        headers: { 'If-Match': quoteEtag(version) },
      });
      const conversation = await this.#readConversation(response, true);
      this.#notify({ type, number: conversation.number });
      return conversation;
    });
  }

  #notify(change: ConversationChange): void {
    this.#changes.notify(change);
  }

  /** Sends one request; resolves with a 2xx response, rejects with a typed error otherwise. */
  async #send(spec: RequestSpec): Promise<Response> {
    const headers: Record<string, string> = { ...(await this.#headers?.()), Accept: ACCEPT };
    if (spec.json !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.background) headers[BACKGROUND_HEADER] = '1';
    Object.assign(headers, spec.headers);
    const url = `${this.#baseUrl}${spec.path}`;
    const body = spec.json !== undefined ? JSON.stringify(spec.json) : spec.form;

    let response: Response;
    if (spec.onProgress && spec.form && !this.#customFetch && this.#credentials !== 'omit') {
      response = await this.#xhr(url, spec, headers, spec.form, spec.onProgress);
    } else {
      try {
        response = await this.#fetch(url, {
          method: spec.method,
          headers,
          body,
          credentials: this.#credentials,
          cache: 'no-store',
          signal: spec.signal,
        });
      } catch (error) {
        if (spec.signal.aborted) throw abortReason(spec.signal);
        if (isAdapterError(error)) throw error;
        throw networkError(spec.write, error);
      }
      if (spec.onProgress && spec.form && response.ok) {
        // fetch cannot report upload progress: report completion once.
        const encoder = new TextEncoder();
        const size = [...spec.form.values()].reduce(
          (sum, v) => sum + (typeof v === 'string' ? encoder.encode(v).length : v.size),
          0,
        );
        safeProgress(spec.onProgress, { loaded: size, total: size });
      }
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (isErrorKind(error, 'auth-required')) this.forget();
      throw error;
    }
    return response;
  }

  #xhr(
    url: string,
    spec: RequestSpec,
    headers: Record<string, string>,
    form: FormData,
    onProgress: (progress: UploadProgress) => void,
  ): Promise<Response> {
    const { signal } = spec;
    return new Promise<Response>((resolve, reject) => {
      if (signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      const xhr = new XMLHttpRequest();
      const onAbort = (): void => xhr.abort();
      const done = (): void => signal.removeEventListener('abort', onAbort);
      xhr.open(spec.method, url, true);
      xhr.responseType = 'blob';
      xhr.withCredentials = this.#credentials === 'include';
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      let total = 0;
      let lastLoaded = -1;
      const report = (event: ProgressEvent): void => {
        total = event.lengthComputable ? event.total : 0;
        lastLoaded = event.loaded;
        safeProgress(onProgress, { loaded: event.loaded, total });
      };
      xhr.upload.onloadstart = report;
      xhr.upload.onprogress = report;
      xhr.onload = () => {
        done();
        const status = xhr.status;
        if (status < 200 || status > 599) {
          reject(networkError(spec.write, new Error(`Unexpected XHR status ${status}`)));
          return;
        }
        // A response means the body was sent. Some environments (e.g. a request answered by a
        // service worker) fire no upload progress after `loadstart`: report completion ourselves.
        if (status < 300 && total > 0 && lastLoaded < total)
          safeProgress(onProgress, { loaded: total, total });
        const nullBody = status === 204 || status === 205 || status === 304;
        resolve(
          new Response(nullBody ? null : (xhr.response as Blob | null), {
            status,
            statusText: xhr.statusText,
            headers: parseXhrHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      };
      xhr.onerror = () => {
        done();
        reject(networkError(spec.write, new TypeError('XMLHttpRequest failed')));
      };
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => {
        done();
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      xhr.send(form);
    });
  }

  async #readJson<T>(response: Response, guard: (value: unknown) => value is T, write = false): Promise<T> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The server answered a write with success, but its body was lost on the way.
      throw networkError(write, error);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!guard(body)) throw new ServerError(errorMessages.badResponse(), response.status, null);
    return body;
  }

  async #readConversation(response: Response, write = false): Promise<Conversation> {
    const conversation = await this.#readJson(response, isConversation, write);
    const etag = parseEtag(response.headers.get('ETag'));
    if (etag !== null) conversation.version = etag;
    this.#rememberAttachmentNames(conversation);
    return conversation;
  }

  #rememberAttachmentNames(conversation: Conversation): void {
    for (const message of conversation.messages) {
      for (const attachment of message.attachments ?? []) {
        const key = `${conversation.number}/${attachment.id}`;
        this.#attachmentNames.delete(key);
        this.#attachmentNames.set(key, attachment.name);
      }
    }
    while (this.#attachmentNames.size > REMEMBERED_NAMES_MAX) {
      const oldest = this.#attachmentNames.keys().next().value;
      if (oldest === undefined) break;
      this.#attachmentNames.delete(oldest);
    }
  }
}

function safeProgress(onProgress: (progress: UploadProgress) => void, progress: UploadProgress): void {
  try {
    onProgress(progress);
  } catch {
    // A failing progress callback must not fail the upload.
  }
}

/** Creates the REST adapter (see `RestAdapter`). */
export function createRestAdapter(
  options: RestAdapterOptions,
): SecureMessagesAdapter & { readonly changes: ChangeHub } {
  return new RestAdapter(options);
}

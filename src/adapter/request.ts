/**
 * Sending one request of the REST adapter: its URL and headers (the host's own, e.g. a CSRF
 * token, under the protocol's), over the configured `fetch` or, for an upload with progress,
 * `XMLHttpRequest`; any answer but a success becomes a typed error.
 */
import type { UploadProgress } from './adapter.js';
import { abortReason } from './abort.js';
import { isAdapterError, isErrorKind } from './errors.js';
import { errorFromResponse, networkError } from './response.js';
import { reportUploaded, uploadWithProgress } from './upload.js';

/** Marks a request no user asked for (polling, refreshes); see `ReadOptions.background`. */
export const BACKGROUND_HEADER = 'X-Background-Request';
const ACCEPT = 'application/json, application/problem+json';

/** How the REST adapter reaches its server. */
export interface TransportOptions {
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
}

export interface RequestSpec {
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

export class Transport {
  readonly #baseUrl: string;
  readonly #credentials: RequestCredentials;
  readonly #headers: TransportOptions['headers'];
  readonly #fetch: typeof fetch;
  /** The host gave its own fetch: use it for uploads too. */
  readonly #customFetch: boolean;
  readonly #onAuthRequired: () => void;
  /**
   * `no-store` for an API on the page's own origin; for one on another origin the default: a
   * browser preflights every request of another cache mode again, whatever the preflight's
   * `Access-Control-Max-Age` (Chromium does), and the contract's `cache.no-store` keeps the
   * answers out of the cache all the same.
   */
  readonly #cache: RequestCache;

  /** `onAuthRequired` runs on every 401, before the call rejects. */
  constructor(options: TransportOptions, onAuthRequired: () => void) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#credentials = options.credentials ?? 'same-origin';
    this.#headers = options.headers;
    const custom = options.fetch;
    this.#fetch = custom ?? ((input, init) => fetch(input, init));
    this.#customFetch = custom !== undefined;
    this.#onAuthRequired = onAuthRequired;
    const page = globalThis.location?.origin;
    this.#cache = page === undefined || new URL(this.url(''), page).origin === page ? 'no-store' : 'default';
  }

  /** The absolute URL of a path below the base URL. */
  url(path: string): string {
    return new URL(`${this.#baseUrl}${path}`, globalThis.location?.href).href;
  }

  /** Sends one request; resolves with a 2xx response, rejects with a typed error otherwise. */
  async send(spec: RequestSpec): Promise<Response> {
    const headers = await this.#headersOf(spec);
    const url = `${this.#baseUrl}${spec.path}`;
    const { form, onProgress } = spec;
    const response =
      onProgress && form && !this.#customFetch && this.#credentials !== 'omit'
        ? await uploadWithProgress({
            ...spec,
            url,
            headers,
            form,
            onProgress,
            withCredentials: this.#credentials === 'include',
          })
        : await this.#fetchResponse(url, spec, headers);
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (isErrorKind(error, 'auth-required')) this.#onAuthRequired();
      throw error;
    }
    return response;
  }

  async #headersOf(spec: RequestSpec): Promise<Record<string, string>> {
    const headers: Record<string, string> = { ...(await this.#headers?.()), Accept: ACCEPT };
    if (spec.json !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.background) headers[BACKGROUND_HEADER] = '1';
    return Object.assign(headers, spec.headers);
  }

  async #fetchResponse(url: string, spec: RequestSpec, headers: Record<string, string>): Promise<Response> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: spec.method,
        headers,
        body: spec.json !== undefined ? JSON.stringify(spec.json) : spec.form,
        credentials: this.#credentials,
        cache: this.#cache,
        signal: spec.signal,
      });
    } catch (error) {
      if (spec.signal.aborted) throw abortReason(spec.signal);
      if (isAdapterError(error)) throw error;
      throw networkError(spec.write, error);
    }
    // fetch cannot report upload progress: report completion once.
    if (spec.onProgress && spec.form && response.ok) reportUploaded(spec.onProgress, spec.form);
    return response;
  }
}

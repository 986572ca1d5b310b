/**
 * Uploads with progress. `fetch` cannot report upload progress, so a send with `onProgress` goes
 * through `XMLHttpRequest`, whose answer is turned back into a `Response`; when fetch must carry
 * it anyway (the host's own fetch, `credentials: 'omit'`), progress is reported once, when done.
 */
import type { UploadProgress } from './adapter.js';
import { abortReason } from './abort.js';
import { networkError } from './response.js';

export type ProgressListener = (progress: UploadProgress) => void;

export interface Upload {
  method: string;
  url: string;
  headers: Record<string, string>;
  form: FormData;
  signal: AbortSignal;
  /** Send cookies cross-origin too (`credentials: 'include'`). */
  withCredentials: boolean;
  /** A write: a lost answer leaves its outcome unknown. */
  write: boolean;
  onProgress: ProgressListener;
}

/** Reports progress; a failing progress callback must not fail the upload. */
function safeProgress(onProgress: ProgressListener, progress: UploadProgress): void {
  try {
    onProgress(progress);
  } catch {
    // Ignored: the upload goes on.
  }
}

/** Reports a finished upload at once, for a `fetch` that could not report its progress. */
export function reportUploaded(onProgress: ProgressListener, form: FormData): void {
  const encoder = new TextEncoder();
  const size = [...form.values()].reduce(
    (sum, v) => sum + (typeof v === 'string' ? encoder.encode(v).length : v.size),
    0,
  );
  safeProgress(onProgress, { loaded: size, total: size });
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

/** The XHR's answer as a `Response`. */
function responseOf(xhr: XMLHttpRequest): Response {
  const status = xhr.status;
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : (xhr.response as Blob | null), {
    status,
    statusText: xhr.statusText,
    headers: parseXhrHeaders(xhr.getAllResponseHeaders()),
  });
}

/** Reports the upload's progress; `complete()` fills the bar when no event said it was done. */
function trackProgress(xhr: XMLHttpRequest, onProgress: ProgressListener): { complete(): void } {
  let total = 0;
  let lastLoaded = -1;
  const report = (event: ProgressEvent): void => {
    total = event.lengthComputable ? event.total : 0;
    lastLoaded = event.loaded;
    safeProgress(onProgress, { loaded: event.loaded, total });
  };
  xhr.upload.onloadstart = report;
  xhr.upload.onprogress = report;
  return {
    complete(): void {
      if (total > 0 && lastLoaded < total) safeProgress(onProgress, { loaded: total, total });
    },
  };
}

/** Sends the upload with `XMLHttpRequest`, reporting progress; resolves with any HTTP answer. */
export function uploadWithProgress(upload: Upload): Promise<Response> {
  const { signal } = upload;
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = (): void => xhr.abort();
    const fail = (error: unknown): void => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    };
    xhr.open(upload.method, upload.url, true);
    xhr.responseType = 'blob';
    xhr.withCredentials = upload.withCredentials;
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    const progress = trackProgress(xhr, upload.onProgress);
    xhr.onload = () => {
      const status = xhr.status;
      if (status < 200 || status > 599) {
        fail(networkError(upload.write, new Error(`Unexpected XHR status ${status}`)));
        return;
      }
      signal.removeEventListener('abort', onAbort);
      // A response means the body was sent. Some environments (e.g. a request answered by a
      // service worker) fire no upload progress after `loadstart`: report completion ourselves.
      if (status < 300) progress.complete();
      resolve(responseOf(xhr));
    };
    xhr.onerror = () => fail(networkError(upload.write, new TypeError('XMLHttpRequest failed')));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => fail(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.send(upload.form);
  });
}

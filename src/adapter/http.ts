/**
 * HTTP details of the REST adapter that are worth testing on their own: entity tags, Retry-After,
 * Content-Disposition, and turning an error response into a typed error.
 */
import type { UserRef } from '../domain/types.js';
import { errorMessages } from './error-messages.js';
import {
  AuthRequiredError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ServerError,
  TooLargeError,
  UnsupportedTypeError,
  ValidationError,
  type AdapterError,
} from './errors.js';
import { isRecord, isUserRef } from './guards.js';

/** `"v7"` / `W/"v7"` → `v7`; null for a missing or empty header. */
export function parseEtag(header: string | null): string | null {
  if (header === null) return null;
  const match = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(header);
  const value = match ? match[1] : header.trim();
  return value === '' ? null : value;
}

/** A version as a strong entity tag for `If-Match`: `v7` → `"v7"`; an already quoted tag is kept. */
export function quoteEtag(version: string): string {
  return /^(?:W\/)?"[^"]*"$/.test(version) ? version : `"${version}"`;
}

/**
 * `Retry-After` in whole seconds from now: delay-seconds, or an HTTP date (in the past → 0).
 * Null when missing or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10);
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function decodeExtValue(value: string): string | null {
  // RFC 8187 ext-value: charset'[language]'percent-encoded
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1].toLowerCase();
  const encoded = match[2];
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The file name of a `Content-Disposition` header: `filename*` (RFC 6266/8187, e.g.
 * `UTF-8''L%C3%B6n.pdf`) wins over `filename`. Null when neither is usable.
 */
export function parseContentDispositionFilename(header: string | null): string | null {
  if (header === null) return null;
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1].toLowerCase();
    let value = match[2].trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!params.has(name)) params.set(name, value);
  }
  const extended = params.get('filename*');
  const decoded = extended === undefined ? null : decodeExtValue(extended);
  const name = decoded ?? params.get('filename') ?? null;
  return name === null ? null : safeFileName(name);
}

/** Removes path separators and control characters, so that a name is only ever a name. */
export function safeFileName(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

async function readProblem(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = JSON.parse(await response.text());
    return isRecord(body) ? body : {};
  } catch {
    return {};
  }
}

function fieldErrors(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [field, message] of Object.entries(value)) {
    if (typeof message === 'string') result[field] = message;
  }
  return result;
}

/**
 * The typed error for a response that is not a success. The body is read as a problem document
 * when it is one; a status alone still gives the right kind (a proxy's HTML 401 page is still
 * "sign in again").
 */
export async function errorFromResponse(response: Response): Promise<AdapterError> {
  const status = response.status;
  const problem = await readProblem(response);
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(errorMessages.validation(), fieldErrors(problem.errors), status);
    case 401:
      return new AuthRequiredError(errorMessages.authRequired(), status);
    case 403:
      return new ForbiddenError(errorMessages.forbidden(), status);
    case 404:
    case 410:
      return new NotFoundError(errorMessages.notFound(), status);
    case 409:
    case 412: {
      const assignee: UserRef | null = isUserRef(problem.assignee) ? problem.assignee : null;
      const version =
        typeof problem.version === 'string' ? problem.version : parseEtag(response.headers.get('ETag'));
      const message = assignee ? errorMessages.conflictAssignee(assignee) : errorMessages.conflict();
      return new ConflictError(message, status, assignee, version);
    }
    case 413:
      return new TooLargeError(
        errorMessages.tooLarge(),
        typeof problem.maxBytes === 'number' && problem.maxBytes > 0 ? problem.maxBytes : null,
      );
    case 415:
      return new UnsupportedTypeError(errorMessages.unsupportedType());
    default: {
      // 5xx, 429 and anything unexpected (e.g. 428: a bug on our side) — the user can only retry.
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      const message = status >= 500 || status === 429 ? errorMessages.server() : errorMessages.badResponse();
      return new ServerError(message, status, retryAfter);
    }
  }
}

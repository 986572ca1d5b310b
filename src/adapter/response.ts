/**
 * Reading the REST adapter's responses: a success body checked against its shape, an error
 * response turned into a typed error (with the problem document's details), a lost answer into
 * a `NetworkError`. Messages are plain English for developers; the elements word each kind.
 */
import type { UserRef } from '../domain/types.js';
import {
  AuthRequiredError,
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  ServerError,
  TooLargeError,
  UnsupportedTypeError,
  ValidationError,
  type AdapterError,
  type AdapterErrorOptions,
  type ProblemDetails,
} from './errors.js';
import { isRecord, isUserRef } from './guards.js';
import { parseEtag, parseRetryAfter } from './http.js';

/** The request got no answer; for a write, whether it was applied is unknown. */
export function networkError(write: boolean, cause: unknown): NetworkError {
  const message = write
    ? 'The request got no answer, so whether the write was applied is unknown; retry it with the same idempotency key.'
    : 'The request got no answer (offline, or the connection failed).';
  return new NetworkError(message, write, { cause });
}

/**
 * The body of a successful response, checked by `guard`. A body that is lost on the way is a
 * `NetworkError` (for a write: outcome unknown); one of another shape is a `ServerError`.
 */
export async function readJson<T>(
  response: Response,
  guard: (value: unknown) => value is T,
  write = false,
): Promise<T> {
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
  if (!guard(body)) {
    const message = `HTTP ${response.status}: the response body is not what the contract describes.`;
    throw new ServerError(message, response.status, null);
  }
  return body;
}

async function readProblem(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = JSON.parse(await response.text());
    return isRecord(body) ? body : {};
  } catch {
    return {};
  }
}

/** The standard members of a problem document that have the right type; undefined for none. */
function problemDetails(body: Record<string, unknown>): ProblemDetails | undefined {
  const details: ProblemDetails = {};
  if (typeof body.type === 'string') details.type = body.type;
  if (typeof body.title === 'string') details.title = body.title;
  if (typeof body.status === 'number') details.status = body.status;
  if (typeof body.detail === 'string') details.detail = body.detail;
  return Object.keys(details).length > 0 ? details : undefined;
}

function fieldErrors(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [field, message] of Object.entries(value)) {
    if (typeof message === 'string') result[field] = message;
  }
  return result;
}

function conflictError(
  response: Response,
  body: Record<string, unknown>,
  options: AdapterErrorOptions,
): ConflictError {
  const assignee: UserRef | null = isUserRef(body.assignee) ? body.assignee : null;
  const version = typeof body.version === 'string' ? body.version : parseEtag(response.headers.get('ETag'));
  const message = `HTTP ${response.status}: the conversation was changed by someone else.`;
  return new ConflictError(message, response.status, assignee, version, options);
}

/**
 * The typed error for a response that is not a success. The body is read as a problem document
 * when it is one; a status alone still gives the right kind (a proxy's HTML 401 page is still
 * "sign in again").
 */
export async function errorFromResponse(response: Response): Promise<AdapterError> {
  const status = response.status;
  const body = await readProblem(response);
  const options: AdapterErrorOptions = { problem: problemDetails(body) };
  const says = (text: string): string => `HTTP ${status}: ${text}`;
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(
        says('the server refused the input.'),
        fieldErrors(body.errors),
        status,
        options,
      );
    case 401:
      return new AuthRequiredError(
        says('the session has ended; the user must sign in again.'),
        status,
        options,
      );
    case 403:
      return new ForbiddenError(says('the user may not do this.'), status, options);
    case 404:
    case 410:
      return new NotFoundError(says('no such conversation or attachment for this user.'), status, options);
    case 409:
    case 412:
      return conflictError(response, body, options);
    case 413: {
      const maxBytes = typeof body.maxBytes === 'number' && body.maxBytes > 0 ? body.maxBytes : null;
      return new TooLargeError(says('the request or an attachment is too large.'), maxBytes, options);
    }
    case 415:
      return new UnsupportedTypeError(says('an attachment type is not accepted.'), options);
    default: {
      // 5xx, 429 and anything unexpected (e.g. 428: a bug on our side) — the user can only retry.
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      const text =
        status >= 500 || status === 429 ? 'the server failed.' : 'a status the contract does not give.';
      return new ServerError(says(text), status, retryAfter, options);
    }
  }
}

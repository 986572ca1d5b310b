import type { UserRef } from '../domain/types.js';
import type { Problem } from './problem.js';

/**
 * Every failure an adapter reports is one of these typed errors, so elements can react
 * to the kind of failure without looking at HTTP details. Aborts are not errors of ours:
 * an aborted call rejects with the signal's reason (a `DOMException` named `AbortError`).
 *
 * An error carries its `kind`, the HTTP `status`, the server's `problem` details and the kind's
 * own fields. Its `message` is plain English for developers and logs, never shown to users: the
 * elements word every kind themselves, in the active locale, from their text modules.
 */
export const ERROR_KINDS = [
  'network',
  'auth-required',
  'forbidden',
  'not-found',
  'conflict',
  'validation',
  'too-large',
  'unsupported-type',
  'server',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface AdapterErrorOptions extends ErrorOptions {
  /** The standard members of the problem document (RFC 9457) the server answered with. */
  problem?: ProblemDetails;
}

/** What a problem document says beyond its kind, for logs: every member optional, each checked. */
export type ProblemDetails = Partial<Pick<Problem, 'type' | 'title' | 'status' | 'detail'>>;

export abstract class AdapterError extends Error {
  abstract readonly kind: ErrorKind;
  /** HTTP status when the server answered, else undefined. */
  readonly status: number | undefined;
  /** The server's problem details, when its answer was a problem document. */
  readonly problem: ProblemDetails | undefined;

  constructor(message: string, status?: number, options?: AdapterErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
    this.problem = options?.problem;
  }
}

/** The request never got an answer: offline, DNS, connection reset, or the response was lost. */
export class NetworkError extends AdapterError {
  readonly kind = 'network' as const;
  /**
   * True when the request may have reached the server and changed something (a write whose
   * response was lost). Retry such a write only with the same idempotency key.
   */
  readonly outcomeUnknown: boolean;
  constructor(message: string, outcomeUnknown: boolean, options?: ErrorOptions) {
    super(message, undefined, options);
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** 401: the session has expired; the host must sign the user in again. */
export class AuthRequiredError extends AdapterError {
  readonly kind = 'auth-required' as const;
}

/** 403: the user may not do this (e.g. an employer user trying to close). */
export class ForbiddenError extends AdapterError {
  readonly kind = 'forbidden' as const;
}

/** 404: no such conversation or attachment (or not visible to this user). */
export class NotFoundError extends AdapterError {
  readonly kind = 'not-found' as const;
}

/** 409/412: someone else changed the conversation first. Carries who holds the case now. */
export class ConflictError extends AdapterError {
  readonly kind = 'conflict' as const;
  readonly assignee: UserRef | null;
  readonly currentVersion: string | null;
  constructor(
    message: string,
    status: number,
    assignee: UserRef | null,
    currentVersion: string | null,
    options?: AdapterErrorOptions,
  ) {
    super(message, status, options);
    this.assignee = assignee;
    this.currentVersion = currentVersion;
  }
}

/**
 * 422 (or 400): the server rejected input; messages per field (`subjectId`, `body`, `files`, ...).
 * `status` is 422 unless given (the REST adapter passes 400 for a malformed request).
 */
export class ValidationError extends AdapterError {
  readonly kind = 'validation' as const;
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(
    message: string,
    fieldErrors: Record<string, string>,
    status = 422,
    options?: AdapterErrorOptions,
  ) {
    super(message, status, options);
    this.fieldErrors = fieldErrors;
  }
}

/** 413: an attachment (or the whole request) is larger than the server accepts. */
export class TooLargeError extends AdapterError {
  readonly kind = 'too-large' as const;
  readonly maxBytes: number | null;
  constructor(message: string, maxBytes: number | null, options?: AdapterErrorOptions) {
    super(message, 413, options);
    this.maxBytes = maxBytes;
  }
}

/** 415: an attachment's type is not accepted. */
export class UnsupportedTypeError extends AdapterError {
  readonly kind = 'unsupported-type' as const;
  constructor(message: string, options?: AdapterErrorOptions) {
    super(message, 415, options);
  }
}

/** 5xx: the server failed. `retryAfterSeconds` honours a `Retry-After` header when given. */
export class ServerError extends AdapterError {
  readonly kind = 'server' as const;
  readonly retryAfterSeconds: number | null;
  constructor(
    message: string,
    status: number,
    retryAfterSeconds: number | null,
    options?: AdapterErrorOptions,
  ) {
    super(message, status, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Each kind with the class that carries it, for narrowing by `kind`. */
interface ErrorsByKind {
  network: NetworkError;
  'auth-required': AuthRequiredError;
  forbidden: ForbiddenError;
  'not-found': NotFoundError;
  conflict: ConflictError;
  validation: ValidationError;
  'too-large': TooLargeError;
  'unsupported-type': UnsupportedTypeError;
  server: ServerError;
}

/**
 * The kind of a typed adapter error, or undefined for anything else.
 *
 * Read from the error's `kind`, never with `instanceof`, everywhere in this library: a portal may
 * write its own adapter (plain objects or classes of its own with a `kind`), and a page may hold
 * two copies of the library (two bundles, or two versions side by side), whose classes are
 * different objects. With `instanceof` their errors would all read as unknown failures (a 401 as
 * *Något gick fel hos oss*, and the session would not end); with `kind` they are what they say.
 * The extra fields of a kind (`assignee`, `fieldErrors`, `outcomeUnknown`, `retryAfterSeconds`)
 * may then be missing, so readers treat them as optional.
 */
export function errorKind(error: unknown): ErrorKind | undefined {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === 'string' && (ERROR_KINDS as readonly string[]).includes(kind)
    ? (kind as ErrorKind)
    : undefined;
}

/** True when the error is of this kind (read from `kind`, see `errorKind`). */
export function isErrorKind<K extends ErrorKind>(error: unknown, kind: K): error is ErrorsByKind[K] {
  return errorKind(error) === kind;
}

/** A typed adapter error of any kind (read from `kind`, see `errorKind`). */
export function isAdapterError(error: unknown): error is AdapterError {
  return errorKind(error) !== undefined;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

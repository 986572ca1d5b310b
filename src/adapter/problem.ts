import type { UserRef } from '../domain/types.js';

/**
 * An error body of the HTTP contract: `application/problem+json` (RFC 9457) with this API's
 * extension members. The REST adapter reads it to build the typed errors.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** 400/422: a Swedish message per field. */
  errors?: Record<string, string>;
  /** 409/412: who holds the conversation now. */
  assignee?: UserRef | null;
  /** 409/412: the conversation's current version. */
  version?: string;
  /** 413: the largest accepted file, in bytes. */
  maxBytes?: number;
}

/**
 * Light shape checks of response bodies. They catch a wrong or truncated answer (an HTML error page,
 * a proxy's JSON) before it reaches the elements; they are not a full schema validation.
 */
import type { ServerConfig } from '../domain/config.js';
import type { SearchResult } from '../domain/query.js';
import type {
  Conversation,
  ConversationSummary,
  Organisation,
  Subject,
  User,
  UserRef,
} from '../domain/types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStrings(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'string');
}

export function isUserRef(value: unknown): value is UserRef {
  return isRecord(value) && hasStrings(value, ['id', 'name', 'side']);
}

export function isOrganisation(value: unknown): value is Organisation {
  return isRecord(value) && hasStrings(value, ['customerNumber', 'organisationNumber', 'name']);
}

export function isSubject(value: unknown): value is Subject {
  return isRecord(value) && hasStrings(value, ['id', 'name']);
}

export function isUser(value: unknown): value is User {
  return (
    isUserRef(value) &&
    (value as unknown as Record<string, unknown>).organisation !== undefined &&
    ((value as User).organisation === null || isOrganisation((value as User).organisation)) &&
    isRecord((value as User).capabilities)
  );
}

export function isServerConfig(value: unknown): value is ServerConfig {
  return (
    isRecord(value) &&
    typeof value.messageMaxLength === 'number' &&
    isRecord(value.attachments) &&
    typeof value.attachments.maxBytes === 'number' &&
    Array.isArray(value.attachments.allowedTypes)
  );
}

export function isConversationSummary(value: unknown): value is ConversationSummary {
  return (
    isRecord(value) &&
    hasStrings(value, ['number', 'status', 'lastActivityAt']) &&
    isSubject(value.subject) &&
    (value.assignee === null || isUserRef(value.assignee))
  );
}

export function isConversation(value: unknown): value is Conversation {
  return (
    isConversationSummary(value) &&
    Array.isArray((value as Conversation).messages) &&
    Array.isArray((value as Conversation).history) &&
    typeof (value as Conversation).version === 'string'
  );
}

export function isSearchResult(value: unknown): value is SearchResult {
  return (
    isRecord(value) &&
    Array.isArray(value.items) &&
    value.items.every(isConversationSummary) &&
    typeof value.total === 'number' &&
    typeof value.page === 'number' &&
    typeof value.pageSize === 'number'
  );
}

export function isArrayOf<T>(guard: (item: unknown) => item is T): (value: unknown) => value is T[] {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every(guard);
}

export function isNoticeCount(value: unknown): value is { count: number } {
  return isRecord(value) && Number.isInteger(value.count) && (value.count as number) >= 0;
}

import {
  DEFAULT_FILTERS,
  DEFAULT_SORT,
  PAGE_SIZES,
  SORT_KEYS,
  type ConversationFilters,
  type SearchQuery,
  type Sort,
  type SortKey,
} from '../domain/query.js';
import { isPageSize } from '../domain/filters.js';
import { STATUSES } from '../domain/status.js';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { sessionFor, type RememberedInbox } from './session.js';

/**
 * Pure helpers for the inbox query, and the in-memory "where the user was" per adapter.
 * No DOM, no Lit: the controller and the element use them, tests call them directly.
 */

/** A fresh copy of the default query: default filters, newest first, page 1 of 25. */
export function defaultInboxQuery(): SearchQuery {
  return {
    filters: cloneFilters(DEFAULT_FILTERS),
    sort: { ...DEFAULT_SORT },
    page: 1,
    pageSize: PAGE_SIZES[0],
  };
}

export function cloneFilters(f: Readonly<ConversationFilters>): ConversationFilters {
  return { ...f, statuses: [...f.statuses] };
}

export function cloneQuery(q: Readonly<SearchQuery>): SearchQuery {
  return { filters: cloneFilters(q.filters), sort: { ...q.sort }, page: q.page, pageSize: q.pageSize };
}

/**
 * A well-formed copy of a query given from outside (e.g. a host setting `query`): unknown sort
 * keys, page sizes, statuses or pages fall back to the defaults instead of reaching the server.
 */
export function sanitiseQuery(q: Partial<SearchQuery> | null | undefined): SearchQuery {
  const base = defaultInboxQuery();
  if (!q) return base;
  const f: Partial<ConversationFilters> = q.filters ?? {};
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const filters: ConversationFilters = {
    subjectId: typeof f.subjectId === 'string' && f.subjectId !== '' ? f.subjectId : null,
    messageNumber: str(f.messageNumber, ''),
    assigneeId: str(f.assigneeId, ''),
    text: str(f.text, ''),
    statuses: Array.isArray(f.statuses)
      ? STATUSES.filter((s) => (f.statuses as unknown[]).includes(s))
      : [...base.filters.statuses],
    customerNumber: typeof f.customerNumber === 'string' && f.customerNumber !== '' ? f.customerNumber : null,
    departmentOnly: typeof f.departmentOnly === 'boolean' ? f.departmentOnly : base.filters.departmentOnly,
    unassigned: f.unassigned === true,
  };
  const sort: Sort =
    q.sort && (SORT_KEYS as readonly unknown[]).includes(q.sort.key)
      ? { key: q.sort.key, direction: q.sort.direction === 'asc' ? 'asc' : 'desc' }
      : base.sort;
  const page = typeof q.page === 'number' && Number.isInteger(q.page) && q.page >= 1 ? q.page : 1;
  return { filters, sort, page, pageSize: isPageSize(q.pageSize) ? q.pageSize : base.pageSize };
}

/** True when two filter sets ask the server the same thing as typed (statuses in any order). */
export function sameFilters(a: Readonly<ConversationFilters>, b: Readonly<ConversationFilters>): boolean {
  const statusesA = new Set(a.statuses);
  return (
    a.subjectId === b.subjectId &&
    a.messageNumber === b.messageNumber &&
    a.assigneeId === b.assigneeId &&
    a.text === b.text &&
    a.customerNumber === b.customerNumber &&
    a.departmentOnly === b.departmentOnly &&
    a.unassigned === b.unassigned &&
    statusesA.size === new Set(b.statuses).size &&
    b.statuses.every((s) => statusesA.has(s))
  );
}

/**
 * Clicking a column: the same column flips its direction; another starts with number and date
 * newest first (as the inbox opens), text columns A–Ö, Väntar sedan the longest wait first.
 */
export function nextSort(current: Readonly<Sort>, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'date' || key === 'number' ? 'desc' : 'asc' };
}

/**
 * The last query per adapter, so that a new `<secure-inbox>` on the same adapter (after the user
 * opened a conversation and came back) resumes where the user was. Memory only, in the adapter's
 * session (session.ts): nothing is written to URL or storage, because the search text may hold
 * personal data (names, personnummer). Forgotten with the session, or when someone else signs in.
 */
export function rememberInbox(adapter: SecureMessagesAdapter, state: RememberedInbox): void {
  sessionFor(adapter).inbox = { query: cloneQuery(state.query), filtersOpen: state.filtersOpen };
}

/** A copy of what was remembered for this adapter, if anything. */
export function recallInbox(adapter: SecureMessagesAdapter): RememberedInbox | undefined {
  const found = sessionFor(adapter).inbox;
  return found && { query: cloneQuery(found.query), filtersOpen: found.filtersOpen };
}

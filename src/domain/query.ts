import { DEFAULT_STATUSES, type Status } from './status.js';
import type { ConversationSummary } from './types.js';

/** The inbox filters, as the user typed them (before validation and normalisation). */
export interface ConversationFilters {
  /** Ämne: a subject id, or null for "Alla ämnen". */
  subjectId: string | null;
  /** Meddelandenummer: when given (five digits), every other filter is ignored and closed ones are found too. */
  messageNumber: string;
  /** Handläggare: the assignee's user id, any case. */
  assigneeId: string;
  /** Meddelandetext: free text over every message body; personnummer match in any written form. */
  text: string;
  /** Status: the statuses to show. */
  statuses: Status[];
  /** Organisation: a customer number (kundnummer), or null for every organisation (KPA staff). */
  customerNumber: string | null;
  /**
   * KPA staff: only the Ämnen of their own department (the server knows it from the signed-in
   * user), unless an Ämne is chosen. No effect for employer users.
   */
  departmentOnly: boolean;
  /** Only conversations nobody of the reader's side has taken (*Ej tilldelade*). */
  unassigned: boolean;
}

export const DEFAULT_FILTERS: Readonly<ConversationFilters> = Object.freeze({
  subjectId: null,
  messageNumber: '',
  assigneeId: '',
  text: '',
  statuses: [...DEFAULT_STATUSES],
  customerNumber: null,
  departmentOnly: true,
  unassigned: false,
});

/**
 * Sortable columns of the inbox: Meddelandenr, Datum, Ämne, Status, Ansvarig, and for KPA staff
 * Organisation and Väntar sedan.
 */
export const SORT_KEYS = [
  'number',
  'date',
  'organisation',
  'subject',
  'status',
  'waiting',
  'assignee',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

/** Newest first. */
export const DEFAULT_SORT: Readonly<Sort> = Object.freeze({ key: 'date', direction: 'desc' });

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** One server-side search: filters, sort and a page (1-based). */
export interface SearchQuery {
  filters: ConversationFilters;
  sort: Sort;
  page: number;
  pageSize: PageSize;
}

export interface SearchResult {
  items: ConversationSummary[];
  /** Number of conversations matching the filters, over all pages. */
  total: number;
  page: number;
  pageSize: PageSize;
}

/**
 * The reference semantics of the inbox's search, for the mock backend (and any backend that wants
 * to filter exactly like it): which filters apply, the text index of a conversation, matching
 * (personnummer in any common form), and the order of every sortable column. The elements never
 * filter or sort themselves — the server does — so none of this ships in the library.
 *
 * Status selection: an empty selection means *every* status (see src/domain/filters.ts).
 */
import { findPersonnummerCandidates, parsePersonnummer } from '../src/domain/personnummer.js';
import { isAmbiguousCenturyForm, personnummerSearchKeys } from './personnummer-search.js';
import { sameUserId } from '../src/domain/permissions.js';
import {
  READER_STATUSES,
  readerStatus,
  STATUSES,
  type ReaderStatus,
  type Status,
} from '../src/domain/status.js';
import type { ConversationFilters, Sort } from '../src/domain/query.js';
import type { ConversationSummary, Side } from '../src/domain/types.js';

/** Normalised, effective filters; `null` means "not applied". */
export interface EffectiveFilters {
  messageNumber: string | null;
  subjectId: string | null;
  assigneeId: string | null;
  text: string | null;
  statuses: Status[] | null /* null = any */;
  /** An organisation's customer number. */
  customerNumber: string | null;
  /** Only rows without an assignee (of the reader's side). */
  unassigned: boolean;
}

/** No filter applied: every conversation matches. */
export const NO_FILTERS: Readonly<EffectiveFilters> = Object.freeze({
  messageNumber: null,
  subjectId: null,
  assigneeId: null,
  text: null,
  statuses: null,
  customerNumber: null,
  unassigned: false,
});

/**
 * The canonical form of a search text that is a whole valid personnummer: 12 digits when the
 * century is certain (written with it, or with `+`), else the 10 digits without separator, so
 * the century stays open for the search (see personnummerSearchKeys). Other text is unchanged.
 */
function normaliseSearchText(text: string): string {
  const result = parsePersonnummer(text);
  if (!result.ok) return text;
  return isAmbiguousCenturyForm(text) ? result.value.slice(2) : result.value;
}

/**
 * Normalised, effective filters: trimmed, upper-case assignee, personnummer-normalised text
 * (a query that is a whole personnummer becomes its canonical form, see normaliseSearchText); when a message number is
 * given, every other filter is dropped, so the conversation is found even when closed.
 * Statuses: none or all five → null (any status); otherwise deduplicated in STATUSES order.
 * Values are not validated here; call validateFilters first.
 */
export function effectiveFilters(f: ConversationFilters): EffectiveFilters {
  const messageNumber = f.messageNumber.trim();
  if (messageNumber !== '') {
    return { ...NO_FILTERS, messageNumber };
  }
  const assigneeId = f.assigneeId.trim().toUpperCase();
  const text = f.text.trim();
  const selected = new Set(f.statuses);
  const statuses = STATUSES.filter((s) => selected.has(s));
  return {
    messageNumber: null,
    subjectId: f.subjectId === null || f.subjectId === '' ? null : f.subjectId,
    assigneeId: assigneeId === '' ? null : assigneeId,
    text: text === '' ? null : normaliseSearchText(text),
    statuses: statuses.length === 0 || statuses.length === STATUSES.length ? null : statuses,
    customerNumber: f.customerNumber === null || f.customerNumber === '' ? null : f.customerNumber,
    unassigned: f.unassigned,
  };
}

/** Precomputed searchable text of a conversation (lower-cased bodies + normalised personnummer set). */
export interface SearchIndexEntry {
  /** The folded bodies (see foldText), separated by U+0000. */
  text: string;
  /** The 12-digit forms of every valid personnummer in the bodies (see personnummerSearchKeys). */
  personnummer: ReadonlySet<string>;
}

/** Separates bodies in the index, so that no query matches across two messages. */
const BODY_SEPARATOR = '\u0000';
const WHITE_SPACE = /\s+/g;

/**
 * The comparable form of text: Unicode NFC (a decomposed `å` equals a composed one), Swedish
 * lower case, every run of white space (including line breaks) as one space.
 */
function foldText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(WHITE_SPACE, ' ');
}

/**
 * Builds the search entry of a conversation once (when it is stored or changes), so that a
 * search only compares strings. Personnummer in the bodies are stored in their 12-digit form,
 * with the century decided relative to now.
 */
export function indexConversationText(bodies: readonly string[]): SearchIndexEntry {
  const personnummer = new Set<string>();
  const today = new Date();
  for (const body of bodies) {
    for (const candidate of findPersonnummerCandidates(body)) {
      for (const key of personnummerSearchKeys(candidate.text, today)) personnummer.add(key);
    }
  }
  return { text: bodies.map(foldText).join(BODY_SEPARATOR), personnummer };
}

/** A search query prepared once for many matchesPreparedText calls. */
export interface PreparedTextQuery {
  /** Folded query; '' matches everything. */
  readonly needle: string;
  /** When the whole query is a valid personnummer: its 12-digit forms (see personnummerSearchKeys); else empty. */
  readonly personnummer: readonly string[];
}

/** Normalises a raw query once (trim, fold, personnummer). */
export function prepareTextQuery(query: string): PreparedTextQuery {
  const trimmed = query.trim();
  return { needle: foldText(trimmed), personnummer: personnummerSearchKeys(trimmed) };
}

/**
 * Case-insensitive substring match (Swedish letters included, white space runs equal), or the
 * same personnummer written in another form. An empty query matches everything; a partial
 * number (`1212`) matches as plain text.
 */
export function matchesPreparedText(entry: SearchIndexEntry, prepared: PreparedTextQuery): boolean {
  if (prepared.needle === '') return true;
  for (const key of prepared.personnummer) if (entry.personnummer.has(key)) return true;
  return entry.text.includes(prepared.needle);
}

// One-entry cache: a search runs the same query over every conversation.
let lastQuery: string | undefined;
let lastPrepared: PreparedTextQuery = prepareTextQuery('');

/** matchesPreparedText for a raw query; the query is prepared once per distinct string. */
export function matchesText(entry: SearchIndexEntry, query: string): boolean {
  if (query !== lastQuery) {
    lastPrepared = prepareTextQuery(query);
    lastQuery = query;
  }
  return matchesPreparedText(entry, lastPrepared);
}

/**
 * True when a conversation passes the effective filters. A message number decides alone (any
 * status); otherwise subject, organisation, assignee (case-insensitive user id, or none), status
 * and text must all match.
 */
export function matchesFilters(
  c: ConversationSummary,
  entry: SearchIndexEntry,
  f: EffectiveFilters,
): boolean {
  if (f.messageNumber !== null) return c.number === f.messageNumber;
  if (f.subjectId !== null && c.subject.id !== f.subjectId) return false;
  if (f.customerNumber !== null && c.organisation.customerNumber !== f.customerNumber) return false;
  if (f.unassigned && c.assignee !== null) return false;
  if (f.assigneeId !== null && (c.assignee === null || !sameUserId(c.assignee.id, f.assigneeId)))
    return false;
  if (f.statuses !== null && !f.statuses.includes(c.status)) return false;
  return f.text === null || matchesText(entry, f.text);
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Instants as milliseconds; plain string order for the common same-shaped UTC form (fast for large sorts). */
function compareInstants(a: string, b: string): number {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** Where a status sorts for a reader of `side`: its reader status first, then the life cycle. */
function statusRank(status: Status, side: Side): number {
  const order: readonly ReaderStatus[] = READER_STATUSES[side];
  return order.indexOf(readerStatus(status, side)) * STATUSES.length + STATUSES.indexOf(status);
}

function compareNumbers(a: string, b: string): number {
  // Five-digit strings: string order is numeric order; the length check covers anything longer.
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order of inbox rows for a sort:
 * - `number`: Meddelandenr; `date`: lastActivityAt (the latest activity);
 * - `subject`: subject name in Swedish alphabetical order (å, ä, ö after z);
 * - `status`: the order of the reader's statuses (`READER_STATUSES`), independent of the display
 *   language: for an employer user the life cycle of a conversation (new, sent, answered,
 *   reply-received, closed); for KPA staff waiting for KPA (sent, answered), waiting for the
 *   employer (new, reply-received), closed; within a group, the life-cycle order;
 * - `organisation`: the organisation's name in Swedish order;
 * - `waiting`: waitingSince (the longest wait first when ascending); rows that do not wait last
 *   in both directions;
 * - `assignee`: name in Swedish order, then user id; unassigned rows last in both directions.
 * Ties are broken by number, newest (highest) first, in both directions.
 */
export function compareSummaries(
  a: ConversationSummary,
  b: ConversationSummary,
  sort: Sort,
  side: Side = 'employer',
): number {
  let result = 0;
  switch (sort.key) {
    case 'number':
      result = compareNumbers(a.number, b.number);
      break;
    case 'date':
      result = compareInstants(a.lastActivityAt, b.lastActivityAt);
      break;
    case 'subject':
      result = collator.compare(a.subject.name, b.subject.name);
      break;
    case 'organisation':
      result = collator.compare(a.organisation.name, b.organisation.name);
      break;
    case 'waiting': {
      const [x, y] = [a.waitingSince ?? null, b.waitingSince ?? null];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else result = compareInstants(x, y);
      break;
    }
    case 'status':
      result = statusRank(a.status, side) - statusRank(b.status, side);
      break;
    case 'assignee':
      if (a.assignee === null || b.assignee === null) {
        if (a.assignee !== b.assignee) return a.assignee === null ? 1 : -1;
      } else {
        result =
          collator.compare(a.assignee.name, b.assignee.name) ||
          collator.compare(a.assignee.id, b.assignee.id);
      }
      break;
  }
  if (result !== 0) return sort.direction === 'asc' ? result : -result;
  return compareNumbers(b.number, a.number);
}

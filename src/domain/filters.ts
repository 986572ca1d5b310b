import { DEFAULT_FILTERS, PAGE_SIZES, type ConversationFilters, type PageSize } from './query.js';
import { DEFAULT_STATUSES, type Status } from './status.js';
import { validateMessageNumber, validateUserId, type ValidationProblem } from './validators.js';

/**
 * Filter semantics of the inbox, shared by the elements (validation, "filters active") and by
 * any backend that wants to filter exactly like the reference mock.
 *
 * Status selection: an empty selection means *every* status. Unticking every box and seeing an
 * empty inbox would read as "you have no messages", which is wrong and alarming; seeing every
 * conversation is what the user almost certainly wants (it is also what "no filter" means for
 * the other fields). Likewise a selection of all five statuses is no status filter at all.
 */

export type FilterField =
  | 'messageNumber'
  | 'assigneeId'
  | 'text'
  | 'statuses'
  | 'subjectId'
  | 'customerNumber'
  | 'departmentOnly'
  | 'unassigned';

/**
 * The problem of each invalid field (a code the elements word); an empty object means valid. An empty (or only white
 * space) message number or assignee id is valid: that filter is simply not applied. Free text,
 * statuses (see above) and subject never fail.
 */
export function validateFilters(f: ConversationFilters): Partial<Record<FilterField, ValidationProblem>> {
  const errors: Partial<Record<FilterField, ValidationProblem>> = {};
  if (f.messageNumber.trim() !== '') {
    const result = validateMessageNumber(f.messageNumber);
    if (!result.ok) errors.messageNumber = result;
  }
  if (f.assigneeId.trim() !== '') {
    const result = validateUserId(f.assigneeId);
    if (!result.ok) errors.assigneeId = result;
  }
  return errors;
}

function sameStatusSet(a: readonly Status[], b: readonly Status[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((s) => set.has(s));
}

/**
 * True when the filters are the defaults in effect: no subject, message number, assignee, text
 * (white space counts as none) or organisation, the default statuses in any order, the
 * department's Ämnen, and assigned or not.
 */
export function isDefaultFilters(f: ConversationFilters): boolean {
  return (
    f.subjectId === DEFAULT_FILTERS.subjectId &&
    f.messageNumber.trim() === '' &&
    f.assigneeId.trim() === '' &&
    f.text.trim() === '' &&
    sameStatusSet(f.statuses, DEFAULT_STATUSES) &&
    f.customerNumber === DEFAULT_FILTERS.customerNumber &&
    f.departmentOnly === DEFAULT_FILTERS.departmentOnly &&
    f.unassigned === DEFAULT_FILTERS.unassigned
  );
}

export function isPageSize(n: unknown): n is PageSize {
  return (PAGE_SIZES as readonly unknown[]).includes(n);
}

import type { Status } from './status.js';
import type { ConversationSummary, User } from './types.js';

/**
 * What can happen to a conversation: a message by the employer side, a message by KPA, or KPA
 * closing it. Opening or reading a conversation is deliberately not an event: it never changes
 * the status.
 */
export const CONVERSATION_EVENTS = ['employer-sends', 'kpa-sends', 'kpa-closes'] as const;
export type ConversationEvent = (typeof CONVERSATION_EVENTS)[number];

/** Thrown for an event that cannot happen in the current status (closing a conversation not yet started). */
export class InvalidTransitionError extends Error {
  override name = 'InvalidTransitionError';

  constructor(
    readonly current: Status | null,
    readonly event: ConversationEvent,
  ) {
    super(
      `No transition for event "${event}" from ${current === null ? 'a new conversation' : `status "${current}"`}.`,
    );
  }
}

/**
 * The status table of PRODUCT.md (employer's view). Rows: current status (`start` = a new
 * conversation); columns: events. `null` marks the one impossible cell.
 */
const TRANSITIONS: Readonly<Record<Status | 'start', Readonly<Record<ConversationEvent, Status | null>>>> = {
  start: { 'employer-sends': 'sent', 'kpa-sends': 'new', 'kpa-closes': null },
  new: { 'employer-sends': 'answered', 'kpa-sends': 'new', 'kpa-closes': 'closed' },
  sent: { 'employer-sends': 'sent', 'kpa-sends': 'reply-received', 'kpa-closes': 'closed' },
  answered: { 'employer-sends': 'answered', 'kpa-sends': 'reply-received', 'kpa-closes': 'closed' },
  'reply-received': { 'employer-sends': 'sent', 'kpa-sends': 'reply-received', 'kpa-closes': 'closed' },
  // Replying to a closed conversation reopens it.
  closed: { 'employer-sends': 'sent', 'kpa-sends': 'reply-received', 'kpa-closes': 'closed' },
};

/**
 * The status after `event`. `current` null means a new conversation.
 * @throws InvalidTransitionError for `(null, 'kpa-closes')`.
 */
export function nextStatus(current: Status | null, event: ConversationEvent): Status {
  const next = TRANSITIONS[current ?? 'start'][event];
  if (next === null) throw new InvalidTransitionError(current, event);
  return next;
}

/** User ids (`NAEF00`) compared case-insensitively, ignoring surrounding white space. */
export function sameUserId(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** *Jag arbetar med ärendet* (ticking it): the user may assign and nobody has the case. */
export function canClaim(user: User, c: Pick<ConversationSummary, 'assignee'>): boolean {
  return user.capabilities.canAssign && c.assignee === null;
}

/** *Jag arbetar med ärendet* (unticking it): the user may assign and has the case. */
export function canRelease(user: User, c: Pick<ConversationSummary, 'assignee'>): boolean {
  return user.capabilities.canAssign && c.assignee !== null && sameUserId(c.assignee.id, user.id);
}

/** *Jag tar över ärendet*: the user may assign and someone else has the case. */
export function canTakeOver(user: User, c: Pick<ConversationSummary, 'assignee'>): boolean {
  return user.capabilities.canAssign && c.assignee !== null && !sameUserId(c.assignee.id, user.id);
}

/** *Markera konversation som avslutad*: KPA staff (canClose), and not already closed. */
export function canClose(user: User, c: Pick<ConversationSummary, 'status'>): boolean {
  return user.capabilities.canClose && c.status !== 'closed';
}

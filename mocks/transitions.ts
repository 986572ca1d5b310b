/**
 * The status table of PRODUCT.md as a function: how a conversation's status follows from what
 * happens to it. The server owns statuses (the elements only show them), so this lives with the
 * mock backend, which replays it on every write and on its seed data.
 */
import type { Status } from '../src/domain/status.js';

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

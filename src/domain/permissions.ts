/**
 * Who may do what with a conversation's assignment and status: the checks behind the thread's
 * *Jag arbetar med ärendet*, *Jag tar över ärendet* and *Markera konversation som avslutad*.
 */
import type { ConversationSummary, User } from './types.js';

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

import { isErrorKind } from '../../adapter/errors.js';
import type { ThreadAction } from '../../controllers/thread-controller.js';
import { sameUserId } from '../../domain/permissions.js';
import type { User } from '../../domain/types.js';
import { describeError } from '../shared/texts.js';
import { texts } from './thread-texts.js';

/**
 * What to tell the user when claim, release, take over or close failed. A conflict on an
 * assignment names who has the case now ("Ärendet hanteras redan av NAMN (ID).").
 */
export function actionProblem(action: ThreadAction, error: unknown, user: User | undefined): string {
  if (isErrorKind(error, 'conflict') && action !== 'close') {
    const assignee = error.assignee ?? null;
    if (!assignee) return describeError(error);
    if (user && sameUserId(assignee.id, user.id)) return texts.conflictSelf();
    return texts.conflictAssignee(assignee);
  }
  return describeError(error);
}

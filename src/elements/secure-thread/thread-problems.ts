import { errorMessages } from '../../adapter/error-messages.js';
import { AuthRequiredError, ConflictError, isAdapterError, NetworkError } from '../../adapter/errors.js';
import type { ThreadAction } from '../../controllers/thread-controller.js';
import { sameUserId, type User } from '../../domain/index.js';
import { texts } from './thread-texts.js';

/** The Swedish text for a failed load, download or write. */
export function errorText(error: unknown): string {
  if (error instanceof AuthRequiredError) return errorMessages.authRequired();
  if (error instanceof NetworkError) return errorMessages.network();
  if (isAdapterError(error)) {
    switch (error.kind) {
      case 'forbidden':
        return errorMessages.forbidden();
      case 'not-found':
        return errorMessages.notFound();
      case 'conflict':
        return errorMessages.conflict();
      case 'validation':
        return errorMessages.validation();
      default:
        return errorMessages.server();
    }
  }
  return errorMessages.server();
}

/**
 * What to tell the user when claim, release, take over or close failed. A conflict on an
 * assignment names who has the case now ("Ärendet hanteras redan av NAMN (ID).").
 */
export function actionProblem(action: ThreadAction, error: unknown, user: User | undefined): string {
  if (error instanceof ConflictError && action !== 'close') {
    const assignee = error.assignee;
    if (!assignee) return errorMessages.conflict();
    if (user && sameUserId(assignee.id, user.id)) return texts.conflictSelf();
    return errorMessages.conflictAssignee(assignee);
  }
  return errorText(error);
}

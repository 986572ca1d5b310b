import { type TemplateResult } from 'lit';
import { isErrorKind } from '../../adapter/errors.js';
import { renderProblem } from './problem.js';
import { describeError, errorTexts, formTexts } from './texts.js';

export interface SignedOutOptions {
  /** Why (a 401, or what went wrong when Försök igen asked who is signed in now). */
  error: unknown;
  /** Försök igen is under way. */
  busy: boolean;
  /** The user has unsent text: say that it is kept (in memory, shown again to the same user only). */
  draftKept?: boolean;
  /** The id of the view, so that the host's focus can go there. */
  id?: string;
  onRetry: () => void;
}

/**
 * What every element shows when the session has ended: no data of anyone's, only that the user
 * has been signed out (or why Försök igen failed) and **Försök igen**, which asks who is signed in
 * now. Shown instead of the element's content, so nothing the server said stays on screen. The
 * problem view of every element (problem.ts), with the session's own wording.
 */
export function renderSignedOut({ error, busy, draftKept, id, onRetry }: SignedOutOptions): TemplateResult {
  const text =
    isErrorKind(error, 'auth-required') || error === undefined
      ? draftKept
        ? formTexts.signedOut()
        : errorTexts.authRequired()
      : describeError(error);
  return renderProblem({ text, busy, id, className: 'signed-out', onRetry });
}

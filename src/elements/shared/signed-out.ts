import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessages } from '../../adapter/error-messages.js';
import { formTexts } from '../../controllers/message-form.js';
import { isAuthRequired } from '../../controllers/session-link.js';

export const signedOutTexts = {
  retry: () => msg('Försök igen', { id: 'signed-out.retry' }),
};

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
 * now. Shown instead of the element's content, so nothing the server said stays on screen.
 */
export function renderSignedOut({ error, busy, draftKept, id, onRetry }: SignedOutOptions): TemplateResult {
  let text: string;
  if (isAuthRequired(error) || error === undefined)
    text = draftKept ? formTexts.signedOut() : errorMessages.authRequired();
  else if ((error as { kind?: unknown }).kind === 'network') text = errorMessages.network();
  else text = errorMessages.server();
  return html`<div class="problem signed-out" id=${id ?? nothing} aria-busy=${busy ? 'true' : 'false'}>
    <div role="alert"><p>${text}</p></div>
    <button type="button" class="button primary" @click=${onRetry}>${signedOutTexts.retry()}</button>
  </div>`;
}

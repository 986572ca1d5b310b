import { html, nothing, type TemplateResult } from 'lit';
import { sharedTexts } from './texts.js';

export interface ProblemOptions {
  /** What failed, in the element's words ("Meddelandena kunde inte visas."); optional. */
  title?: string;
  /** Why, usually `describeError(error)`. */
  text: string;
  /** The id of the view, so that focus can go there. */
  id?: string;
  /** The view itself takes focus (`tabindex="-1"`), e.g. a failure after a confirmation dialog. */
  focusable?: boolean;
  /** More classes for the container (the element's own styling hooks). */
  className?: string;
  /** A retry is under way. */
  busy?: boolean;
  /** Försök igen; without it, no button (nothing to try again). */
  onRetry?: () => void;
  /** Försök igen is the view's main action (a primary button); false beside another primary. */
  primary?: boolean;
}

/**
 * The problem view of every element: what failed and why in an alert, and **Försök igen**. The
 * alert holds the texts only, so the button is not read out as part of the message.
 */
export function renderProblem({
  title,
  text,
  id,
  focusable = false,
  className,
  busy = false,
  onRetry,
  primary = true,
}: ProblemOptions): TemplateResult {
  return html`<div
    class=${className ? `problem ${className}` : 'problem'}
    id=${id ?? nothing}
    tabindex=${focusable ? '-1' : nothing}
    aria-busy=${busy ? 'true' : 'false'}
  >
    <div role="alert">
      ${title === undefined ? nothing : html`<p class="problem-title">${title}</p>`}
      <p>${text}</p>
    </div>
    ${
      onRetry
        ? html`<button type="button" class=${primary ? 'button primary' : 'button'} @click=${onRetry}>
            ${sharedTexts.retry()}
          </button>`
        : nothing
    }
  </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { sharedTexts } from './texts.js';

/**
 * The error of one field, for every field of every element (Ämne, Organisation, Meddelande,
 * Bifoga fil, the filters): a marker for the eye and a hidden *Fel:* for screen readers, so the
 * error is not heard as a hint. `id` is the paragraph's own id, for the field's
 * `aria-describedby`. Nothing when there is no error.
 */
export function renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  if (message === undefined) return nothing;
  return html`<p class="field-error" id=${id}>
    <span class="icon" aria-hidden="true">!</span
    ><span><span class="visually-hidden">${sharedTexts.errorPrefix()} </span>${message}</span>
  </p>`;
}

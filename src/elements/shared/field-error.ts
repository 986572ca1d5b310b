import { html, nothing, type TemplateResult } from 'lit';
import { sharedTexts } from './texts.js';

/**
 * The error of one field, for every field of every element (Ämne, Organisation, Meddelande,
 * Bifoga fil, the filters, a download): a marker for the eye and a hidden *Fel:* for screen
 * readers, so the error is not heard as a hint. It stands after its field. `id` is the
 * paragraph's own id, for the field's `aria-describedby`; `alert` speaks it at once (an error no
 * field describes). Nothing when there is no error.
 */
export function renderFieldError(
  id: string | undefined,
  message: string | undefined,
  alert = false,
): TemplateResult | typeof nothing {
  if (message === undefined) return nothing;
  return html`<p class="field-error" id=${id ?? nothing} role=${alert ? 'alert' : nothing}>
    <span class="icon" aria-hidden="true">!</span
    ><span><span class="visually-hidden">${sharedTexts.errorPrefix()} </span>${message}</span>
  </p>`;
}

/** A control's `aria-describedby`: the ids given, in reading order; left out when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? nothing : joined;
}

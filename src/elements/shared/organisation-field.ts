import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { organisationLabel } from '../../domain/organisations.js';
import type { Organisation } from '../../domain/types.js';
import { describedBy, renderFieldError } from './field-error.js';

/** What the organisation search shows and how it reports the user's typing. */
export interface OrganisationFieldView {
  id: string;
  label: string;
  hint: string;
  organisations: readonly Organisation[];
  /** What the field holds: the chosen organisation's label, or what the user is typing. */
  text: string;
  error: string | undefined;
  disabled?: boolean;
  required?: boolean;
  /** Each keystroke: the text so far (nothing is chosen yet). */
  input(text: string): void;
  /** The user picked a suggestion, pressed Enter or left the field: choose by this text. */
  commit(text: string): void;
}

/**
 * A searchable field for one of KPA's 290 organisations: a text field whose suggestions the
 * browser narrows as the user types (a native `datalist`, so every engine's own keyboard and
 * screen-reader support comes with it). A name, an organisation number or a customer number
 * typed in full chooses as well as a suggestion does (`findOrganisation`).
 */
export function renderOrganisationField(view: OrganisationFieldView): TemplateResult {
  const { id } = view;
  return html`<div class="field">
    <label for=${id}>${view.label}</label>
    <p class="hint" id=${`${id}-hint`}>${view.hint}</p>
    <input
      id=${id}
      type="text"
      list=${`${id}-list`}
      autocomplete="off"
      spellcheck="false"
      ?required=${view.required === true}
      ?disabled=${view.disabled === true}
      .value=${live(view.text)}
      aria-invalid=${view.error === undefined ? 'false' : 'true'}
      aria-describedby=${describedBy(`${id}-hint`, view.error !== undefined && `${id}-error`)}
      @input=${(e: Event) => view.input((e.target as HTMLInputElement).value)}
      @change=${(e: Event) => view.commit((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' && !e.isComposing) {
          e.preventDefault();
          view.commit((e.target as HTMLInputElement).value);
        }
      }}
    />
    <datalist id=${`${id}-list`}>
      ${view.organisations.map((o) => html`<option value=${organisationLabel(o)}></option>`)}
    </datalist>
    ${renderFieldError(`${id}-error`, view.error)}
  </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { READER_STATUSES, STATUSES, statusesOf, type ReaderStatus } from '../../domain/status.js';
import type { ConversationFilters } from '../../domain/query.js';
import type { FilterField } from '../../domain/filters.js';
import { sameUserId } from '../../domain/permissions.js';
import type { Department, Organisation, Side, Subject } from '../../domain/types.js';
import type { ValidationProblem } from '../../domain/validators.js';
import { describedBy, renderFieldError } from '../shared/field-error.js';
import { renderOrganisationField } from '../shared/organisation-field.js';
import { statusText, validationText, words } from '../shared/texts.js';
import { texts } from './inbox-texts.js';

/** What the filter panel shows and how it reports edits. */
export interface FiltersView {
  open: boolean;
  draft: ConversationFilters;
  errors: Partial<Record<FilterField, ValidationProblem>>;
  subjects: readonly Subject[];
  /** Whose words the status boxes use: the employer's five statuses, or KPA staff's three. */
  side: Side;
  /** KPA staff's own filters (their department, organisation, Ansvarig); undefined for employer users. */
  officer?: OfficerFilters;
  edit(patch: Partial<ConversationFilters>, when: 'debounced' | 'now'): void;
  apply(): void;
  reset(): void;
}

/** What KPA staff filter by besides the employer's filters. */
export interface OfficerFilters {
  userId: string;
  department: Department | null;
  /** The server lets them see every department (and so choose Alla ämnen). */
  seesAll: boolean;
  organisations: readonly Organisation[];
  organisationText: string;
  organisationUnknown: boolean;
  inputOrganisation(text: string): void;
  commitOrganisation(text: string): void;
}

export const FILTERS_ID = 'filters';

/** The Ämne select's values for KPA staff's department queue and for every Ämne. */
const DEPARTMENT = '#department';
const ALL = '';

/**
 * Ämne: Alla ämnen and each Ämne; for KPA staff first their department's queue (the default),
 * Alla ämnen only when the server lets them see every department, and otherwise only their
 * department's Ämnen.
 */
function subjectField(view: FiltersView): TemplateResult {
  const { draft, officer } = view;
  const department = officer?.department ?? null;
  const subjects =
    department && !officer?.seesAll
      ? view.subjects.filter((s) => department.subjectIds.includes(s.id))
      : view.subjects;
  const value = draft.subjectId ?? (department && draft.departmentOnly ? DEPARTMENT : ALL);
  const change = (chosen: string) => {
    if (chosen === DEPARTMENT) view.edit({ subjectId: null, departmentOnly: true }, 'now');
    else if (chosen === ALL) view.edit({ subjectId: null, departmentOnly: department === null }, 'now');
    else view.edit({ subjectId: chosen }, 'now');
  };
  return html`<div class="field">
    <label for="f-subject">${texts.subject()}</label>
    <select
      id="f-subject"
      .value=${live(value)}
      @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}
    >
      ${
        department
          ? html`<option value=${DEPARTMENT} ?selected=${value === DEPARTMENT}>
              ${texts.myDepartment(department.name)}
            </option>`
          : nothing
      }
      ${
        !department || officer?.seesAll
          ? html`<option value=${ALL} ?selected=${value === ALL}>${texts.allSubjects()}</option>`
          : nothing
      }
      ${subjects.map((s) => html`<option value=${s.id} ?selected=${value === s.id}>${s.name}</option>`)}
    </select>
  </div>`;
}

/** Ansvarig for KPA staff: everyone's, the user's own (Mina) or nobody's yet (Ej tilldelade). */
function responsibleField(view: FiltersView, officer: OfficerFilters): TemplateResult {
  const { draft } = view;
  const value = draft.unassigned
    ? 'unassigned'
    : draft.assigneeId.trim() !== '' && sameUserId(draft.assigneeId, officer.userId)
      ? 'mine'
      : 'all';
  const change = (chosen: string) =>
    view.edit(
      chosen === 'mine'
        ? { assigneeId: officer.userId, unassigned: false }
        : { assigneeId: '', unassigned: chosen === 'unassigned' },
      'now',
    );
  return html`<div class="field">
    <label for="f-responsible">${texts.responsible()}</label>
    <select
      id="f-responsible"
      .value=${live(value)}
      @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}
    >
      <option value="all" ?selected=${value === 'all'}>${texts.everyone()}</option>
      <option value="mine" ?selected=${value === 'mine'}>${texts.mine()}</option>
      <option value="unassigned" ?selected=${value === 'unassigned'}>${texts.unassignedOnes()}</option>
    </select>
  </div>`;
}

/** KPA staff's filters after Ämne: the organisation search and Ansvarig. */
function officerFields(view: FiltersView, officer: OfficerFilters): TemplateResult {
  return html`${renderOrganisationField({
    id: 'f-organisation',
    label: words.organisation(),
    hint: texts.organisationHint(),
    organisations: officer.organisations,
    text: officer.organisationText,
    error: officer.organisationUnknown ? texts.organisationUnknown() : undefined,
    input: (text) => officer.inputOrganisation(text),
    commit: (text) => officer.commitOrganisation(text),
  })}
  ${responsibleField(view, officer)}`;
}

type TextField = 'messageNumber' | 'assigneeId' | 'text';

function textInput(
  view: FiltersView,
  field: TextField,
  id: string,
  label: string,
  notes: (string | false)[],
  extra: { inputmode?: string; hint?: string } = {},
): TemplateResult {
  const problem = view.errors[field as FilterField];
  const message = problem && validationText(problem);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      view.apply();
    }
  };
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${extra.hint ? html`<p class="hint" id=${hintId}>${extra.hint}</p>` : nothing}
    <input
      id=${id}
      type="text"
      autocomplete="off"
      spellcheck="false"
      inputmode=${ifDefined(extra.inputmode)}
      .value=${live(view.draft[field])}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${describedBy(extra.hint && hintId, message !== undefined && errorId, ...notes)}
      @input=${(e: Event) => view.edit({ [field]: (e.target as HTMLInputElement).value }, 'debounced')}
      @keydown=${onKeydown}
    />
    ${renderFieldError(errorId, message)}
  </div>`;
}

/**
 * The filter panel: Ämne, Meddelandenummer, Handläggare, Meddelandetext, Status and the reset.
 * Hidden (and so out of the tab order) while collapsed, and its fields are rendered only while it
 * is open: a list that is never filtered pays nothing for them. Typing applies after the debounce,
 * Enter at once; a select or checkbox applies at once. Errors are linked to their fields.
 */
export function renderFilters(view: FiltersView): TemplateResult {
  return html`<form
    id=${FILTERS_ID}
    part="filters"
    class="filters"
    role="search"
    aria-label=${texts.filtersLabel()}
    ?hidden=${!view.open}
    @submit=${(e: Event) => {
      e.preventDefault();
      view.apply();
    }}
  >
    ${view.open ? renderFields(view) : nothing}
  </form>`;
}

/** The panel's fields, rendered only while it is open (the draft lives in the controller). */
function renderFields(view: FiltersView): TemplateResult {
  const numberGiven = view.draft.messageNumber.trim() !== '';
  const selected = new Set(view.draft.statuses);
  // A box stands for the statuses behind its words (KPA staff's *Väntar på KPA*: Skickat and
  // Besvarat); it is ticked when all of them are selected.
  const toggle = (status: ReaderStatus, checked: boolean) => {
    const group = statusesOf(status);
    const next = checked ? [...selected, ...group] : [...selected].filter((s) => !group.includes(s));
    view.edit({ statuses: STATUSES.filter((s) => next.includes(s)) }, 'now');
  };
  return html`${subjectField(view)} ${view.officer ? officerFields(view, view.officer) : nothing}
    ${textInput(view, 'messageNumber', 'f-number', texts.messageNumber(), [numberGiven && 'f-number-note'], {
      inputmode: 'numeric',
    })}
    ${textInput(view, 'assigneeId', 'f-assignee', texts.assignee(), [], { hint: texts.assigneeHint() })}
    ${textInput(view, 'text', 'f-text', texts.text(), [], { hint: texts.textHint() })}
    <div class="note-slot" aria-live="polite">
      ${
        numberGiven
          ? html`<p class="note" id="f-number-note">
              <span class="icon" aria-hidden="true">i</span><span>${texts.numberOnly()}</span>
            </p>`
          : nothing
      }
    </div>
    <fieldset class="statuses">
      <legend>${texts.status()}</legend>
      ${READER_STATUSES[view.side].map(
        (s) =>
          html`<label class="check">
            <input
              type="checkbox"
              .checked=${live(statusesOf(s).every((one) => selected.has(one)))}
              @change=${(e: Event) => toggle(s, (e.target as HTMLInputElement).checked)}
            />
            <span>${statusText(s)}</span>
          </label>`,
      )}
    </fieldset>
    <div class="filter-actions">
      <button type="button" class="button" @click=${() => view.reset()}>${texts.reset()}</button>
    </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageField, MessageFormController } from '../../controllers/message-form.js';
import { allowedTypesText } from '../../domain/validators.js';
import { formatFileSize, plainFileName } from '../../domain/format.js';
import { getLocale } from '../../localization/index.js';
import { describedBy, renderFieldError } from './field-error.js';
import { renderProblem } from './problem.js';
import { fieldProblemText, fieldTexts, formProblemText, formTexts } from './texts.js';

/** The id of the error summary; the host focuses it after a failed check. */
export const ERROR_SUMMARY_ID = 'error-summary';

/** Lets a link in the error summary move focus to its field instead of changing the URL. */
function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Node).getRootNode() as ShadowRoot | Document;
  root.getElementById(id)?.focus();
}

/**
 * The error summary: a list of every field error with links to the fields. Rendered only when
 * there are errors; the host focuses `#error-summary` after a failed check.
 */
export function renderErrorSummary(
  form: MessageFormController,
  ids: Partial<Record<MessageField, string>>,
): TemplateResult | typeof nothing {
  const list = form.errorList();
  if (list.length === 0) return nothing;
  return html`<div
    class="error-summary"
    id=${ERROR_SUMMARY_ID}
    tabindex="-1"
    role="alert"
    aria-labelledby="error-summary-title"
  >
    <p class="error-summary-title" id="error-summary-title">${fieldTexts.summaryTitle()}</p>
    <ul>
      ${list.map(({ field, problem }) => {
        const id = ids[field] ?? field;
        return html`<li>
          <a href=${`#${id}`} @click=${(e: Event) => focusField(e, id)}
            >${fieldProblemText(field, problem)}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
}

/**
 * Meddelande: the textarea, a remaining-characters counter (announced near the limit), the
 * personnummer warning (never blocking) and the field's error. No `maxlength`: a browser would
 * silently cut pasted text, and nothing the user typed may be lost; the counter and the check say
 * how much is too much instead.
 */
export function renderBodyField(
  form: MessageFormController,
  { id, label }: { id: string; label: string },
): TemplateResult {
  const problem = form.errors.body;
  const error = problem && fieldProblemText('body', problem);
  const remaining = form.remaining;
  const counter =
    remaining === undefined
      ? ''
      : remaining >= 0
        ? fieldTexts.remaining(remaining)
        : fieldTexts.over(-remaining);
  // Only the last hundred characters are announced, in steps of ten, so typing stays quiet.
  const spoken =
    remaining === undefined || remaining > 100
      ? ''
      : remaining < 0
        ? fieldTexts.over(-remaining)
        : fieldTexts.remaining(Math.floor(remaining / 10) * 10);
  const warnings = form.warnings;
  return html`<div class="field body-field">
    <label for=${id}>${label}</label>
    <textarea
      id=${id}
      name="body"
      rows="8"
      .value=${live(form.draft.body)}
      ?readonly=${form.locked}
      aria-required="true"
      aria-invalid=${error === undefined ? 'false' : 'true'}
      aria-describedby=${describedBy(
        error !== undefined && `${id}-error`,
        `${id}-counter`,
        warnings.length > 0 && `${id}-warning`,
      )}
      @input=${(e: Event) => form.setBody((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${renderFieldError(`${id}-error`, error)}
    <p class=${remaining !== undefined && remaining < 0 ? 'counter over' : 'counter'} id=${`${id}-counter`}>
      ${counter}
    </p>
    <p class="visually-hidden" aria-live="polite">${spoken}</p>
    <div class="warning-slot" role="status">
      ${
        warnings.length > 0
          ? html`<div class="warning" id=${`${id}-warning`}>
              <span class="icon" aria-hidden="true">!</span>
              <ul>
                ${warnings.map(
                  (w) =>
                    html`<li>
                      <span class="visually-hidden">${fieldTexts.warningPrefix()} </span
                      >${formTexts.checkPersonnummer(w)}
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </div>
  </div>`;
}

/**
 * Bifoga fil: a native file input with the allowed types and maximum size, the chosen files each
 * with Ta bort, and the field's error. Files are checked as soon as they are chosen.
 */
export function renderFileField(
  form: MessageFormController,
  { id, label = fieldTexts.attach() }: { id: string; label?: string },
): TemplateResult | typeof nothing {
  const rules = form.config?.attachments;
  if (!rules || rules.maxFiles <= 0) return nothing;
  const problem = form.errors.files;
  const error = problem && fieldProblemText('files', problem);
  const files = form.draft.files;
  const accept = rules.allowedTypes.map((t) => `.${t.extension}`).join(',');
  return html`<div class="field file-field">
    <label for=${id}>${label}</label>
    <p class="hint" id=${`${id}-hint`}>
      ${fieldTexts.attachHint(allowedTypesText(rules), formatFileSize(rules.maxBytes, getLocale()))}
      ${rules.maxFiles > 1 ? fieldTexts.attachHintMany(rules.maxFiles) : nothing}
    </p>
    <input
      type="file"
      id=${id}
      name="files"
      accept=${accept}
      ?multiple=${rules.maxFiles > 1}
      ?disabled=${form.locked}
      aria-invalid=${error === undefined ? 'false' : 'true'}
      aria-describedby=${describedBy(`${id}-hint`, error !== undefined && `${id}-error`, files.length > 0 && `${id}-files`)}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        form.addFiles(input.files ?? []);
        // The chosen files live in the draft; the input is emptied so the same file can be chosen again.
        input.value = '';
      }}
    />
    ${renderFieldError(`${id}-error`, error)}
    ${
      files.length > 0
        ? html`<ul class="files" id=${`${id}-files`} aria-label=${fieldTexts.chosenFiles()}>
            ${files.map(
              (file, index) =>
                html`<li>
                  <span class="file-name">${plainFileName(file.name)}</span>
                  <span class="file-size">(${formatFileSize(file.size, getLocale())})</span>
                  <button
                    type="button"
                    class="button small"
                    aria-disabled=${form.locked ? 'true' : 'false'}
                    @click=${() => form.removeFile(index)}
                  >
                    ${fieldTexts.remove()}<span class="visually-hidden"> ${plainFileName(file.name)}</span>
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}

/** Skicka: stays focusable while sending (`aria-disabled`), and a second press does nothing. */
export function renderSendButton(form: MessageFormController): TemplateResult {
  return html`<button type="submit" class="button primary send" aria-disabled=${form.busy ? 'true' : 'false'}>
    ${fieldTexts.send()}
  </button>`;
}

/**
 * Upload progress while sending, the automatic-retry notice, and a failure with Försök igen.
 * The polite status region is always present, so its first announcement is not lost.
 */
export function renderSendState(
  form: MessageFormController,
  { id, onRetry }: { id: string; onRetry: () => void },
): TemplateResult {
  const phase = form.phase;
  const progress = form.progress;
  const problem = form.problem;
  const status = phase === 'sending' ? fieldTexts.sending() : phase === 'waiting' ? fieldTexts.waiting() : '';
  return html`<div class="send-state">
    <p class="send-status" role="status">${status}</p>
    ${
      phase === 'sending'
        ? html`<progress
            id=${`${id}-progress`}
            aria-label=${fieldTexts.sending()}
            max=${progress && progress.total > 0 ? progress.total : nothing}
            value=${progress && progress.total > 0 ? progress.loaded : nothing}
          ></progress>`
        : nothing
    }
    ${form.userChanged ? renderProblem({ text: formTexts.userChanged() }) : nothing}
    ${
      problem !== undefined && !form.busy
        ? renderProblem({ text: formProblemText(problem), onRetry, primary: false })
        : nothing
    }
  </div>`;
}

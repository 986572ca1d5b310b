import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ComposeController, type ComposeContext } from '../../controllers/compose-controller.js';
import { NEW_CONVERSATION_DRAFT } from '../../controllers/drafts.js';
import { MessageFormController, type MessageField } from '../../controllers/message-form.js';
import { DEFAULT_RETRY_DELAYS, DEFAULT_SEND_TIMEOUT } from '../../controllers/send-controller.js';
import type { Conversation, Organisation } from '../../domain/index.js';
import { findOrganisation, organisationLabel } from '../../domain/organisations.js';
import { SecureAuthRequiredEvent } from '../../events/auth-required.js';
import { SecureConversationOpenEvent } from '../../events/conversation-open.js';
import { SecureMessageSentEvent } from '../../events/message-sent.js';
import { SecureElement } from '../base/secure-element.js';
import { baseStyles } from '../shared/base.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import {
  ERROR_SUMMARY_ID,
  renderBodyField,
  renderErrorSummary,
  renderFileField,
  renderSendButton,
  renderSendState,
} from '../shared/message-fields.js';
import { messageFormStyles } from '../shared/message-fields.styles.js';
import { describedBy, renderFieldError } from '../shared/field-error.js';
import { FocusAfterUpdate } from '../shared/focus-controller.js';
import { renderOrganisationField } from '../shared/organisation-field.js';
import { renderProblem } from '../shared/problem.js';
import { renderSignedOut } from '../shared/signed-out.js';
import { describeError, fieldProblemText } from '../shared/texts.js';
import { texts } from './compose-texts.js';
import { composeStyles } from './secure-compose.styles.js';

const IDS: Record<MessageField, string> = {
  organisation: 'organisation',
  subject: 'subject',
  body: 'body',
  files: 'files',
};
const CONFIRMATION_ID = 'confirmation';

/**
 * Writing a new secure message (the manual's *Skicka nytt meddelande*): **Ämne**, **Meddelande**,
 * **Bifoga fil** and **Skicka**, with the manual's GDPR note and the expected reply time.
 *
 * - Everything is checked before anything is sent; errors are shown at their fields and in an
 *   error summary that receives focus. A personnummer with a wrong date or check digit gives a
 *   warning that does not block sending.
 * - Sending shows upload progress, cannot happen twice, and uses one Idempotency-Key per draft for
 *   every retry: network errors, server errors (honouring Retry-After) and requests that never
 *   answer are retried automatically, then **Försök igen** is offered. When an answer was lost the
 *   draft stays read-only until a retry with the same key settles whether it was stored.
 * - On success the new **Meddelandenummer** is shown and focused, and `secure-message-sent` fires.
 * - The draft (subject, text, files) lives in memory per adapter: it survives every failure, a 401
 *   and leaving the view inside the feature, and is never written to browser storage. Leaving the
 *   page with unsent text asks first.
 * - A KPA case officer (`capabilities.canChooseOrganisation`) also picks the recipient organisation;
 *   the conversation then starts as *Nytt meddelande* for the employer.
 *
 * ```html
 * <secure-compose .adapter=${adapter}></secure-compose>
 * ```
 *
 * @tagname secure-compose
 * @summary The form for a new secure message, with validation, progress and safe retries.
 *
 * @fires secure-message-sent - Fact: the server stored the new conversation; `detail.number` is its Meddelandenummer, `detail.reply` is false.
 * @fires secure-conversation-open - Intent (cancelable): the user chose Öppna konversationen after sending.
 * @fires secure-auth-required - Fact: the backend answered 401; the draft is kept for Försök igen after signing in.
 *
 * @csspart form - The `<form>`.
 * @csspart note - The GDPR note.
 * @csspart confirmation - The confirmation with the new Meddelandenummer.
 *
 * @cssprop [--secure-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--secure-color-text=#1d2b27] - Text colour.
 * @cssprop [--secure-color-muted=#4a5753] - Hints and secondary text.
 * @cssprop [--secure-color-background=#ffffff] - Background of the element and inputs.
 * @cssprop [--secure-color-primary=#004b3c] - KPA green: Skicka and focus.
 * @cssprop [--secure-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--secure-color-border=#8a9490] - Borders of inputs and buttons.
 * @cssprop [--secure-color-divider=#d5dbd8] - Panel borders.
 * @cssprop [--secure-color-surface=#f2f5f4] - Background of the note and the confirmation.
 * @cssprop [--secure-color-attention=#fff4d6] - Background of warnings.
 * @cssprop [--secure-color-error=#b3261e] - Error texts and invalid fields.
 * @cssprop [--secure-color-focus=#004b3c] - Focus outline.
 * @cssprop [--secure-radius=0.25rem] - Corner radius.
 */
export class SecureCompose extends SecureElement {
  static override styles = [baseStyles, fieldStyles, messageFormStyles, composeStyles];

  /** Pauses before the automatic retries of a send, in milliseconds; the length is the number of retries. */
  @property({ attribute: false })
  retryDelays: readonly number[] = DEFAULT_RETRY_DELAYS;

  /** Milliseconds without an answer after which a send counts as lost and is retried with the same key. */
  @property({ type: Number, attribute: 'send-timeout' })
  sendTimeout = DEFAULT_SEND_TIMEOUT;

  /** The conversation created by the last send, while its confirmation shows. */
  @state()
  private sent: Conversation | undefined = undefined;

  /** KPA staff: the Organisation field's text while it names no organisation (undefined: the chosen one's label). */
  #organisationText: string | undefined = undefined;
  /** The user chose by text that names no organisation (cleared by the next keystroke). */
  #organisationRejected = false;

  readonly #form = new MessageFormController(this, {
    adapter: () => this.effectiveAdapter,
    fields: ['subject', 'body', 'files'],
    draftKey: NEW_CONVERSATION_DRAFT,
    onSent: (conversation) => this.#onSent(conversation),
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
  });

  readonly #context = new ComposeController(this, {
    adapter: () => this.effectiveAdapter,
    onLoaded: ({ user }) => {
      // A new answer to who is signed in: nothing typed for someone else stays.
      this.#organisationText = undefined;
      this.#organisationRejected = false;
      this.#form.fields = user.capabilities.canChooseOrganisation
        ? ['organisation', 'subject', 'body', 'files']
        : ['subject', 'body', 'files'];
    },
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
  });

  readonly #focus = new FocusAfterUpdate(this);

  /** True while the draft holds text or files that have not been sent. */
  get hasUnsentChanges(): boolean {
    return this.#form.hasUnsentContent;
  }

  protected override render(): TemplateResult {
    return html`<section class="compose" aria-labelledby="compose-title">
      <h2 id="compose-title">${texts.title()}</h2>
      ${this.sent && !this.#form.signedOut ? this.#renderConfirmation(this.sent) : this.#renderBody()}
    </section>`;
  }

  #renderBody(): TemplateResult {
    const context = this.#context;
    const form = this.#form;
    if (form.signedOut || context.state === 'auth-required') {
      this.#organisationText = undefined;
      this.#organisationRejected = false;
      return renderSignedOut({
        error: context.error,
        busy: context.state === 'loading',
        draftKept: form.hasUnsentContent,
        onRetry: () => context.reload(),
      });
    }
    if (context.state === 'error' || form.configFailed) return this.#renderLoadProblem();
    const value = context.context;
    if (!value || !form.config) {
      return html`<p class="loading" role="status" aria-busy="true">${texts.loading()}</p>`;
    }
    return this.#renderForm(value);
  }

  #renderLoadProblem(): TemplateResult {
    return renderProblem({
      title: texts.loadFailed(),
      text: describeError(this.#context.error ?? this.#form.configError),
      onRetry: () => {
        this.#context.reload();
        this.#form.reloadConfig();
      },
    });
  }

  #renderForm({ user, subjects, organisations }: ComposeContext): TemplateResult {
    const form = this.#form;
    const draft = form.draft;
    const staff = user.capabilities.canChooseOrganisation;
    const days = form.config?.expectedReplyWorkingDays;
    return html`
      <p class="note" part="note"><strong>${texts.obs()}</strong> ${texts.gdprNote()}</p>
      <form part="form" novalidate @submit=${(e: Event) => this.#submit(e)}>
        ${renderErrorSummary(form, IDS)} ${staff ? this.#renderOrganisation(organisations) : nothing}
        ${this.#renderSelect({
          id: IDS.subject,
          label: texts.subject(),
          hint: texts.subjectHint(),
          placeholder: texts.chooseSubject(),
          value: draft.subjectId,
          options: subjects.map((s) => ({ value: s.id, label: s.name })),
          error: form.errors.subject && fieldProblemText('subject', form.errors.subject),
          change: (v) => form.setSubject(v),
        })}
        ${renderBodyField(form, { id: IDS.body, label: texts.message() })}
        ${renderFileField(form, { id: IDS.files })}
        ${!staff && days !== undefined ? html`<p class="reply-time">${texts.replyTime(days)}</p>` : nothing}
        ${renderSendState(form, { id: 'send', onRetry: () => void this.#send() })}
        <div class="actions">${renderSendButton(form)}</div>
      </form>
    `;
  }

  #renderSelect(o: {
    id: string;
    label: string;
    hint?: string;
    placeholder: string;
    value: string;
    options: { value: string; label: string }[];
    error: string | undefined;
    change: (value: string) => void;
  }): TemplateResult {
    return html`<div class="field">
      <label for=${o.id}>${o.label}</label>
      ${o.hint ? html`<p class="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing}
      <select
        id=${o.id}
        required
        ?disabled=${this.#form.locked}
        aria-invalid=${o.error === undefined ? 'false' : 'true'}
        aria-describedby=${describedBy(o.hint && `${o.id}-hint`, o.error !== undefined && `${o.id}-error`)}
        .value=${live(o.value)}
        @change=${(e: Event) => o.change((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${o.value === ''}>${o.placeholder}</option>
        ${o.options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${option.value === o.value}>
              ${option.label}
            </option>`,
        )}
      </select>
      ${renderFieldError(`${o.id}-error`, o.error)}
    </div>`;
  }

  /**
   * KPA staff's recipient: a search over every organisation (290 of them). Text that names none
   * stays as typed, with its error, and nothing is chosen; Skicka then asks to choose one.
   */
  #renderOrganisation(organisations: readonly Organisation[]): TemplateResult {
    const form = this.#form;
    const chosen = organisations.find((o) => o.customerNumber === form.draft.organisationCustomerNumber);
    const typed = this.#organisationText;
    const unknown = this.#organisationRejected;
    return renderOrganisationField({
      id: IDS.organisation,
      label: texts.organisation(),
      hint: texts.organisationHint(),
      organisations,
      text: typed ?? (chosen ? organisationLabel(chosen) : ''),
      error: unknown
        ? texts.organisationUnknown()
        : form.errors.organisation && fieldProblemText('organisation', form.errors.organisation),
      disabled: form.locked,
      required: true,
      input: (text) => {
        this.#organisationText = text;
        this.#organisationRejected = false;
        this.requestUpdate();
      },
      commit: (text) => {
        const found = findOrganisation(organisations, text);
        this.#organisationText = found || text.trim() === '' ? undefined : text;
        this.#organisationRejected = this.#organisationText !== undefined;
        form.setOrganisation(found?.customerNumber ?? '');
      },
    });
  }

  #renderConfirmation(conversation: Conversation): TemplateResult {
    return html`<div class="confirmation" part="confirmation" id=${CONFIRMATION_ID} tabindex="-1">
      <p class="confirmation-title">${texts.sentTitle()}</p>
      <p class="confirmation-number">${texts.sentNumber()} <strong>${conversation.number}</strong></p>
      <p class="hint">${texts.sentHint()}</p>
      <div class="actions">
        <button
          type="button"
          class="button primary"
          @click=${() => this.emit(new SecureConversationOpenEvent(conversation.number))}
        >
          ${texts.openConversation()}
        </button>
        <button type="button" class="button" @click=${() => this.#startAnother()}>
          ${texts.writeAnother()}
        </button>
      </div>
    </div>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    void this.#send();
  }

  async #send(): Promise<void> {
    const adapter = this.effectiveAdapter;
    const form = this.#form;
    if (!adapter || form.busy) return;
    const draft = form.draft;
    const staff = this.#context.context?.user.capabilities.canChooseOrganisation ?? false;
    const result = await form.submit((options) =>
      adapter.createConversation(
        {
          subjectId: draft.subjectId,
          body: draft.body,
          files: [...draft.files],
          organisationCustomerNumber: staff ? draft.organisationCustomerNumber : undefined,
        },
        options,
      ),
    );
    if (result === undefined && form.errorList().length > 0) this.#focus.after(ERROR_SUMMARY_ID);
  }

  #onSent(conversation: Conversation): void {
    this.#form.clear();
    this.sent = conversation;
    this.#focus.after(CONFIRMATION_ID);
    this.emit(new SecureMessageSentEvent({ number: conversation.number, reply: false }));
  }

  #startAnother(): void {
    this.sent = undefined;
    this.#focus.after(IDS.subject);
  }
}

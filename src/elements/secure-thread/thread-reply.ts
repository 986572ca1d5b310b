import { html, nothing, type TemplateResult } from 'lit';
import type { MessageField, MessageFormController } from '../../controllers/message-form.js';
import type { Conversation, User } from '../../domain/index.js';
import {
  renderBodyField,
  renderErrorSummary,
  renderFileField,
  renderSendButton,
  renderSendState,
} from '../shared/message-fields.js';
import { renderProblem } from '../shared/problem.js';
import { texts } from './thread-texts.js';

export const REPLY_IDS: Partial<Record<MessageField, string>> = { body: 'reply-body', files: 'reply-files' };

export interface ReplyOptions {
  form: MessageFormController;
  conversation: Conversation;
  user: User | undefined;
  onSubmit: () => void;
}

/**
 * Svara: Meddelande, Bifoga fil and Skicka, with the same checks, progress, retries and draft
 * guarantees as `<secure-compose>` (all in MessageFormController). Replying to an Avslutad
 * conversation says beforehand that it will be reopened.
 */
export function renderReply({ form, conversation, user, onSubmit }: ReplyOptions): TemplateResult {
  const closed = conversation.status === 'closed';
  return html`<section class="reply" part="reply" aria-labelledby="reply-title">
    <h3 id="reply-title">${texts.replyTitle()}</h3>
    ${
      closed
        ? html`<p class="reopen-note" id="reopen-note">
            <span class="icon" aria-hidden="true">i</span>
            <span>${user?.side === 'kpa' ? texts.reopenKpa() : texts.reopenEmployer()}</span>
          </p>`
        : nothing
    }
    ${renderForm(form, onSubmit)}
  </section>`;
}

function renderForm(form: MessageFormController, onSubmit: () => void): TemplateResult {
  if (form.configFailed) {
    return renderProblem({
      text: texts.replyLoadFailed(),
      onRetry: () => form.reloadConfig(),
      primary: false,
    });
  }
  if (!form.config) return html`<p class="loading">${texts.replyLoading()}</p>`;
  return html`<form
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    ${renderErrorSummary(form, REPLY_IDS)}
    ${renderBodyField(form, { id: 'reply-body', label: texts.message() })}
    ${renderFileField(form, { id: 'reply-files' })}
    ${renderSendState(form, { id: 'reply-send', onRetry: onSubmit })}
    <div class="form-actions">${renderSendButton(form)}</div>
  </form>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { MessageFormController } from '../../controllers/message-form.js';
import type { ThreadAction, ThreadController } from '../../controllers/thread-controller.js';
import type { Conversation } from '../../domain/index.js';
import { renderProblem } from '../shared/problem.js';
import { renderSignedOut } from '../shared/signed-out.js';
import { describeError } from '../shared/texts.js';
import { renderActions, renderDialogs } from './thread-actions.js';
import type { ConfirmDialogs, ConfirmedAction } from './thread-dialogs.js';
import type { AttachmentDownloads } from './thread-downloads.js';
import { renderHeader } from './thread-header.js';
import { renderReply } from './thread-reply.js';
import { texts } from './thread-texts.js';
import { renderTimeline } from './thread-timeline.js';

/** What `<secure-thread>` shows and how its controls reach it. */
export interface ThreadView {
  thread: ThreadController;
  form: MessageFormController;
  downloads: AttachmentDownloads;
  dialogs: ConfirmDialogs;
  /** Why the last claim, release, take-over or close failed. */
  actionProblem: string | undefined;
  /** Försök igen, after a failed load or the session's end. */
  onRetry(): void;
  onAct(action: ThreadAction): void;
  onOpenDialog(action: ConfirmedAction): void;
  onConfirm(action: ConfirmedAction): void;
  onSend(): void;
}

/** The conversation in each of its states: loading, not found, signed out, failed, loaded. */
export function renderThreadState(view: ThreadView): TemplateResult | typeof nothing {
  const { thread } = view;
  const conversation = thread.conversation;
  switch (thread.state) {
    case 'idle':
      return nothing;
    case 'loading':
      return html`<p class="loading">${texts.loading()}</p>`;
    case 'not-found':
      return renderProblem({
        className: 'load-problem',
        title: texts.notFoundTitle(),
        text: texts.notFound(),
      });
    case 'auth-required':
      return renderSignedOut({
        error: thread.error,
        busy: thread.loading,
        draftKept: view.form.hasUnsentContent,
        onRetry: view.onRetry,
      });
    case 'error':
      return renderProblem({
        className: 'load-problem',
        title: texts.loadFailed(),
        text: describeError(thread.error),
        busy: thread.loading,
        onRetry: view.onRetry,
      });
    case 'loaded':
      return conversation ? renderConversation(view, conversation) : nothing;
  }
}

function renderConversation(view: ThreadView, conversation: Conversation): TemplateResult {
  const { thread, downloads, dialogs } = view;
  const user = thread.user;
  return html`
    ${renderHeader(conversation, user)}
    ${renderActions({
      user,
      conversation,
      pending: thread.pending,
      problem: view.actionProblem,
      onClaimChange: (claim) => view.onAct(claim ? 'claim' : 'release'),
      onTakeOver: () => view.onOpenDialog('take-over'),
      onClose: () => view.onOpenDialog('close'),
      onPrint: () => window.print(),
    })}
    <h3 id="messages-title" class="messages-title">${texts.messages()}</h3>
    ${renderTimeline({
      conversation,
      downloads: downloads.states,
      onDownload: (a) => void downloads.download(a),
    })}
    ${renderReply({ form: view.form, conversation, user, onSubmit: view.onSend })}
    ${renderDialogs({
      takeOver: user?.capabilities.canAssign ?? false,
      close: user?.capabilities.canClose ?? false,
      takeOverFrom: dialogs.takeOverFrom,
      onConfirm: view.onConfirm,
      onCancel: (action) => dialogs.cancel(action),
    })}
  `;
}

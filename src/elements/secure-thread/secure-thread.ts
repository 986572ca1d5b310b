import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { replyDraftKey } from '../../controllers/drafts.js';
import { discardDraft } from '../../controllers/session.js';
import { MessageFormController } from '../../controllers/message-form.js';
import { ThreadController, type ThreadAction } from '../../controllers/thread-controller.js';
import { sameUserId } from '../../domain/permissions.js';
import type { Conversation } from '../../domain/types.js';
import { SecureAuthRequiredEvent } from '../../events/auth-required.js';
import {
  SecureConversationChangedEvent,
  type ConversationChangedDetail,
} from '../../events/conversation-changed.js';
import { SecureMessageSentEvent } from '../../events/message-sent.js';
import { SecureElement } from '../base/secure-element.js';
import { FocusAfterUpdate } from '../shared/focus-controller.js';
import { ERROR_SUMMARY_ID } from '../shared/message-fields.js';
import { threadStyles } from './secure-thread.styles.js';
import { ACTION_PROBLEM_ID, CLAIM_ID } from './thread-actions.js';
import { ConfirmDialogs, type ConfirmedAction } from './thread-dialogs.js';
import { AttachmentDownloads } from './thread-downloads.js';
import { actionProblem } from './thread-problems.js';
import { remoteChangeText, successText } from './thread-announcements.js';
import { texts } from './thread-texts.js';
import { messageDomId } from './thread-timeline.js';
import { renderThreadState } from './thread-view.js';

/** Default seconds between refreshes of the conversation while the tab is visible. */
export const DEFAULT_THREAD_POLL_INTERVAL = 30;
/** Default pauses before the automatic retries of a reply, in milliseconds. */
export const DEFAULT_REPLY_RETRY_DELAYS: readonly number[] = Object.freeze([1000, 3000, 9000]);
/** Default time without an answer after which a reply counts as lost and is retried, in milliseconds. */
export const DEFAULT_REPLY_SEND_TIMEOUT = 60_000;

const TITLE_ID = 'thread-title';
const CHANGES: Record<ThreadAction, ConversationChangedDetail['change']> = {
  claim: 'claimed',
  release: 'released',
  'take-over': 'taken-over',
  close: 'closed',
};

/**
 * One conversation (the manual's conversation page): its facts (**Meddelandenummer**, **Ämne**,
 * **Status**, **Ansvarig handläggare**), every message and history line in time order, the tools
 * **Jag arbetar med ärendet**, **Jag tar över ärendet**, **Markera konversation som avslutad** and
 * **Skriv ut**, and a reply form (**Meddelande**, **Bifoga fil**, **Skicka**).
 *
 * - Message text is only ever text (line breaks kept); attachments are downloaded through the
 *   adapter and saved as files, never shown inline.
 * - Opening and reading never change the status. The thread refreshes every `poll-interval`
 *   seconds while the tab is visible and whenever the adapter reports a change to it; a new
 *   message or a take-over by someone else appears without touching the reply being written, and
 *   is announced politely.
 * - Claiming, releasing, taking over and closing send the version the user saw. When someone else
 *   was first, the user is told who has the case now and nothing is overwritten. Taking over and
 *   closing ask for confirmation in a modal dialog.
 * - The reply has the same guarantees as `<secure-compose>`: checks before sending, progress, one
 *   Idempotency-Key per draft for every retry, a draft kept in memory (never in storage) through
 *   every failure. Replying to an Avslutad conversation says first that it will be reopened.
 * - **Skriv ut** calls `window.print()`; the print styles leave out every control and print the
 *   conversation itself. (What else the page prints is the host's business.)
 *
 * ```html
 * <secure-thread number="60043" .adapter=${adapter}></secure-thread>
 * ```
 *
 * @tagname secure-thread
 * @summary One conversation: messages, history, assignment, closing and the reply form.
 *
 * @fires secure-message-sent - Fact: the server stored the reply; `detail.number` is the Meddelandenummer, `detail.reply` is true.
 * @fires secure-conversation-changed - Fact: the user claimed, released, took over, closed or replied; the detail has the new status and assignee id.
 * @fires secure-auth-required - Fact: the backend answered 401; the reply draft is kept.
 *
 * @csspart details - The description list with Meddelandenummer, Ämne, Status and Ansvarig handläggare.
 * @csspart actions - The tools: Jag arbetar med ärendet, Jag tar över ärendet, Markera … som avslutad, Skriv ut.
 * @csspart messages - The ordered list of messages and history lines.
 * @csspart reply - The reply section.
 *
 * @cssprop [--secure-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--secure-color-text=#1d2b27] - Text colour.
 * @cssprop [--secure-color-muted=#4a5753] - Times, hints and history lines.
 * @cssprop [--secure-color-background=#ffffff] - Background of the element, messages and inputs.
 * @cssprop [--secure-color-primary=#004b3c] - KPA green: Skicka, focus, KPA's messages.
 * @cssprop [--secure-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--secure-color-border=#8a9490] - Borders of inputs and buttons.
 * @cssprop [--secure-color-divider=#d5dbd8] - Borders of messages and panels.
 * @cssprop [--secure-color-surface=#f2f5f4] - Background of the details and the reopen note.
 * @cssprop [--secure-color-attention=#fff4d6] - Background of warnings.
 * @cssprop [--secure-color-error=#b3261e] - Error texts and invalid fields.
 * @cssprop [--secure-color-focus=#004b3c] - Focus outline.
 * @cssprop [--secure-radius=0.25rem] - Corner radius.
 */
export class SecureThread extends SecureElement {
  static override styles = threadStyles;

  /** Meddelandenummer of the conversation to show (five digits). */
  @property({ type: String })
  number = '';

  /** Seconds between refreshes while the tab is visible (fractions allowed); 0 turns polling off. */
  @property({ type: Number, attribute: 'poll-interval' })
  pollInterval = DEFAULT_THREAD_POLL_INTERVAL;

  /** Pauses before the automatic retries of a reply, in milliseconds; the length is the number of retries. */
  @property({ attribute: false })
  retryDelays: readonly number[] = DEFAULT_REPLY_RETRY_DELAYS;

  /** Milliseconds without an answer after which a reply counts as lost and is retried with the same key. */
  @property({ type: Number, attribute: 'send-timeout' })
  sendTimeout = DEFAULT_REPLY_SEND_TIMEOUT;

  /** The text of the polite live region. */
  @state()
  private announcement = '';

  /** Why the last claim, release, take-over or close failed. */
  @state()
  private actionProblem: string | undefined = undefined;

  readonly #thread = new ThreadController(this, {
    adapter: () => this.effectiveAdapter,
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
    onRemoteChange: (previous, next) => this.#remoteChanged(previous, next),
    onSignedOut: () => {
      this.announcement = '';
      this.actionProblem = undefined;
      this.#downloads.reset();
      this.#dialogs.reset();
    },
  });

  readonly #form = new MessageFormController(this, {
    adapter: () => this.effectiveAdapter,
    fields: ['body', 'files'],
    onSent: (conversation) => this.#sent(conversation),
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
  });

  readonly #downloads = new AttachmentDownloads(this, {
    fetch: (id) => this.#thread.download(id),
    root: () => this.renderRoot,
    announce: (text) => void this.#announce(text),
  });

  readonly #dialogs = new ConfirmDialogs(this, () => this.renderRoot, TITLE_ID);

  readonly #focus = new FocusAfterUpdate(this);

  /** True while the reply draft holds text or files that have not been sent. */
  get hasUnsentChanges(): boolean {
    return this.#form.hasUnsentContent;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('number')) {
      const number = this.number.trim();
      this.#form.draftKey = number === '' ? undefined : replyDraftKey(number);
      this.actionProblem = undefined;
      this.#downloads.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('pollInterval') && changed.get('pollInterval') !== undefined)
      this.#thread.restartPolling();
  }

  protected override render(): TemplateResult {
    const number = this.number.trim();
    return html`<section class="thread" aria-labelledby=${number === '' ? nothing : TITLE_ID}>
      ${number === '' ? nothing : html`<h2 id=${TITLE_ID} tabindex="-1">${texts.title(number)}</h2>`}
      ${renderThreadState({
        thread: this.#thread,
        form: this.#form,
        downloads: this.#downloads,
        dialogs: this.#dialogs,
        actionProblem: this.actionProblem,
        onRetry: () => this.#retry(),
        onAct: (action) => void this.#act(action),
        onOpenDialog: (action) => this.#openDialog(action),
        onConfirm: (action) => void this.#confirm(action),
        onSend: () => void this.#send(),
      })}
      <div class="visually-hidden announcer" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
    </section>`;
  }

  #retry(): void {
    this.#focus.after(TITLE_ID);
    this.#thread.reload();
  }

  // ---------------------------------------------------------------------------------------------
  // Claim, release, take over, close

  /** Runs one action; true when it succeeded. */
  async #act(action: ThreadAction, version?: string): Promise<boolean> {
    this.actionProblem = undefined;
    const outcome = await this.#thread.perform(action, version);
    if (outcome.ok) {
      void this.#announce(successText(action));
      this.#changed(outcome.conversation, CHANGES[action]);
      return true;
    }
    if (outcome.error !== undefined)
      this.actionProblem = actionProblem(action, outcome.error, this.#thread.user);
    return false;
  }

  #openDialog(action: ConfirmedAction): void {
    const conversation = this.#thread.conversation;
    if (!conversation || this.#thread.pending) return;
    this.actionProblem = undefined;
    void this.#dialogs.open(action, conversation);
  }

  async #confirm(action: ConfirmedAction): Promise<void> {
    const ok = await this.#act(action, this.#dialogs.confirm(action));
    if (ok) {
      // The trigger is gone now: take-over leads to the (ticked) checkbox, closing to the title.
      const claim = action === 'take-over' && this.renderRoot.querySelector(`#${CLAIM_ID}`);
      this.#focus.after(claim ? CLAIM_ID : TITLE_ID);
    } else if (this.actionProblem !== undefined) {
      this.#focus.after(ACTION_PROBLEM_ID);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reply

  async #send(): Promise<void> {
    const form = this.#form;
    if (form.busy || this.#thread.state !== 'loaded') return;
    const draft = form.draft;
    const result = await form.submit((options) => this.#thread.reply(draft, options));
    if (result === undefined && form.errorList().length > 0) this.#focus.after(ERROR_SUMMARY_ID);
  }

  #sent(conversation: Conversation): void {
    const thread = this.#thread;
    if (conversation.number !== thread.conversation?.number) {
      // The user moved to another conversation while this reply was on its way.
      const adapter = this.effectiveAdapter;
      if (adapter) discardDraft(adapter, replyDraftKey(conversation.number));
    } else {
      const reopened = thread.conversation.status === 'closed';
      thread.apply(conversation);
      this.#form.clear();
      const me = thread.user;
      const own = [...conversation.messages].reverse().find((m) => me && sameUserId(m.author.id, me.id));
      const focus = own ?? conversation.messages.at(-1);
      if (focus) this.#focus.after(messageDomId(focus));
      void this.#announce(reopened ? texts.sentReopened() : texts.sent());
    }
    this.emit(new SecureMessageSentEvent({ number: conversation.number, reply: true }));
    this.#changed(conversation, 'replied');
  }

  #changed({ number, status, assignee }: Conversation, change: ConversationChangedDetail['change']): void {
    this.emit(
      new SecureConversationChangedEvent({ number, change, status, assigneeId: assignee?.id ?? null }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Live changes, announcements

  /** Someone else changed the conversation while it was open: say what, politely. */
  #remoteChanged(previous: Conversation, next: Conversation): void {
    const text = remoteChangeText(previous, next, this.#thread.user);
    if (text !== '') void this.#announce(text);
  }

  /** Puts a text in the polite live region; the same text twice is announced twice. */
  async #announce(text: string): Promise<void> {
    if (this.announcement === text) {
      this.announcement = '';
      await this.updateComplete;
    }
    this.announcement = text;
  }
}

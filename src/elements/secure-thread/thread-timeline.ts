import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  formatDateTime,
  formatFileSize,
  plainFileName,
  type Attachment,
  type Conversation,
  type HistoryEntry,
  type Message,
} from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';
import { renderFieldError } from '../shared/field-error.js';
import { personName, texts } from './thread-texts.js';

/** One line of the conversation: a message, or a history entry (claimed, closed …). */
export type TimelineItem =
  | { kind: 'message'; key: string; at: number; message: Message }
  | { kind: 'history'; key: string; at: number; entry: HistoryEntry };

/** What is going on with one attachment's download. */
export type DownloadState = { phase: 'pending' } | { phase: 'failed'; message: string };

export interface TimelineOptions {
  conversation: Conversation;
  downloads: ReadonlyMap<string, DownloadState>;
  onDownload: (attachment: Attachment) => void;
}

/** The DOM id of a message's article (focused after sending it). */
export function messageDomId(message: Message): string {
  return `message-${message.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Messages and history entries in one list ordered by time. At the same instant a history entry
 * comes first (a reply that reopens a conversation reads "… återupptog konversationen" and then
 * the reply). The sort is stable: the server's own order decides the rest.
 */
export function timelineOf(conversation: Conversation): TimelineItem[] {
  const items: TimelineItem[] = [
    ...conversation.history.map((entry, i): TimelineItem => ({
      kind: 'history',
      key: `h${i}`,
      at: time(entry.at),
      entry,
    })),
    ...conversation.messages.map((message): TimelineItem => ({
      kind: 'message',
      key: `m${message.id}`,
      at: time(message.sentAt),
      message,
    })),
  ];
  return items.sort((a, b) => a.at - b.at);
}

function historyText(entry: HistoryEntry): string {
  const who = personName(entry.actor);
  switch (entry.action) {
    case 'claimed':
      return texts.historyClaimed(who);
    case 'released':
      return texts.historyReleased(who);
    case 'taken-over':
      return entry.previousAssignee
        ? texts.historyTakenOver(who, personName(entry.previousAssignee))
        : texts.historyTakenOverNoPrevious(who);
    case 'closed':
      return texts.historyClosed(who);
    case 'reopened':
      return texts.historyReopened(who);
  }
}

function renderTime(iso: string): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(iso)}</time>`;
}

// prettier-ignore
function renderAttachment(attachment: Attachment, options: TimelineOptions): TemplateResult {
  const size = formatFileSize(attachment.size, getLocale());
  const name = plainFileName(attachment.name);
  const state = options.downloads.get(attachment.id);
  const pending = state?.phase === 'pending';
  return html`<li
    ><button type="button" class="attachment" aria-disabled=${pending ? 'true' : 'false'} data-attachment=${attachment.id}
      ><span class="attachment-icon" aria-hidden="true">↓</span
      ><span
        ><span class="visually-hidden">${texts.download()} </span><span class="file-name">${name}</span>
        <span class="file-size">(${size})</span></span
      ></button
    ><span class="print-only">${name} (${size})</span
    >${pending ? html`<span class="download-state">${texts.downloading()}</span>` : nothing}${
      renderFieldError(undefined, state?.phase === 'failed' ? state.message : undefined, true)
    }</li>`;
}

/**
 * A message as an article. A thread holds hundreds, so the template is written for the cost of
 * each: no nested templates, no whitespace between tags (each would be a text node to clone, walk
 * and keep), its author, time and body set as `textContent` (text only, as ever, and no marker
 * comment for Lit to clone and keep beside each), its class, ids and time set as properties
 * (cheaper than `setAttribute`) and no listener of its own (the timeline's one handles the
 * attachments' clicks).
 */
/* eslint-disable lit-a11y/accessible-name -- the author's heading is named by its text, set as textContent */
// prettier-ignore
function renderMessage(message: Message, options: TimelineOptions): TemplateResult {
  const id = messageDomId(message);
  return html`<li class="item"
    ><article .className=${`message ${message.author.side}`} .id=${id} tabindex="-1" aria-labelledby=${`${id}-author ${id}-time`}
      ><header class="message-header"
        ><h4 class="author" .id=${`${id}-author`} .textContent=${personName(message.author)}></h4
        ><time .id=${`${id}-time`} .dateTime=${message.sentAt} .textContent=${formatDateTime(message.sentAt)}></time></header
      ><div class="body" dir="auto" .textContent=${message.body}></div
      >${
        message.attachments.length > 0
          ? html`<ul class="files attachments" aria-label=${texts.attachments()}
              >${message.attachments.map((a) => renderAttachment(a, options))}</ul
            >`
          : nothing
      }</article
  ></li>`;
}
/* eslint-enable lit-a11y/accessible-name */

function renderHistory(entry: HistoryEntry): TemplateResult {
  return html`<li class="item history">
    <p>
      <span class="history-mark" aria-hidden="true">●</span> ${historyText(entry)} ${renderTime(entry.at)}
    </p>
  </li>`;
}

/** The timeline's one click listener: an attachment's button downloads it. */
function onTimelineClick(options: TimelineOptions, event: MouseEvent): void {
  const id = (event.target as Element).closest<HTMLElement>('.attachment')?.dataset.attachment;
  if (id === undefined) return;
  for (const message of options.conversation.messages) {
    const attachment = message.attachments.find((a) => a.id === id);
    if (attachment) return options.onDownload(attachment);
  }
}

/**
 * The messages (as articles) and history lines, in time order. They change only with the
 * conversation, a download's state or the language: a render for anything else (a keystroke in
 * the reply, a dialog) does not redo five hundred messages.
 */
/* eslint-disable lit-a11y/click-events-have-key-events -- the list's click listener serves the attachments' own buttons, which the keyboard activates with a click */
export function renderTimeline(options: TimelineOptions): TemplateResult {
  return html`<ol
    class="timeline"
    part="messages"
    aria-labelledby="messages-title"
    @click=${(event: MouseEvent) => onTimelineClick(options, event)}
  >
    ${guard([options.conversation, options.downloads, getLocale()], () =>
      repeat(
        timelineOf(options.conversation),
        (item) => item.key,
        (item) =>
          item.kind === 'message' ? renderMessage(item.message, options) : renderHistory(item.entry),
      ),
    )}
  </ol>`;
}
/* eslint-enable lit-a11y/click-events-have-key-events */

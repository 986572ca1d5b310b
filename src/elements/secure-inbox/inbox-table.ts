import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatOrganisationNumber } from '../../domain/organisations.js';
import {
  formatDate,
  needsAttention,
  readerStatus,
  workingDaysSince,
  type ConversationSummary,
  type SearchResult,
  type Side,
  type Sort,
  type SortKey,
} from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';
import { texts } from './inbox-texts.js';
import { statusText } from '../shared/texts.js';

/** What the table shows and how it reports the user's choices. */
export interface TableView {
  /** The rows to show; undefined before the first answer. */
  result: SearchResult | undefined;
  sort: Sort;
  /** A search is under way: the table stays (no layout jump) and is marked aria-busy. */
  busy: boolean;
  /** The search has taken long enough to show it: a bar along the top of the table. */
  showsLoading: boolean;
  /** Whose attention counts and which columns show (the current user's side). */
  side: Side;
  /** KPA staff: the reply time in working days that Väntar sedan is measured against, once known. */
  replyDays?: number | undefined;
  /** True when the filters differ from the defaults (for the empty-state hint). */
  filtered: boolean;
  sortBy(key: SortKey): void;
  open(number: string): void;
  /**
   * The address of a conversation when the feature routes by URL (`#meddelande/12345`): its number
   * is then a real link that can be opened in a new tab, copied or bookmarked. A plain click still
   * goes through `open`. Without it the number is a button.
   */
  href?: (number: string) => string;
}

/** A click the browser should handle itself: a new tab or window, a download. */
function modified(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

export const CAPTION_ID = 'caption';
export const RESULTS_ID = 'results';

function sortIcon(sort: Sort, key: SortKey): string {
  if (sort.key !== key) return '↕';
  return sort.direction === 'asc' ? '▲' : '▼';
}

function header(view: TableView, key: SortKey): TemplateResult {
  const sorted = view.sort.key === key;
  const ariaSort = sorted ? (view.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`<th
    scope="col"
    role="columnheader"
    aria-sort=${ifDefined(ariaSort)}
    class=${sorted ? 'sorted' : ''}
  >
    <button type="button" class="sort" @click=${() => view.sortBy(key)}>
      <span>${texts.column(key)}</span
      ><span class="sort-icon" aria-hidden="true">${sortIcon(view.sort, key)}</span>
    </button>
  </th>`;
}

/**
 * The columns each side sees: an employer user the manual's five; KPA staff also the
 * organisation and how long the conversation has waited for KPA.
 */
export const COLUMNS: Readonly<Record<Side, readonly SortKey[]>> = {
  employer: ['number', 'date', 'subject', 'status', 'assignee'],
  kpa: ['number', 'date', 'organisation', 'subject', 'status', 'waiting', 'assignee'],
};

/** The columns' names, read once per render (each row repeats them above its values). */
type Labels = Record<SortKey, string>;

/**
 * The number that opens a row's conversation: a link when the feature routes by URL, else a
 * button; a row that needs attention has a marker for the eye and *Behöver hanteras* for screen
 * readers. (Either is a nested template already, so sharing it costs a row nothing.)
 */
// prettier-ignore
function opener(view: TableView, c: ConversationSummary, attention: boolean): TemplateResult {
  const marker = attention ? html`<span class="marker" aria-hidden="true">●</span>` : nothing;
  const attentionText = attention ? html`<span class="visually-hidden"> ${texts.attention()}</span>` : nothing;
  return view.href
    ? html`<a class="open" href=${view.href(c.number)} data-number=${c.number}
        >${marker}<span .textContent=${c.number}></span>${attentionText}</a
      >`
    : html`<button type="button" class="open" data-number=${c.number}
        >${marker}<span .textContent=${c.number}></span>${attentionText}</button
      >`;
}

/**
 * One conversation's row. Each value has its column's name above it (`cell-label`), shown only
 * when the rows stack on a narrow screen and hidden from assistive technology, which reads the
 * cell with its column header. A list holds a hundred rows, so the template is written for the
 * cost of each: no whitespace between tags (each would be a text node to clone, walk and keep),
 * the labels inline rather than nested templates, texts set as `textContent` where an element
 * holds nothing else (no marker comment for Lit to clone and keep beside each), the row's class
 * and the time set as properties (cheaper than `setAttribute`), and no listener of its own (the
 * table body's one handles the number's click).
 */
// prettier-ignore
function row(view: TableView, c: ConversationSummary, labels: Labels): TemplateResult {
  const attention = needsAttention(c.status, view.side);
  return html`<tr .className=${attention ? 'row attention' : 'row'} role="row"
    ><th scope="row" role="rowheader" class="number"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.number}></span
      >${opener(view, c, attention)}</th
    ><td role="cell" class="date"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.date}></span
      ><time .dateTime=${c.lastActivityAt} .textContent=${formatDate(c.lastActivityAt)}></time></td
    ><td role="cell" class="subject"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.subject}></span><bdi .textContent=${c.subject.name}></bdi></td
    ><td role="cell" class="status"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.status}></span>${statusText(readerStatus(c.status, view.side))}</td
    ><td role="cell" class="assignee"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.assignee}></span>${
        c.assignee
          ? html`<bdi class="name">${c.assignee.name}</bdi> <span class="user-id">(${c.assignee.id})</span>`
          : html`<span aria-hidden="true">–</span><span class="visually-hidden">${texts.noAssignee()}</span>`
      }</td
  ></tr>`;
}

/** Väntar sedan: working days since the oldest unanswered message, marked once past the reply time. */
// prettier-ignore
function waiting(c: ConversationSummary, replyDays: number | undefined, now: number): TemplateResult {
  const since = c.waitingSince;
  if (!since) return html`<span aria-hidden="true">–</span>`;
  const days = workingDaysSince(since, now);
  const overdue = replyDays !== undefined && days > replyDays;
  return html`<time .className=${overdue ? 'overdue' : ''} .dateTime=${since} .textContent=${texts.waitingDays(days)}></time>${
    overdue ? html` <span class="overdue-note"><span aria-hidden="true">!</span> ${texts.overdue()}</span>` : nothing
  }`;
}

/**
 * A KPA officer's row: the employer's columns, and the organisation (name and organisation
 * number) and Väntar sedan; an assignee of KPA, or *Ej tilldelad*. Written like `row`.
 */
// prettier-ignore
function officerRow(view: TableView, c: ConversationSummary, labels: Labels, now: number): TemplateResult {
  const attention = needsAttention(c.status, 'kpa');
  return html`<tr .className=${attention ? 'row officer attention' : 'row officer'} role="row"
    ><th scope="row" role="rowheader" class="number"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.number}></span
      >${opener(view, c, attention)}</th
    ><td role="cell" class="date"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.date}></span
      ><time .dateTime=${c.lastActivityAt} .textContent=${formatDate(c.lastActivityAt)}></time></td
    ><td role="cell" class="organisation"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.organisation}></span
      ><bdi class="name" .textContent=${c.organisation.name}></bdi> <span class="org-number" .textContent=${formatOrganisationNumber(c.organisation.organisationNumber)}></span></td
    ><td role="cell" class="subject"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.subject}></span><bdi .textContent=${c.subject.name}></bdi></td
    ><td role="cell" class="status"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.status}></span>${statusText(readerStatus(c.status, 'kpa'))}</td
    ><td role="cell" class="waiting"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.waiting}></span>${waiting(c, view.replyDays, now)}</td
    ><td role="cell" class="assignee"
      ><span class="cell-label" aria-hidden="true" .textContent=${labels.assignee}></span>${
        c.assignee
          ? html`<bdi class="name">${c.assignee.name}</bdi> <span class="user-id">(${c.assignee.id})</span>`
          : html`<span class="none" .textContent=${texts.unassigned()}></span>`
      }</td
  ></tr>`;
}

/**
 * The table body's one click listener: a row's number opens its conversation. A link keeps the
 * browser's own ways (a new tab or window, a download) and follows a plain click through `open`.
 */
function onBodyClick(view: TableView, event: MouseEvent): void {
  const open = (event.target as Element).closest<HTMLElement>('.open');
  const number = open?.dataset.number;
  if (number === undefined) return;
  if (open instanceof HTMLAnchorElement) {
    if (modified(event)) return;
    event.preventDefault();
  }
  view.open(number);
}

function body(view: TableView) {
  const result = view.result;
  if (!result) {
    return html`<tr class="placeholder" role="row">
      <td role="cell" colspan=${COLUMNS[view.side].length}>${texts.loading()}</td>
    </tr>`;
  }
  if (result.items.length === 0) {
    return html`<tr class="placeholder" role="row">
      <td role="cell" colspan=${COLUMNS[view.side].length}>
        <p class="empty">${texts.empty()}</p>
        ${view.filtered ? html`<p class="empty-hint">${texts.emptyHint()}</p>` : nothing}
      </td>
    </tr>`;
  }
  // The rows change only with the result, the side, the links or the language: a render for
  // anything else (the table busy, the filter panel, a keystroke in a filter) does not redo them.
  // (For KPA staff also the reply time; Väntar sedan is counted to the moment of the result.)
  return guard([result, view.side, view.href, getLocale(), view.replyDays], () => {
    const labels = Object.fromEntries(COLUMNS[view.side].map((key) => [key, texts.column(key)])) as Labels;
    if (view.side === 'employer') return result.items.map((c) => row(view, c, labels));
    const now = Date.now();
    return result.items.map((c) => officerRow(view, c, labels, now));
  });
}

/**
 * The conversations as a native table: a caption, one sort button per column header (with
 * `aria-sort` on the sorted one), one row per conversation whose number is the button that
 * opens it. Below 40rem the rows stack: each conversation becomes a block with every value under
 * its column's name, and the header row becomes a row of sort buttons, so nothing scrolls sideways
 * at 320 px. Changing `display` on table elements drops their table semantics in some engines
 * (WebKit, older Firefox), so every table element carries its native role explicitly: screen
 * readers still meet a table with column and row headers at any width. The region stays labelled
 * and focusable, for the wide layout's sideways scrolling.
 */
/* eslint-disable lit-a11y/no-redundant-role -- the roles must stay when the narrow layout sets display: block */
/* eslint-disable lit-a11y/click-events-have-key-events -- the body's click listener serves the numbers' own buttons and links, which the keyboard activates with a click */
export function renderTable(view: TableView): TemplateResult {
  return html`<div
    id=${RESULTS_ID}
    class=${view.showsLoading ? 'table-scroll in-progress' : 'table-scroll'}
    part="table"
    role="region"
    aria-labelledby=${CAPTION_ID}
    aria-busy=${view.busy ? 'true' : 'false'}
    tabindex="0"
  >
    <table role="table" aria-labelledby=${CAPTION_ID}>
      <caption id=${CAPTION_ID}>
        ${texts.caption()}
      </caption>
      <thead role="rowgroup">
        <tr role="row">
          ${COLUMNS[view.side].map((key) => header(view, key))}
        </tr>
      </thead>
      <tbody role="rowgroup" @click=${(event: MouseEvent) => onBodyClick(view, event)}>
        ${body(view)}
      </tbody>
    </table>
  </div>`;
}
/* eslint-enable lit-a11y/no-redundant-role, lit-a11y/click-events-have-key-events */

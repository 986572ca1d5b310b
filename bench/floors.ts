import {
  formatDate,
  formatDateTime,
  formatFileSize,
  isolated,
  needsAttention,
  plainFileName,
  workingDaysSince,
  type Conversation,
  type ConversationSummary,
  type HistoryEntry,
  type Message,
  type SearchResult,
  type Side,
} from '@kpa/secure-messages/domain';

/**
 * The hand-written floors of `npm run bench`: what a page written by hand would do for the same screen. Its static
 * frame (toolbar, filters, table head, pager; header, actions, reply form) is the element's own
 * markup kept as a template, cloned once per render; its rows and messages are built by hand from
 * prototypes, in the element's markup, under the element's style sheets, with one delegated
 * listener. So a ratio is what the element adds (Lit, controllers, extra renders), not the price
 * of its design. The bench checks that both sides leave the same number of elements.
 */

/** `<tag class=…>` with these children. */
function h(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
}

/** `el` with these attributes set. */
function attrs<E extends Element>(el: E, values: Record<string, string>): E {
  for (const [name, value] of Object.entries(values)) el.setAttribute(name, value);
  return el;
}

/** A hidden-from-the-eye text, or a decoration hidden from assistive technology. */
const hidden = (value: string) => h('span', 'visually-hidden', value);
const decoration = (value: string, className = '') =>
  attrs(h('span', className, value), { 'aria-hidden': 'true' });

/**
 * The element's rendered shadow tree without Lit's marker comments: the static markup a
 * hand-written page keeps in a `<template>`.
 */
export function frameOf(el: Element): DocumentFragment {
  const frame = document.createDocumentFragment();
  for (const node of el.shadowRoot!.childNodes) frame.append(node.cloneNode(true));
  const walker = document.createTreeWalker(frame, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) (comment as Comment).remove();
  return frame;
}

/** A host whose shadow root has the element's style sheets and a copy of its frame. */
function styledLike(
  sheets: CSSStyleSheet[],
  frame: DocumentFragment,
): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  root.append(frame.cloneNode(true));
  return { host, root };
}

export const COLUMNS = ['Meddelandenr', 'Datum', 'Ämne', 'Status', 'Ansvarig'];
/** The mock server's reply time, which the officer's list states and measures Väntar sedan against. */
const REPLY_DAYS = 3;

/** One row of inbox-table.ts: a row header with the number's button, four cells, each labelled for the narrow layout. */
const rowPrototype = h(
  'tr',
  '',
  attrs(
    h('th', 'number', decoration(COLUMNS[0], 'cell-label'), attrs(h('button', 'open'), { type: 'button' })),
    {
      scope: 'row',
      role: 'rowheader',
    },
  ),
  attrs(h('td', 'date', decoration(COLUMNS[1], 'cell-label'), h('time', '')), { role: 'cell' }),
  attrs(h('td', 'subject', decoration(COLUMNS[2], 'cell-label'), h('bdi', '')), { role: 'cell' }),
  attrs(h('td', 'status', decoration(COLUMNS[3], 'cell-label')), { role: 'cell' }),
  attrs(h('td', 'assignee', decoration(COLUMNS[4], 'cell-label')), { role: 'cell' }),
);
rowPrototype.setAttribute('role', 'row');

/** A row's number (its button, with the attention marker) and date, as both rows write them. */
function numberAndDate(number: Element, date: Element, c: ConversationSummary, attention: boolean): void {
  const open = number.lastElementChild!;
  open.setAttribute('data-number', c.number);
  if (attention) open.append(decoration('●', 'marker'), h('span', '', c.number), hidden(' Behöver hanteras'));
  else open.append(h('span', '', c.number));
  const time = date.lastElementChild as HTMLTimeElement;
  time.dateTime = c.lastActivityAt;
  time.textContent = formatDate(c.lastActivityAt);
}

function handRow(c: ConversationSummary, side: Side): HTMLTableRowElement {
  const row = rowPrototype.cloneNode(true) as HTMLTableRowElement;
  const attention = needsAttention(c.status, side);
  row.className = attention ? 'row attention' : 'row';
  const [number, date, subject, status, assignee] = row.children;
  numberAndDate(number, date, c, attention);
  subject.lastElementChild!.textContent = c.subject.name;
  status.append(STATUS_WORDS[c.status]);
  if (c.assignee) {
    assignee.append(h('bdi', 'name', c.assignee.name), ' ', h('span', 'user-id', `(${c.assignee.id})`));
  } else {
    assignee.append(decoration('–'), hidden('Ingen ansvarig'));
  }
  return row;
}

export const OFFICER_COLUMNS = [
  'Meddelandenr',
  'Datum',
  'Organisation',
  'Ämne',
  'Status',
  'Väntar sedan',
  'Ansvarig',
];

/** A KPA officer's row of inbox-table.ts: the employer's cells, the organisation and Väntar sedan. */
const officerRowPrototype = h(
  'tr',
  '',
  rowPrototype.children[0]!.cloneNode(true),
  rowPrototype.children[1]!.cloneNode(true),
  attrs(
    h(
      'td',
      'organisation',
      decoration(OFFICER_COLUMNS[2], 'cell-label'),
      h('bdi', 'name'),
      ' ',
      h('span', 'org-number'),
    ),
    { role: 'cell' },
  ),
  rowPrototype.children[2]!.cloneNode(true),
  rowPrototype.children[3]!.cloneNode(true),
  attrs(h('td', 'waiting', decoration(OFFICER_COLUMNS[5], 'cell-label')), { role: 'cell' }),
  rowPrototype.children[4]!.cloneNode(true),
);
officerRowPrototype.setAttribute('role', 'row');

/** The officer's row by hand, Väntar sedan counted against the reply time as the element does. */
function handOfficerRow(c: ConversationSummary, replyDays: number, now: number): HTMLTableRowElement {
  const row = officerRowPrototype.cloneNode(true) as HTMLTableRowElement;
  const attention = needsAttention(c.status, 'kpa');
  row.className = attention ? 'row officer attention' : 'row officer';
  const [number, date, organisation, subject, status, waiting, assignee] = row.children;
  numberAndDate(number, date, c, attention);
  const n = c.organisation.organisationNumber;
  organisation.children[1]!.textContent = c.organisation.name;
  organisation.lastElementChild!.textContent = `${n.slice(0, 6)}-${n.slice(6)}`;
  subject.lastElementChild!.textContent = c.subject.name;
  status.append(attention ? 'Väntar på KPA' : c.status === 'closed' ? 'Avslutad' : 'Väntar på arbetsgivaren');
  if (!c.waitingSince) waiting.append(decoration('–'));
  else {
    const days = workingDaysSince(c.waitingSince, now);
    const words = days === 0 ? 'Sedan i dag' : days === 1 ? '1 arbetsdag' : `${days} arbetsdagar`;
    const since = h('time', days > replyDays ? 'overdue' : '', words);
    (since as HTMLTimeElement).dateTime = c.waitingSince;
    waiting.append(since);
    if (days > replyDays) waiting.append(' ', h('span', 'overdue-note', decoration('!'), ' Över svarstiden'));
  }
  if (c.assignee) {
    assignee.append(h('bdi', 'name', c.assignee.name), ' ', h('span', 'user-id', `(${c.assignee.id})`));
  } else {
    assignee.append(h('span', 'none', 'Ej tilldelad'));
  }
  return row;
}

/**
 * The inbox by hand: its frame with a placeholder row and the table busy; `show` then writes the
 * rows, the count and the range once a search has answered, as the element does.
 */
export function handInbox(
  frame: DocumentFragment,
  sheets: CSSStyleSheet[],
  side: Side,
): { host: HTMLElement; busy(): void; show(result: SearchResult): void } {
  const { host, root } = styledLike(sheets, frame);
  const body = root.querySelector('tbody')!;
  const region = root.querySelector('[role="region"]')!;
  const busy = () => region.setAttribute('aria-busy', 'true');
  busy();
  const columns = side === 'kpa' ? OFFICER_COLUMNS : COLUMNS;
  const cell = attrs(h('td', '', 'Hämtar meddelanden …'), { role: 'cell', colspan: String(columns.length) });
  body.append(attrs(h('tr', 'placeholder', cell), { role: 'row' }));
  body.addEventListener('click', (event) => {
    const number = (event.target as Element).closest('button.open')?.getAttribute('data-number');
    if (number) host.dispatchEvent(new CustomEvent('open', { detail: number }));
  });
  const count = root.querySelector('.count')!;
  const range = root.querySelector('.range')!;
  return {
    host,
    busy,
    show(result) {
      const now = Date.now();
      body.replaceChildren(
        ...result.items.map((c) => (side === 'kpa' ? handOfficerRow(c, REPLY_DAYS, now) : handRow(c, side))),
      );
      region.setAttribute('aria-busy', 'false');
      const total = result.total.toLocaleString('sv');
      count.textContent = `${total} meddelanden`;
      range.textContent = `Visar 1–${result.items.length} av ${total}`;
    },
  };
}

/** The author as the thread names them: "KPA Pension, Name" or "Name (USERID)", isolated. */
const author = (person: { side: Side; name: string; id: string }) =>
  person.side === 'kpa' ? `KPA Pension, ${isolated(person.name)}` : `${isolated(person.name)} (${person.id})`;

const messagePrototype = h(
  'li',
  'item',
  attrs(h('article', '', h('header', 'message-header', h('h4', 'author'), h('time', '')), h('div', 'body')), {
    tabindex: '-1',
  }),
);
messagePrototype.querySelector('.body')!.setAttribute('dir', 'auto');

const attachmentPrototype = h(
  'li',
  '',
  attrs(
    h(
      'button',
      'attachment',
      decoration('↓', 'attachment-icon'),
      h('span', '', hidden('Ladda ner '), h('span', 'file-name'), ' ', h('span', 'file-size')),
    ),
    { type: 'button', 'aria-disabled': 'false' },
  ),
  h('span', 'print-only'),
);

/** One message as thread-timeline.ts renders it, by hand. */
function handMessage(m: Message): HTMLLIElement {
  const item = messagePrototype.cloneNode(true) as HTMLLIElement;
  const article = item.firstElementChild as HTMLElement;
  const id = `message-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  article.className = `message ${m.author.side}`;
  article.id = id;
  article.setAttribute('aria-labelledby', `${id}-author ${id}-time`);
  const [header, body] = article.children;
  const [heading, time] = header.children as unknown as [HTMLElement, HTMLTimeElement];
  heading.id = `${id}-author`;
  heading.textContent = author(m.author);
  time.id = `${id}-time`;
  time.dateTime = m.sentAt;
  time.textContent = formatDateTime(m.sentAt);
  body.textContent = m.body;
  if (m.attachments.length > 0) {
    const list = attrs(h('ul', 'files attachments'), { 'aria-label': 'Bifogade filer' });
    for (const a of m.attachments) {
      const file = attachmentPrototype.cloneNode(true) as HTMLLIElement;
      const name = plainFileName(a.name);
      const size = `(${formatFileSize(a.size)})`;
      const button = file.firstElementChild!;
      button.setAttribute('data-attachment', a.id);
      button.querySelector('.file-name')!.textContent = name;
      button.querySelector('.file-size')!.textContent = size;
      file.lastElementChild!.textContent = `${name} ${size}`;
      list.append(file);
    }
    article.append(list);
  }
  return item;
}

const HISTORY_WORDS: Record<HistoryEntry['action'], string> = {
  claimed: 'arbetar med ärendet.',
  released: 'arbetar inte längre med ärendet.',
  'taken-over': 'tog över ärendet.',
  closed: 'markerade konversationen som avslutad.',
  reopened: 'återupptog konversationen genom att svara.',
};

function handHistory(entry: HistoryEntry): HTMLLIElement {
  const time = h('time', '', formatDateTime(entry.at)) as HTMLTimeElement;
  time.dateTime = entry.at;
  const words = `${author(entry.actor)} ${HISTORY_WORDS[entry.action]}`;
  return h(
    'li',
    'item history',
    h('p', '', decoration('●', 'history-mark'), ` ${words} `, time),
  ) as HTMLLIElement;
}

/**
 * The conversation by hand: its frame with a loading line at once, then, once the conversation
 * has come, the frame with its messages and history in time order, as the element does.
 */
export async function handThread(
  into: Element,
  frame: DocumentFragment,
  sheets: CSSStyleSheet[],
  load: Promise<Conversation>,
): Promise<void> {
  const loading = document.createDocumentFragment();
  const section = frame.firstElementChild!.cloneNode() as Element;
  section.append(frame.querySelector('h2')!.cloneNode(true), h('p', 'loading', 'Hämtar konversationen …'));
  loading.append(section);
  const { host, root } = styledLike(sheets, loading);
  into.append(host);
  const conversation = await load;
  root.replaceChildren(frame.cloneNode(true));
  const timeline = root.querySelector('ol.timeline')!;
  timeline.addEventListener('click', (event) => {
    const id = (event.target as Element).closest('button.attachment')?.getAttribute('data-attachment');
    if (id) host.dispatchEvent(new CustomEvent('download', { detail: id }));
  });
  const at = (iso: string) => Date.parse(iso) || 0;
  const items = [
    ...conversation.history.map((entry) => ({ at: at(entry.at), item: () => handHistory(entry) })),
    ...conversation.messages.map((message) => ({ at: at(message.sentAt), item: () => handMessage(message) })),
  ].sort((a, b) => a.at - b.at);
  timeline.append(...items.map((x) => x.item()));
}

/** The floor writes the manual's status words itself, as a hand-written page would. */
const STATUS_WORDS: Record<ConversationSummary['status'], string> = {
  new: 'Nytt meddelande',
  sent: 'Skickat',
  answered: 'Besvarat',
  'reply-received': 'Svar inkommit',
  closed: 'Avslutad',
};

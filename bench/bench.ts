/**
 * The browser half of `npm run bench`: each case measures the built elements (from dist/) beside
 * a floor doing the same work by hand in the same page, so that machine noise cancels. Data comes
 * from the mock backend's store through the REST adapter, answered in-page by the MSW handlers
 * (no service worker, no network), so both sides pay the same data cost. Each figure is the
 * median of ROUNDS runs taken in pairs with the floor's; the ratio is the median of the pairs'
 * ratios, so that a burst of machine load hits both sides of a pair.
 */
import { getResponse } from 'msw';
import '@kpa/secure-messages/define/secure-inbox.js';
import '@kpa/secure-messages/define/secure-thread.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import type { SecureInbox, SecureThread } from '@kpa/secure-messages';
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  isolated,
  needsAttention,
  plainFileName,
  type ConversationSummary,
  type Message,
  type SearchQuery,
  type Side,
} from '@kpa/secure-messages/domain';
import { createMockBackend } from '../mocks/index.js';
import { requestCases } from './requests.js';

/** The floor writes the manual's status words itself, as a hand-written page would. */
const STATUS_WORDS: Record<ConversationSummary['status'], string> = {
  new: 'Nytt meddelande',
  sent: 'Skickat',
  answered: 'Besvarat',
  'reply-received': 'Svar inkommit',
  closed: 'Avslutad',
};

declare global {
  interface Window {
    gc?: () => void;
    runBench: () => Promise<BenchResult[]>;
  }
}

/**
 * Timing budgets, from the spread measured on the 2-core runner while other test suites loaded it:
 * the highest ratio of ten runs plus 0.10, rounded up to 0.05 (README, Performance). The hoped-for
 * 1.15× did not hold run after run on a loaded machine, and CI must not fail on machine noise.
 */
const BUDGET = { inbox: 1.4, filter: 1.35, thread: 1.65 } as const;

export interface BenchResult {
  name: string;
  /** For requests per hour the floor is today's figure and the budget a number of requests. */
  unit: 'ms' | 'MB' | 'req/h';
  figure: number;
  floor: number;
  /** figure ÷ floor, or for timings the median of the paired rounds' ratios. */
  ratio: number;
  budget: number;
}

interface Comparison {
  figure: number;
  floor: number;
  ratio: number;
}

const ROUNDS = 31;
const BASE_URL = '/api/secure-messages/v1';

// Without live updates: these cases time rendering (requests.ts counts what the stream saves).
const backend = createMockBackend({
  seed: 3,
  size: 100_000,
  now: new Date('2026-03-02T09:00:00Z'),
  liveUpdates: false,
});
const adapter = createRestAdapter({
  baseUrl: BASE_URL,
  fetch: async (input, init) =>
    (await getResponse(backend.handlers, new Request(new URL(String(input), location.href), init))) ??
    new Response(null, { status: 404 }),
});

const stage = document.querySelector('#stage')!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Resolves after the next frame has been painted. */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/**
 * Resolves as soon as `predicate` holds: checked on every DOM change under the stage (shadow roots
 * included, as each is observed once it exists), so no polling delay is added to a figure.
 */
function until(predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observed = new WeakSet<Node>();
    const observer = new MutationObserver(() => {
      observeShadows(stage);
      if (predicate()) finish();
    });
    const observeShadows = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.shadowRoot && !observed.has(el.shadowRoot)) {
          observed.add(el.shadowRoot);
          observer.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
          observeShadows(el.shadowRoot);
        }
      }
    };
    const timer = setTimeout(() => {
      observer.disconnect();
      const el = stage.firstElementChild;
      reject(new Error(`bench: <${el?.localName}> never got there (${el ? rowsOf(el) : 0} rows)`));
    }, 60_000);
    const finish = () => {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    };
    observer.observe(stage, { childList: true, subtree: true, characterData: true });
    observeShadows(stage);
  });
}

/** Milliseconds from an emptied stage through `work` to the next painted frame. */
async function onEmptyStage(work: () => Promise<void>): Promise<number> {
  stage.replaceChildren();
  const t0 = performance.now();
  await work();
  await painted();
  return performance.now() - t0;
}

/**
 * Runs `ours` and `floor` in pairs, ROUNDS times each: their medians, and the median of each
 * pair's ratio.
 */
async function compare(ours: () => Promise<number>, floor: () => Promise<number>): Promise<Comparison> {
  const a: number[] = [];
  const b: number[] = [];
  await ours(); // warm-up: first render compiles templates and styles
  await floor();
  // In turns, each side going first every other round, so that neither always inherits the
  // other's garbage and dirty layout.
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      a.push(await ours());
      b.push(await floor());
    } else {
      b.push(await floor());
      a.push(await ours());
    }
  }
  return { figure: median(a), floor: median(b), ratio: median(a.map((x, i) => x / b[i])) };
}

// -------------------------------------------------------------------------------------------------
// The hand-written floors: the same rows and articles, each cloned from a prototype, no framework.
// Each writes its element's own markup into a shadow root with the element's style sheets, so the
// ratio is what the element adds, not the price of its design.

/** `<tag>` with these children, built once as the prototype to clone. */
function h(tag: string, ...children: Element[]): HTMLElement {
  const el = document.createElement(tag);
  el.append(...children);
  return el;
}

/**
 * A shadow root styled with the same style sheets as `tag`, holding `content`: the floors show the
 * same markup under the same CSS as the element, so a ratio measures what the element adds
 * (Lit, controllers, extra renders), not what the design costs in style, layout and paint.
 */
function styledLike(tag: string, content: Element): HTMLElement {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const styles = (customElements.get(tag) as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[] })
    .elementStyles;
  root.adoptedStyleSheets = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));
  root.append(content);
  return host;
}

const text = (tag: string, value: string, className = '') => {
  const el = h(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
};

const COLUMNS = ['Meddelandenr', 'Datum', 'Ämne', 'Status', 'Ansvarig'];

/** The inbox's table markup (inbox-table.ts), written by hand: region, caption, sort buttons. */
function tableShell(): { region: HTMLElement; body: HTMLTableSectionElement } {
  const region = h('div');
  region.id = 'results';
  region.className = 'table-scroll';
  region.setAttribute('role', 'region');
  region.setAttribute('aria-labelledby', 'caption');
  region.setAttribute('aria-busy', 'false');
  region.tabIndex = 0;
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.id = 'caption';
  caption.textContent = 'Meddelanden';
  const headRow = table.createTHead().insertRow();
  COLUMNS.forEach((label, i) => {
    const th = h('th', h('button', text('span', label), text('span', i === 1 ? '▼' : '↕', 'sort-icon')));
    th.setAttribute('scope', 'col');
    if (i === 1) {
      th.className = 'sorted';
      th.setAttribute('aria-sort', 'descending');
    }
    th.firstElementChild!.className = 'sort';
    headRow.append(th);
  });
  const body = table.createTBody();
  region.append(table);
  return { region, body };
}

const rowPrototype = h('tr', h('th', h('button')), h('td', h('time')), h('td', h('bdi')), h('td'), h('td'));
rowPrototype.children[0].setAttribute('scope', 'row');
rowPrototype.children[0].className = 'number';
rowPrototype.children[0].firstElementChild!.className = 'open';
rowPrototype.children[1].className = 'date';
rowPrototype.children[3].className = 'status';
rowPrototype.children[4].className = 'assignee';

function handRow(c: ConversationSummary, side: Side): HTMLTableRowElement {
  const row = rowPrototype.cloneNode(true) as HTMLTableRowElement;
  const attention = needsAttention(c.status, side);
  row.className = attention ? 'row attention' : 'row';
  const [number, date, subject, status, assignee] = row.children;
  const open = number.firstElementChild!;
  if (attention) {
    const marker = text('span', '●', 'marker');
    marker.setAttribute('aria-hidden', 'true');
    open.append(marker, text('span', c.number), text('span', ' Behöver hanteras', 'visually-hidden'));
  } else {
    open.append(text('span', c.number));
  }
  const time = date.firstElementChild as HTMLTimeElement;
  time.dateTime = c.lastActivityAt;
  time.textContent = formatDate(c.lastActivityAt);
  subject.firstElementChild!.textContent = c.subject.name;
  status.textContent = STATUS_WORDS[c.status];
  if (c.assignee) {
    assignee.append(text('bdi', c.assignee.name, 'name'), ' ', text('span', `(${c.assignee.id})`, 'user-id'));
  } else {
    const dash = text('span', '–');
    dash.setAttribute('aria-hidden', 'true');
    assignee.append(dash, text('span', 'Ingen ansvarig', 'visually-hidden'));
  }
  return row;
}

/** The same 100 rows as `<secure-inbox>` renders, in the same markup and style sheets, by hand. */
function handTable(items: readonly ConversationSummary[]): HTMLElement {
  const { region, body } = tableShell();
  const side = backend.currentUser().side;
  for (const c of items) body.append(handRow(c, side));
  return styledLike('secure-inbox', region);
}

const itemPrototype = h('li', h('article', h('header', h('h4'), h('time')), h('div')));
itemPrototype.className = 'item';
itemPrototype.querySelector('header')!.className = 'message-header';
itemPrototype.querySelector('h4')!.className = 'author';
itemPrototype.querySelector('div')!.className = 'body';
itemPrototype.querySelector('div')!.dir = 'auto';

/** The author as the thread names them: "KPA Pension, Name" or "Name (USERID)", isolated. */
const author = (m: Message) =>
  m.author.side === 'kpa'
    ? `KPA Pension, ${isolated(m.author.name)}`
    : `${isolated(m.author.name)} (${m.author.id})`;

/** One message as `<secure-thread>` renders it (thread-timeline.ts), written by hand. */
function handArticle(m: Message): HTMLLIElement {
  const item = itemPrototype.cloneNode(true) as HTMLLIElement;
  const article = item.firstElementChild as HTMLElement;
  const id = `message-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  article.className = `message ${m.author.side}`;
  article.id = id;
  article.tabIndex = -1;
  article.setAttribute('aria-labelledby', `${id}-author ${id}-time`);
  const heading = article.querySelector('h4')!;
  heading.id = `${id}-author`;
  heading.textContent = author(m);
  const time = article.querySelector('time')!;
  time.id = `${id}-time`;
  time.dateTime = m.sentAt;
  time.textContent = formatDateTime(m.sentAt);
  article.querySelector('div')!.textContent = m.body;
  if (m.attachments.length > 0) {
    const list = h('ul');
    list.className = 'attachments';
    list.setAttribute('aria-label', 'Bilagor');
    for (const a of m.attachments) {
      const name = plainFileName(a.name);
      const button = h('button', text('span', `${name} (${formatFileSize(a.size)})`, 'file-name'));
      button.className = 'attachment';
      button.setAttribute('aria-disabled', 'false');
      list.append(h('li', button));
    }
    article.append(list);
  }
  return item;
}

/** The same 500 articles as `<secure-thread>` renders, in the same markup and style sheets, by hand. */
function handList(messages: readonly Message[]): HTMLElement {
  const list = document.createElement('ol');
  list.className = 'timeline';
  for (const m of messages) list.append(handArticle(m));
  return styledLike('secure-thread', list);
}

// -------------------------------------------------------------------------------------------------
// Cases

function query(text = ''): SearchQuery {
  return {
    filters: {
      subjectId: null,
      messageNumber: '',
      assigneeId: '',
      text,
      statuses: ['new', 'sent', 'answered', 'reply-received'],
    },
    sort: { key: 'date', direction: 'desc' },
    page: 1,
    pageSize: 100,
  };
}

function newInbox(): SecureInbox {
  const el = document.createElement('secure-inbox');
  el.debounce = 0;
  el.adapter = adapter;
  el.query = query();
  return el;
}

const rowsOf = (el: Element) => el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;

async function inboxRender(): Promise<BenchResult> {
  const timing = await compare(
    () =>
      onEmptyStage(async () => {
        const el = newInbox();
        stage.append(el);
        await until(() => rowsOf(el) === 100);
      }),
    () =>
      onEmptyStage(async () => {
        const result = await adapter.searchConversations(query(), new AbortController().signal);
        stage.append(handTable(result.items));
      }),
  );
  return {
    name: 'inbox: connected → 100 rows painted (100,000 conversations)',
    unit: 'ms',
    ...timing,
    budget: BUDGET.inbox,
  };
}

/**
 * A personnummer the seed writes in the signed-in user's conversations, typed in another form (10
 * digits, no dash), picked so that it matches the fewest of them: a search that narrows the list.
 */
function searchText(): string {
  const user = backend.currentUser();
  let best = { text: '', total: Infinity };
  const seen = new Set<string>();
  for (const record of backend.store.records().slice(-2000)) {
    for (const [, date, digits] of record.messages[0].body.matchAll(/(?:19|20)?(\d{6})-(\d{4})/g)) {
      const text = `${date}${digits}`;
      if (seen.has(text)) continue;
      seen.add(text);
      const total = backend.store.search(user, query(text)).total;
      if (total > 0 && total < best.total) best = { text, total };
    }
  }
  if (!best.text) throw new Error('bench: no personnummer in the seed');
  return best.text;
}

async function filterKeystroke(): Promise<BenchResult> {
  const text = searchText();
  const el = newInbox();
  stage.replaceChildren(el);
  await until(() => rowsOf(el) === 100);
  // The filtered list is painted when the pager says how many match ("Visar 1–100 av N").
  const total = backend.store.search(backend.currentUser(), query(text)).total;
  const says = (n: number) =>
    (el.shadowRoot!.querySelector('.range')?.textContent ?? '').replace(/\s/g, '').endsWith(`av${n}`);
  const timing = await compare(
    async () => {
      el.query = query();
      await until(() => !says(total) && rowsOf(el) === 100);
      await painted();
      const t0 = performance.now();
      el.query = query(text); // what a keystroke in Meddelandetext sets, debounce 0
      await until(() => says(total) && rowsOf(el) === Math.min(total, 100));
      await painted();
      return performance.now() - t0;
    },
    async () => {
      stage.append(handTable([]));
      await painted();
      const t0 = performance.now();
      const result = await adapter.searchConversations(query(text), new AbortController().signal);
      stage.lastElementChild!.replaceWith(handTable(result.items));
      await painted();
      const elapsed = performance.now() - t0;
      stage.lastElementChild!.remove();
      return elapsed;
    },
  );
  return {
    name: 'filter keystroke → rows painted (100,000 conversations)',
    unit: 'ms',
    ...timing,
    budget: BUDGET.filter,
  };
}

async function storeTextQuery(): Promise<BenchResult> {
  const text = searchText();
  const user = backend.currentUser();
  const bodies = backend.store.records().map((r) => r.messages.map((m) => m.body).join('\n'));
  const timing = await compare(
    async () => {
      const t0 = performance.now();
      backend.store.search(user, query(text));
      return performance.now() - t0;
    },
    async () => {
      const t0 = performance.now();
      let hits = 0;
      for (const body of bodies) if (body.includes(text)) hits++;
      if (hits < 0) throw new Error('unreachable');
      return performance.now() - t0;
    },
  );
  return {
    name: "store's text query vs a linear includes scan (100,000)",
    unit: 'ms',
    ...timing,
    budget: 1.0,
  };
}

async function threadRender(): Promise<BenchResult> {
  // Every number of the 100,000 is taken: grow one of the user's conversations to 500 messages.
  const user = backend.currentUser();
  const record = backend.store.records().find((r) => backend.store.isVisible(user, r))!;
  const number = record.summary.number;
  for (let i = record.messages.length + 1; i <= 500; i++) {
    backend.store.reply(
      user,
      number,
      { body: `Meddelande ${i} av 500. Lönerapporteringen för mars.`, files: [] },
      `bench-${i}`,
    );
  }
  const articles = (el: Element) => el.shadowRoot?.querySelectorAll('article').length ?? 0;
  const timing = await compare(
    () =>
      onEmptyStage(async () => {
        const el = document.createElement('secure-thread') as SecureThread;
        el.pollInterval = 0;
        el.adapter = adapter;
        el.number = number;
        stage.append(el);
        await until(() => articles(el) === 500);
      }),
    () =>
      onEmptyStage(async () => {
        const conversation = await adapter.getConversation(number, new AbortController().signal);
        stage.append(handList(conversation.messages));
      }),
  );
  return { name: 'thread: 500 messages painted', unit: 'ms', ...timing, budget: BUDGET.thread };
}

async function heapAfterInbox(): Promise<BenchResult> {
  const heap = async () => {
    for (let i = 0; i < 3; i++) window.gc?.();
    await painted();
    return (
      (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1048576
    );
  };
  stage.replaceChildren();
  const result = await adapter.searchConversations(query(), new AbortController().signal);
  stage.append(handTable(result.items));
  const floor = await heap();
  stage.replaceChildren();
  const el = newInbox();
  stage.append(el);
  await until(() => rowsOf(el) === 100);
  const figure = await heap();
  stage.replaceChildren();
  return {
    name: 'JS heap after the inbox render (store included)',
    unit: 'MB',
    figure,
    floor,
    ratio: figure / floor,
    budget: 1.5,
  };
}

window.runBench = async () => {
  // Building the 100,000-conversation store leaves much garbage: collect it before the first case.
  window.gc?.();
  await painted();
  return [
    await inboxRender(),
    await filterKeystroke(),
    await storeTextQuery(),
    await threadRender(),
    await heapAfterInbox(),
    ...(await requestCases()),
  ];
};

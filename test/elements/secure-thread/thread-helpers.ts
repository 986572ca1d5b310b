/**
 * Helpers for the <secure-thread> tests: rendering against the mock backend, picking seeded
 * conversations, and finding controls the way a user does — by role and accessible name.
 */
import { fixture, html } from '@open-wc/testing';
import { MOCK_USER_IDS, type MockBackend } from '../../../mocks/index.js';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import type { ConversationRecord } from '../../../mocks/store.js';
import type { Status, User } from '../../../src/domain/index.js';
import '../../../src/define/secure-thread.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import { eventually, intercept } from '../helpers.js';

export { eventually, intercept, useMockBackend } from '../helpers.js';
export { field, normalise, root, spokenText } from '../queries.js';
import { field, normalise, root, spokenText } from '../queries.js';
export { MOCK_USER_IDS };

export interface ThreadOptions {
  pollInterval?: number;
  retryDelays?: readonly number[];
  sendTimeout?: number;
}

/** Renders a thread with polling off (unless asked) and fast retries. */
export async function renderThread(
  adapter: SecureMessagesAdapter,
  number: string,
  options: ThreadOptions = {},
): Promise<SecureThread> {
  return fixture<SecureThread>(
    html`<secure-thread
      number=${number}
      .adapter=${adapter}
      .pollInterval=${options.pollInterval ?? 0}
      .retryDelays=${options.retryDelays ?? [20, 40]}
      .sendTimeout=${options.sendTimeout ?? 2000}
    ></secure-thread>`,
  );
}

function accessibleName(b: Element): string {
  return normalise(b.getAttribute('aria-label') ?? spokenText(b));
}

/** Buttons outside closed dialogs (what a user can reach). */
function reachableButtons(el: SecureThread): HTMLButtonElement[] {
  return [...root(el).querySelectorAll('button')].filter((b) => {
    const dialog = b.closest('dialog');
    return !dialog || dialog.open;
  });
}

/** The button whose accessible name is `name` (exactly, after normalising white space). */
export function button(el: SecureThread, name: string): HTMLButtonElement {
  const found = reachableButtons(el).find((b) => accessibleName(b) === name);
  if (!found)
    throw new Error(
      `no button named "${name}"; have ${reachableButtons(el).map(accessibleName).join(' | ')}`,
    );
  return found;
}

export function hasButton(el: SecureThread, name: string): boolean {
  return reachableButtons(el).some((b) => accessibleName(b) === name);
}

export function hasField(el: SecureThread, label: string): boolean {
  try {
    field(el, label);
    return true;
  } catch {
    return false;
  }
}

export function claimBox(el: SecureThread): HTMLInputElement {
  return field<HTMLInputElement>(el, 'Jag arbetar med ärendet');
}

export function body(el: SecureThread): HTMLTextAreaElement {
  return field<HTMLTextAreaElement>(el, 'Meddelande');
}

/** The value of a row of the details list (Meddelandenummer, Ämne, Status, Ansvarig handläggare); '' while loading. */
export function detail(el: SecureThread, term: string): string {
  // While (re)loading there is no list yet: nothing to read, which no expected value equals.
  if (!root(el).querySelector('dl.details')) return '';
  for (const dt of root(el).querySelectorAll('dl dt')) {
    if (normalise(dt.textContent) === term) return normalise(dt.nextElementSibling?.textContent);
  }
  throw new Error(`no detail "${term}"`);
}

export function articles(el: SecureThread): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('ol.timeline article')];
}

/** The timeline as texts: "message: author | time | body" or "history: text". */
export function timeline(el: SecureThread): string[] {
  return [...root(el).querySelectorAll('ol.timeline > li')].map((li) => {
    const article = li.querySelector('article');
    if (!article) return `history: ${normalise(spokenText(li))}`;
    return `message: ${normalise(article.querySelector('h4')?.textContent)}`;
  });
}

export function announcer(el: SecureThread): HTMLElement {
  const region = root(el).querySelector<HTMLElement>('.announcer');
  if (!region) throw new Error('no live region');
  return region;
}

export function alertText(el: SecureThread): string {
  return [...root(el).querySelectorAll('[role="alert"]')].map((a) => normalise(a.textContent)).join(' ');
}

export function dialog(el: SecureThread, id: 'take-over-dialog' | 'close-dialog'): HTMLDialogElement {
  const found = root(el).querySelector<HTMLDialogElement>(`#${id}`);
  if (!found) throw new Error(`no dialog ${id}`);
  return found;
}

export function openDialog(el: SecureThread): HTMLDialogElement | undefined {
  return [...root(el).querySelectorAll('dialog')].find((d) => d.open);
}

/** Waits until the conversation is on screen (or a load problem, or the signed-out view). */
export async function loaded(el: SecureThread): Promise<void> {
  await eventually(
    () => root(el).querySelector('dl.details') || root(el).querySelector('.load-problem, .signed-out'),
    'the thread did not load',
  );
  await el.updateComplete;
}

/** Waits until the reply form is there (it needs the server config). */
export async function formReady(el: SecureThread): Promise<void> {
  await loaded(el);
  await eventually(() => hasField(el, 'Meddelande'), 'the reply form did not appear');
  await el.updateComplete;
}

export function user(backend: MockBackend, id: string): User {
  const found = backend.users.find((u) => u.id === id);
  if (!found) throw new Error(`no user ${id}`);
  return found;
}

/** A seeded conversation the current user sees and that matches `predicate`. */
export function pick(backend: MockBackend, predicate: (r: ConversationRecord) => boolean): string {
  const current = backend.currentUser();
  const organisation = current.organisation?.customerNumber ?? '0000';
  const record = backend.store
    .records()
    .find(
      (r) =>
        backend.store.isVisible(current, r) &&
        r.summary.organisation.customerNumber === organisation &&
        predicate(r),
    );
  if (!record) throw new Error('no such conversation in the seed');
  return record.summary.number;
}

/** An unassigned conversation in this status, of the home organisation. */
export function unassigned(backend: MockBackend, status: Status): string {
  return pick(backend, (r) => r.summary.status === status && r.summary.assignee === null);
}

/** Does something in the store as another user would from another browser (no adapter involved). */
export function asUser<T>(backend: MockBackend, id: string, action: (u: User) => T): T {
  return action(user(backend, id));
}

/** Types into the reply as a user would: sets the value and fires input. */
export async function typeReply(el: SecureThread, text: string): Promise<void> {
  const textarea = body(el);
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

export function chooseFiles(el: SecureThread, files: File[]): void {
  const input = field<HTMLInputElement>(el, 'Bifoga fil');
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function messagesIn(backend: MockBackend, number: string): number {
  return backend.store.peek(number)!.messages.length;
}

export function focused(el: SecureThread): Element | null {
  return root(el).activeElement;
}

export interface TrackedAdapter {
  adapter: SecureMessagesAdapter;
  /** Calls of the tracked method so far. */
  calls(): number;
  /** Calls not yet answered (or failed). */
  inFlight(): number;
  /** Resolves once every call made so far has been answered or has failed. */
  settled(): Promise<void>;
}

/** The adapter, with the calls of one of its methods counted and their answers awaitable. */
export function tracked(adapter: SecureMessagesAdapter, method: keyof SecureMessagesAdapter): TrackedAdapter {
  const answers: Promise<unknown>[] = [];
  let inFlight = 0;
  const proxy = intercept(adapter, method, (own) => {
    const call = (...args: unknown[]) => {
      inFlight++;
      const answer = Promise.resolve((own as (...a: unknown[]) => unknown)(...args)).finally(
        () => inFlight--,
      );
      answers.push(answer.catch(() => undefined));
      return answer;
    };
    return call as typeof own;
  });
  return {
    adapter: proxy,
    calls: () => answers.length,
    inFlight: () => inFlight,
    settled: async () => {
      await Promise.all(answers);
    },
  };
}

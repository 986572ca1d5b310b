import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { isAbortError, isErrorKind } from '../adapter/errors.js';
import type { ConversationFilters, PageSize, SearchQuery, SearchResult, SortKey } from '../domain/query.js';
import type { ServerConfig } from '../domain/config.js';
import { findOrganisation, organisationLabel } from '../domain/organisations.js';
import type { Organisation, Subject, User } from '../domain/types.js';
import { InboxFilters, type InboxHost } from './inbox-filters.js';
import {
  cloneQuery,
  defaultInboxQuery,
  nextSort,
  recallInbox,
  rememberInbox,
  sameFilters,
  sanitiseQuery,
} from './inbox-query.js';
import { LoadController, type LoadOptions } from './load-controller.js';
import { currentUser, organisations, serverConfig, signedOutError, subjects } from './session.js';

export type { InboxHost } from './inbox-filters.js';

export interface InboxControllerOptions extends LoadOptions {
  /** The user changed the query and a new search goes out (not called for `query` set by the host). */
  onQueryChange?: (query: SearchQuery) => void;
}

/**
 * How long a new search may take, with rows already on screen, before the list is marked busy:
 * a quicker answer replaces the rows in one repaint, without the busy bar flashing in between.
 */
export const BUSY_DELAY = 200;

/** idle: no adapter yet; loading: a search is under way; the rest: how the last search ended. */
export type InboxState = 'idle' | 'loading' | 'complete' | 'error' | 'auth-required';

type Args = [SecureMessagesAdapter | undefined, SearchQuery];

/**
 * Owns the inbox's async state: the current user and subjects (loaded once per adapter), the
 * filters the user is editing (inbox-filters.ts), the query last applied (`query`), and the search.
 *
 * A newer query aborts the older search, and an answer for an older query is dropped, so a slow
 * old answer never replaces a newer one (load-controller.ts). Filtering, sorting and paging all
 * happen on the server.
 *
 * The applied query is remembered in memory per adapter instance (see inbox-query.ts), so a new
 * inbox on the same adapter resumes where the user was.
 */
export class InboxController extends LoadController<Args, SearchResult> {
  /** The signed-in user, once loaded. */
  user: User | undefined = undefined;
  /** Ämnen for the filter, once loaded. */
  subjects: Subject[] = [];
  /** KPA staff: the organisations to filter by, once loaded. */
  organisations: Organisation[] = [];
  /** KPA staff: the server's settings (the reply time that Väntar sedan is measured against), once loaded. */
  config: ServerConfig | undefined = undefined;
  /** The Organisation filter's text while the user types, until it chooses (undefined: the chosen one's label). */
  #organisationText: string | undefined = undefined;
  /** The user chose by text that names no organisation (cleared by the next keystroke). */
  #organisationRejected = false;

  readonly #options: InboxControllerOptions;
  readonly #filters: InboxFilters;
  #applied = defaultInboxQuery();
  #filtersOpen = false;
  #adapter: SecureMessagesAdapter | undefined = undefined;
  /** The host set `query` (or `filtersOpen`) itself: do not replace it with a remembered one. */
  #explicitQuery = false;
  #explicitOpen = false;
  #busyTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** The search under way has taken longer than BUSY_DELAY. */
  #slow = false;
  #lastResult: SearchResult | undefined = undefined;
  #lastError: unknown = undefined;

  constructor(host: InboxHost, options: InboxControllerOptions) {
    super(host, options, {
      ended: (event) => (event === 'forgotten' ? this.#startAfresh() : this.#signedOut()),
      userChanged: () => this.#startAfresh(),
      resumed: () => {
        this.#lastError = undefined;
        this.#remember();
        this.run();
      },
      // Another element changed a conversation (sent, claimed, closed …): show the list as it is now.
      changed: () => {
        if (!this.signedOut) this.run(true);
      },
      // The live stream told of a change (a new conversation, a status, an assignee) elsewhere.
      live: (news) => {
        if ((news.type === 'conversation' || news.type === 'reset') && !this.signedOut) this.run(true);
      },
    });
    this.#options = options;
    this.#filters = new InboxFilters(host, this.#applied.filters, (filters) => {
      if (!sameFilters(filters, this.#applied.filters)) this.#commit({ ...this.#applied, filters, page: 1 });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // State for rendering

  /** A copy of the applied query (what the list shows, or is loading). */
  get query(): SearchQuery {
    return cloneQuery(this.#applied);
  }

  /**
   * Sets the query from outside. Valid filters are applied at once; invalid ones stay in the
   * draft with their errors shown, and nothing is sent.
   */
  set query(value: SearchQuery) {
    const next = sanitiseQuery(value);
    this.#explicitQuery = true;
    if (this.#filters.replace(next.filters)) this.#applied = next;
    this.#remember();
    this.host.requestUpdate();
  }

  get filtersOpen(): boolean {
    return this.#filtersOpen;
  }

  set filtersOpen(open: boolean) {
    this.#explicitOpen = true;
    this.#filtersOpen = open;
    this.#remember();
    this.host.requestUpdate();
  }

  /** The filters as the user is typing them (see inbox-filters.ts). */
  get draft(): ConversationFilters {
    return this.#filters.draft;
  }

  /** Why each invalid filter field is not accepted; the element words it. */
  get errors(): InboxFilters['errors'] {
    return this.#filters.errors;
  }

  get state(): InboxState {
    if (this.signedOut) return this.#lastError === undefined ? 'loading' : 'auth-required';
    const phase = this.phase;
    if (phase !== 'error') return phase;
    if (isAbortError(this.task.error)) return 'loading';
    return isErrorKind(this.task.error, 'auth-required') ? 'auth-required' : 'error';
  }

  /**
   * Whether to show, visibly, that a search is under way (the bar, "Hämtar meddelanden …"): at
   * once while no rows are shown yet, otherwise once the search has taken longer than BUSY_DELAY.
   * (aria-busy follows `state` at once: it costs no repaint.)
   */
  get showsLoading(): boolean {
    const state = this.state;
    if (state === 'idle') return true;
    return state === 'loading' && (this.#lastResult === undefined || this.#slow);
  }

  /** The last successful result; kept while a newer search loads, so the table does not jump. */
  get result(): SearchResult | undefined {
    return this.#lastResult;
  }

  /** Why the last search failed; cleared by the next success (kept while retrying). */
  get error(): unknown {
    return this.#lastError;
  }

  /** The last page for the known total (1 when nothing is known yet). */
  get lastPage(): number {
    const total = this.#lastResult?.total ?? 0;
    return Math.max(1, Math.ceil(total / this.#applied.pageSize));
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  /** Changes filters in the draft: `debounced` (typing) or `now` (Enter, a select or checkbox). */
  editFilters(patch: Partial<ConversationFilters>, when: 'debounced' | 'now'): void {
    this.#filters.edit(patch, when);
  }

  /** Validates the draft; a valid draft that differs is searched from page 1. False when invalid (nothing is sent). */
  applyFilters(): boolean {
    return this.#filters.apply();
  }

  /** The Organisation filter's text: what the user is typing, or the chosen organisation's label. */
  get organisationText(): string {
    if (this.#organisationText !== undefined) return this.#organisationText;
    const chosen = this.organisations.find((o) => o.customerNumber === this.draft.customerNumber);
    return chosen ? organisationLabel(chosen) : (this.draft.customerNumber ?? '');
  }

  /** True when the user chose by text that names no organisation (said once they choose, not while they type). */
  get organisationUnknown(): boolean {
    return this.#organisationRejected;
  }

  /** A keystroke in the Organisation filter: kept as typed, nothing searched yet. */
  inputOrganisation(text: string): void {
    this.#organisationText = text;
    this.#organisationRejected = false;
    this.host.requestUpdate();
  }

  /**
   * The Organisation filter chooses by its text (a suggestion picked, Enter, or leaving it): the
   * organisation it names, or every organisation when it is empty. Text that names none stays, and
   * `organisationUnknown` says so; the list is not filtered by it.
   */
  commitOrganisation(text: string): void {
    const found = findOrganisation(this.organisations, text);
    this.#organisationText = found || text.trim() === '' ? undefined : text;
    this.#organisationRejected = this.#organisationText !== undefined;
    if (found || text.trim() === '')
      this.editFilters({ customerNumber: found?.customerNumber ?? null }, 'now');
    else this.host.requestUpdate();
  }

  /** Back to the default filters (sort and page size stay). */
  resetFilters(): void {
    this.#organisationText = undefined;
    this.#organisationRejected = false;
    this.#filters.replace(defaultInboxQuery().filters);
    this.#filters.apply();
  }

  /** Sorts by a column: the current column flips direction; another starts in its natural one. */
  sortBy(key: SortKey): void {
    this.#commit({ ...this.#applied, sort: nextSort(this.#applied.sort, key), page: 1 });
  }

  goToPage(page: number): void {
    const target = Math.min(Math.max(1, Math.trunc(page)), this.lastPage);
    if (target !== this.#applied.page) this.#commit({ ...this.#applied, page: target });
  }

  setPageSize(pageSize: PageSize): void {
    if (pageSize === this.#applied.pageSize) return;
    // Keep the first row on screen in view: go to the page that contains it.
    const firstRow = (this.#applied.page - 1) * this.#applied.pageSize;
    this.#commit({ ...this.#applied, pageSize, page: Math.floor(firstRow / pageSize) + 1 });
  }

  /**
   * Runs the same query again (Försök igen); also reloads the user and subjects if they failed.
   * After the session ended, it first asks who is signed in now; the session's `resumed` then
   * searches again in every element on the adapter.
   */
  retry(): void {
    this.retryLoad((error) => (this.#lastError = error));
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  override hostConnected(): void {
    // The session ended while this element was away (or before it came).
    if (this.signedOut && (this.#lastResult || this.user)) this.#signedOut();
    super.hostConnected();
  }

  override hostDisconnected(): void {
    this.#filters.cancel();
    this.#settled();
    super.hostDisconnected();
  }

  hostUpdate(): void {
    const adapter = this.#options.adapter();
    if (adapter === this.#adapter) return;
    this.#adapter = adapter;
    this.user = undefined;
    this.subjects = [];
    this.organisations = [];
    this.config = undefined;
    this.#lastResult = undefined;
    this.#lastError = undefined;
    if (!adapter) return;
    const remembered = recallInbox(adapter);
    if (remembered && !this.#explicitQuery) {
      this.#applied = remembered.query;
      this.#filters.replace(remembered.query.filters);
    }
    if (remembered && !this.#explicitOpen) this.#filtersOpen = remembered.filtersOpen;
    this.#explicitQuery = false;
    this.#explicitOpen = false;
    this.#remember();
  }

  #commit(next: SearchQuery): void {
    this.#applied = next;
    this.#remember();
    this.host.requestUpdate();
    this.#options.onQueryChange?.(cloneQuery(next));
  }

  #remember(): void {
    if (this.#adapter) rememberInbox(this.#adapter, { query: this.#applied, filtersOpen: this.#filtersOpen });
  }

  protected args(): Args {
    return [this.#adapter, this.#applied];
  }

  protected async load(
    [adapter, query]: [SecureMessagesAdapter, SearchQuery],
    signal: AbortSignal,
    background: boolean,
  ): Promise<SearchResult> {
    this.#settled();
    this.#busyTimer = setTimeout(() => {
      this.#slow = true;
      this.host.requestUpdate();
    }, BUSY_DELAY);
    // The user and the Ämnen are asked for once per adapter (session.ts) and shown as soon as they
    // are there (e.g. the Ämne options), even while a slow search is still under way.
    // KPA staff also filter by organisation and read Väntar sedan against the reply time.
    const context = Promise.all([currentUser(adapter, signal), subjects(adapter, signal)]).then(
      async ([user, subjects]) => {
        const [organisationList, config] =
          user.side === 'kpa'
            ? await Promise.all([organisations(adapter, signal), serverConfig(adapter, signal)])
            : [[], undefined];
        if (adapter !== this.#adapter || this.signedOut) return;
        this.user = user;
        this.subjects = subjects;
        this.organisations = organisationList;
        this.config = config;
        this.host.requestUpdate();
      },
    );
    const [, result] = await Promise.all([
      context,
      adapter.searchConversations(cloneQuery(query), signal, { background }),
    ]);
    return result;
  }

  /** The search under way ended (or a newer one starts): no longer slow. */
  #settled(): void {
    clearTimeout(this.#busyTimer);
    this.#busyTimer = undefined;
    this.#slow = false;
  }

  protected completed(result: SearchResult): void {
    this.#settled();
    this.session.settled();
    this.#lastError = undefined;
    this.#lastResult = result;
    // The page is past the end (rows were closed elsewhere, or a remembered page): show the last one.
    if (result.items.length === 0 && result.total > 0 && this.#applied.page > 1) {
      this.#applied = { ...this.#applied, page: this.lastPage };
      this.#remember();
      this.host.requestUpdate();
    }
  }

  protected failed(error: unknown): void {
    if (isAbortError(error)) return;
    this.#settled();
    this.session.authFailed(error);
    this.#lastError = error;
  }

  /** The session ended for the host, or someone else signed in: the remembered query went with it. */
  #startAfresh(): void {
    this.#applied = defaultInboxQuery();
    this.#filters.replace(this.#applied.filters);
    this.#filtersOpen = false;
    this.#organisationText = undefined;
    this.#organisationRejected = false;
    this.#signedOut();
  }

  /**
   * The session ended: the rows, the user and the Ämnen are dropped from the controller and its
   * task, nothing is searched (no refresh after changes elsewhere) until Försök igen.
   */
  #signedOut(): void {
    this.#filters.cancel();
    this.#settled();
    this.user = undefined;
    this.subjects = [];
    this.organisations = [];
    this.config = undefined;
    this.#lastResult = undefined;
    this.#lastError = signedOutError();
    this.dropAnswer();
    this.host.requestUpdate();
  }
}

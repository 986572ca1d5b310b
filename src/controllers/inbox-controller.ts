import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter } from '../adapter/adapter.js';
import { isAbortError, isErrorKind } from '../adapter/errors.js';
import { validateFilters, type FilterField } from '../domain/filters.js';
import type { ConversationFilters, PageSize, SearchQuery, SearchResult, SortKey } from '../domain/query.js';
import type { Subject, User } from '../domain/types.js';
import type { ValidationProblem } from '../domain/validators.js';
import {
  cloneFilters,
  cloneQuery,
  defaultInboxQuery,
  nextSort,
  recallInbox,
  rememberInbox,
  sameFilters,
  sanitiseQuery,
} from './inbox-query.js';
import { currentUser, subjects } from './session.js';
import { ResumableTask, taskPhase } from './resumable-task.js';
import { SessionLink, signedOutError } from './session-link.js';

/** What the inbox controller needs from its element. */
export interface InboxHost extends ReactiveControllerHost {
  /** Milliseconds between the last keystroke in a text filter and the search. */
  readonly debounce: number;
}

export interface InboxControllerOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The user changed the query and a new search goes out (not called for `query` set by the host). */
  onQueryChange?: (query: SearchQuery) => void;
  /** The backend answered 401; called once until a search succeeds or the user retries. */
  onAuthRequired?: () => void;
}

/**
 * How long a new search may take, with rows already on screen, before the list is marked busy:
 * a quicker answer replaces the rows in one repaint, without the busy bar flashing in between.
 */
export const BUSY_DELAY = 200;

/** idle: no adapter yet; loading: a search is under way; the rest: how the last search ended. */
export type InboxState = 'idle' | 'loading' | 'complete' | 'error' | 'auth-required';

type FilterErrors = Partial<Record<FilterField, ValidationProblem>>;

/**
 * Owns the inbox's async state: the current user and subjects (loaded once per adapter), the
 * query the user is editing (`draft`) and the one last applied (`query`), and the search itself.
 *
 * Every search runs through a `@lit/task` Task with its AbortSignal: a newer query aborts the
 * older request, and an answer that arrives for an older query is dropped, so a slow old answer
 * never replaces a newer one. Filtering, sorting and paging all happen on the server.
 *
 * The applied query is remembered in memory per adapter instance (see inbox-query.ts), so a new
 * inbox on the same adapter resumes where the user was.
 */
export class InboxController implements ReactiveController {
  /** The filters as the user is typing them; applied after validation. */
  draft: ConversationFilters;
  /** Why each invalid filter field is not accepted (from the last attempt to apply); the element words it. */
  errors: FilterErrors = {};
  /** The signed-in user, once loaded. */
  user: User | undefined = undefined;
  /** Ämnen for the filter, once loaded. */
  subjects: Subject[] = [];

  readonly #host: InboxHost;
  readonly #options: InboxControllerOptions;
  readonly #task: Task<[SecureMessagesAdapter | undefined, SearchQuery], SearchResult>;
  #applied: SearchQuery;
  #filtersOpen = false;
  #adapter: SecureMessagesAdapter | undefined = undefined;
  /** The host set `query` (or `filtersOpen`) itself: do not replace it with a remembered one. */
  #explicitQuery = false;
  #explicitOpen = false;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #busyTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** The search under way has taken longer than BUSY_DELAY. */
  #slow = false;
  #lastResult: SearchResult | undefined = undefined;
  #lastError: unknown = undefined;
  #connected = false;
  /** A search cut short because the element left the page runs again when it comes back. */
  readonly #resumable: ResumableTask;
  /** The next search was asked for by no user (a change elsewhere). */
  #background = false;
  readonly #session: SessionLink;

  constructor(host: InboxHost, options: InboxControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#applied = defaultInboxQuery();
    this.draft = cloneFilters(this.#applied.filters);
    this.#session = new SessionLink({
      ended: (event) => (event === 'forgotten' ? this.#startAfresh() : this.#signedOut()),
      userChanged: () => this.#startAfresh(),
      resumed: () => {
        this.#lastError = undefined;
        this.#remember();
        this.#search();
      },
      authRequired: () => options.onAuthRequired?.(),
      // Another element changed a conversation (sent, claimed, closed …): show the list as it is now.
      changed: () => {
        if (this.#session.signedOut) return;
        this.#background = true;
        void this.#task.run();
      },
    });
    host.addController(this);
    // Added after this controller, so hostUpdate below picks the adapter (and a remembered query) first.
    this.#task = new Task(host, {
      args: () => [this.#adapter, this.#applied] as [SecureMessagesAdapter | undefined, SearchQuery],
      task: ([adapter, query], { signal }) => this.#load(adapter, query, signal),
      onComplete: (result) => this.#completed(result),
      onError: (error) => this.#failed(error),
    });
    this.#resumable = new ResumableTask(this.#task);
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
    this.#clearTimer();
    this.draft = cloneFilters(next.filters);
    this.errors = validateFilters(this.draft);
    if (Object.keys(this.errors).length === 0) this.#applied = next;
    this.#remember();
    this.#host.requestUpdate();
  }

  get filtersOpen(): boolean {
    return this.#filtersOpen;
  }

  set filtersOpen(open: boolean) {
    this.#explicitOpen = true;
    this.#filtersOpen = open;
    this.#remember();
    this.#host.requestUpdate();
  }

  /** The session has ended (a 401, or the host forgot it) and nobody pressed Försök igen yet. */
  get signedOut(): boolean {
    return this.#session.signedOut;
  }

  get state(): InboxState {
    if (this.#session.signedOut) return this.#lastError === undefined ? 'loading' : 'auth-required';
    const phase = taskPhase(this.#task);
    if (phase !== 'error') return phase;
    if (isAbortError(this.#task.error)) return 'loading';
    return isErrorKind(this.#task.error, 'auth-required') ? 'auth-required' : 'error';
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

  // ---------------------------------------------------------------------------------------------
  // Commands

  /**
   * Changes filters in the draft. `debounced` (typing) applies them after the host's debounce;
   * `now` (Enter, a select or checkbox) applies them at once.
   */
  editFilters(patch: Partial<ConversationFilters>, when: 'debounced' | 'now'): void {
    this.draft = { ...this.draft, ...patch };
    if (patch.statuses) this.draft.statuses = [...patch.statuses];
    this.#clearTimer();
    if (when === 'now') {
      this.applyFilters();
      return;
    }
    this.#host.requestUpdate();
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.applyFilters();
      },
      Math.max(0, this.#host.debounce),
    );
  }

  /**
   * Validates the draft; when valid and different from the applied filters, searches from page 1.
   * Returns false when the draft is invalid (nothing is sent then).
   */
  applyFilters(): boolean {
    this.#clearTimer();
    this.errors = validateFilters(this.draft);
    this.#host.requestUpdate();
    if (Object.keys(this.errors).length > 0) return false;
    if (!sameFilters(this.draft, this.#applied.filters)) {
      this.#commit({ ...this.#applied, filters: cloneFilters(this.draft), page: 1 });
    }
    return true;
  }

  /** Back to the default filters (sort and page size stay). */
  resetFilters(): void {
    this.draft = defaultInboxQuery().filters;
    this.applyFilters();
  }

  /** Sorts by a column: the current column flips direction; another starts in its natural one. */
  sortBy(key: SortKey): void {
    this.#commit({ ...this.#applied, sort: nextSort(this.#applied.sort, key), page: 1 });
  }

  goToPage(page: number): void {
    const last = this.lastPage;
    const target = Math.min(Math.max(1, Math.trunc(page)), last);
    if (target !== this.#applied.page) this.#commit({ ...this.#applied, page: target });
  }

  setPageSize(pageSize: PageSize): void {
    if (pageSize === this.#applied.pageSize) return;
    // Keep the first row on screen in view: go to the page that contains it.
    const firstRow = (this.#applied.page - 1) * this.#applied.pageSize;
    this.#commit({ ...this.#applied, pageSize, page: Math.floor(firstRow / pageSize) + 1 });
  }

  /** The last page for the known total (1 when nothing is known yet). */
  get lastPage(): number {
    const total = this.#lastResult?.total ?? 0;
    return Math.max(1, Math.ceil(total / this.#applied.pageSize));
  }

  /**
   * Runs the same query again (Försök igen); also reloads the user and subjects if they failed.
   * After the session ended, it first asks who is signed in now; the session's `resumed` then
   * searches again in every element on the adapter.
   */
  retry(): void {
    this.#session.retry(
      (error) => {
        this.#lastError = error;
        this.#host.requestUpdate();
      },
      () => this.#search(),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  hostConnected(): void {
    this.#connected = true;
    this.#session.follow(this.#adapter);
    if (this.#session.signedOut) {
      // The session ended while this element was away (or before it came).
      if (this.#lastResult || this.user) this.#signedOut();
    } else {
      this.#resumable.back();
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#session.detach();
    this.#clearTimer();
    this.#settled();
    this.#resumable.leave();
  }

  hostUpdate(): void {
    const adapter = this.#options.adapter();
    if (adapter === this.#adapter) return;
    this.#adapter = adapter;
    this.user = undefined;
    this.subjects = [];
    this.#lastResult = undefined;
    this.#lastError = undefined;
    if (this.#connected) this.#session.follow(adapter);
    if (!adapter) return;
    const remembered = recallInbox(adapter);
    if (remembered && !this.#explicitQuery) {
      this.#applied = remembered.query;
      this.draft = cloneFilters(remembered.query.filters);
      this.errors = {};
    }
    if (remembered && !this.#explicitOpen) this.#filtersOpen = remembered.filtersOpen;
    this.#explicitQuery = false;
    this.#explicitOpen = false;
    this.#remember();
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  #commit(next: SearchQuery): void {
    this.#applied = next;
    this.#remember();
    this.#host.requestUpdate();
    this.#options.onQueryChange?.(cloneQuery(next));
  }

  #remember(): void {
    if (this.#adapter) rememberInbox(this.#adapter, { query: this.#applied, filtersOpen: this.#filtersOpen });
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Searches again for the user (Försök igen, or after the session resumed). */
  #search(): void {
    this.#background = false;
    void this.#task.run();
  }

  async #load(
    adapter: SecureMessagesAdapter | undefined,
    query: SearchQuery,
    signal: AbortSignal,
  ): Promise<SearchResult | typeof initialState> {
    if (!adapter) return initialState;
    // The session has ended: nothing is asked until Försök igen.
    if (this.#session.signedOut) throw signedOutError();
    const background = this.#background;
    this.#background = false;
    this.#settled();
    this.#busyTimer = setTimeout(() => {
      this.#slow = true;
      this.#host.requestUpdate();
    }, BUSY_DELAY);
    // The user and the Ämnen are asked for once per adapter (session.ts) and shown as soon as they
    // are there (e.g. the Ämne options), even while a slow search is still under way.
    const context = Promise.all([currentUser(adapter, signal), subjects(adapter, signal)]).then(
      ([user, subjects]) => {
        if (adapter !== this.#adapter || this.#session.signedOut) return;
        this.user = user;
        this.subjects = subjects;
        this.#host.requestUpdate();
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
    if (this.#busyTimer !== undefined) clearTimeout(this.#busyTimer);
    this.#busyTimer = undefined;
    this.#slow = false;
  }

  #completed(result: SearchResult): void {
    this.#settled();
    this.#session.settled();
    this.#lastError = undefined;
    this.#lastResult = result;
    // The page is past the end (rows were closed elsewhere, or a remembered page): show the last one.
    if (result.items.length === 0 && result.total > 0 && this.#applied.page > 1) {
      this.#applied = { ...this.#applied, page: this.lastPage };
      this.#remember();
      this.#host.requestUpdate();
    }
  }

  #failed(error: unknown): void {
    if (isAbortError(error)) return;
    this.#settled();
    this.#session.authFailed(error);
    this.#lastError = error;
  }

  /** The session ended for the host, or someone else signed in: the remembered query went with it. */
  #startAfresh(): void {
    this.#applied = defaultInboxQuery();
    this.draft = cloneFilters(this.#applied.filters);
    this.errors = {};
    this.#filtersOpen = false;
    this.#signedOut();
  }

  /**
   * The session ended: the rows, the user and the Ämnen are dropped from the controller and its
   * task, nothing is searched (no refresh after changes elsewhere) until Försök igen.
   */
  #signedOut(): void {
    this.#clearTimer();
    this.#settled();
    this.#resumable.forget();
    this.user = undefined;
    this.subjects = [];
    this.#lastResult = undefined;
    this.#lastError = signedOutError();
    // A run without a request drops the task's own copy of the rows.
    this.#session.dropAnswer(this.#task, () => this.#adapter !== undefined);
    this.#host.requestUpdate();
  }
}

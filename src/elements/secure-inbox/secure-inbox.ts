import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { InboxController, type InboxState } from '../../controllers/inbox-controller.js';
import { isDefaultFilters } from '../../domain/filters.js';
import type { SearchQuery } from '../../domain/query.js';
import { SecureAuthRequiredEvent } from '../../events/auth-required.js';
import { SecureComposeOpenEvent } from '../../events/compose-open.js';
import { SecureConversationOpenEvent } from '../../events/conversation-open.js';
import { SecureInboxQueryChangedEvent } from '../../events/inbox-query-changed.js';
import { SecureElement } from '../base/secure-element.js';
import { FILTERS_ID, renderFilters } from './inbox-filters.js';
import { renderPager } from './inbox-pager.js';
import { RESULTS_ID, renderTable } from './inbox-table.js';
import { FocusAfterUpdate } from '../shared/focus-controller.js';
import { renderProblem } from '../shared/problem.js';
import { renderSignedOut } from '../shared/signed-out.js';
import { describeError } from '../shared/texts.js';
import { texts } from './inbox-texts.js';
import { inboxStyles } from './secure-inbox.styles.js';

/**
 * The list of secure messages (Säkra meddelanden): **Nytt meddelande**, the filter panel behind
 * **Visa filtrering**, a sortable table of conversations (Meddelandenr, Datum, Ämne, Status,
 * Ansvarig), newest first, with server-side paging.
 *
 * All filtering, sorting and paging happen on the server (the adapter's `searchConversations`);
 * a newer query aborts the older one. The current query survives opening a conversation and
 * coming back: it is kept in memory per adapter instance, so a new `<secure-inbox>` on the same
 * adapter resumes where the user was. Filters and search text are never written to the URL,
 * storage, cookies or the console.
 *
 * ```html
 * <secure-inbox .adapter=${adapter}></secure-inbox>
 * ```
 *
 * @tagname secure-inbox
 * @summary The inbox of secure messages: filters, sortable table, paging.
 *
 * @fires secure-conversation-open - Intent (cancelable): the user chose a row; `detail.number` is its Meddelandenummer. The inbox has no thread view itself; an ancestor (the host, or `<secure-messages>`) opens it.
 * @fires secure-compose-open - Intent (cancelable): the user chose Nytt meddelande.
 * @fires secure-auth-required - Fact: the backend answered 401. Fired once until a search succeeds or the user presses Försök igen; filters are kept.
 * @fires secure-inbox-query-changed - Fact: the user changed filters, sort, page or page size and a search went out. The detail leaves out the search text (personal data): read `query` for it.
 *
 * @csspart toolbar - The row with Nytt meddelande and Visa/Dölj filtrering.
 * @csspart filters - The filter panel (a `<form role="search">`).
 * @csspart table - The scrollable region around the table.
 * @csspart pager - Page size and Föregående/Nästa sida.
 *
 * @cssprop [--secure-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--secure-color-text=#1d2b27] - Text colour.
 * @cssprop [--secure-color-muted=#4a5753] - Hints and secondary text (meets 4.5:1 on white).
 * @cssprop [--secure-color-background=#ffffff] - Background of the element and inputs.
 * @cssprop [--secure-color-primary=#004b3c] - KPA green: primary button, focus and sorted column.
 * @cssprop [--secure-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--secure-color-border=#8a9490] - Borders of inputs and buttons.
 * @cssprop [--secure-color-divider=#d5dbd8] - Table row lines and panel borders.
 * @cssprop [--secure-color-surface=#f2f5f4] - Table header and filter panel background.
 * @cssprop [--secure-color-attention=#fff4d6] - Background of rows that need attention (besides bold text and a marker).
 * @cssprop [--secure-color-error=#b3261e] - Error texts and invalid fields.
 * @cssprop [--secure-color-focus=#004b3c] - Focus outline.
 * @cssprop [--secure-radius=0.25rem] - Corner radius of buttons, inputs and panels.
 */
export class SecureInbox extends SecureElement {
  static override styles = inboxStyles;

  /** Milliseconds after the last keystroke in a text filter before the search is sent; Enter searches at once. */
  @property({ type: Number })
  debounce = 300;

  /**
   * The address of a conversation, given its Meddelandenummer. When set, each number in the list
   * is a real link to that address (open in a new tab, copy, bookmark) whose plain click still
   * fires `secure-conversation-open`; when unset, the number is a button. `<secure-messages>` sets
   * it to the conversation's `#meddelande/12345` address unless `routing="none"`.
   */
  @property({ attribute: false })
  conversationHref?: (number: string) => string;

  readonly #inbox = new InboxController(this, {
    adapter: () => this.effectiveAdapter,
    onQueryChange: (q) => {
      const { text, ...filters } = q.filters;
      this.emit(
        new SecureInboxQueryChangedEvent({
          filters,
          hasText: text.trim() !== '',
          sort: q.sort,
          page: q.page,
          pageSize: q.pageSize,
        }),
      );
    },
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
  });

  readonly #focus = new FocusAfterUpdate(this);

  /**
   * The current query: filters (including the search text), sort, page and page size. Read it
   * to keep the user's place yourself (in memory only: the text may hold personal data); set it
   * to restore one. Invalid filters are shown with their errors and not applied.
   */
  get query(): SearchQuery {
    return this.#inbox.query;
  }

  set query(value: SearchQuery) {
    this.#inbox.query = value;
  }

  /** Whether the filter panel is open (Visa filtrering / Dölj filtrering). Remembered with the query. */
  get filtersOpen(): boolean {
    return this.#inbox.filtersOpen;
  }

  set filtersOpen(open: boolean) {
    this.#inbox.filtersOpen = open;
  }

  protected override render(): TemplateResult {
    const inbox = this.#inbox;
    const state = inbox.state;
    // The session has ended: no rows, no filters, nothing of anyone's until Försök igen.
    if (inbox.signedOut) {
      return renderSignedOut({
        id: RESULTS_ID,
        error: inbox.error,
        busy: inbox.error === undefined,
        onRetry: () => this.#retry(),
      });
    }
    const query = inbox.query;
    const result = inbox.result;
    const showProblem = inbox.error !== undefined && state !== 'complete';
    return html`
      <div class="toolbar" part="toolbar">
        <button type="button" class="button primary" @click=${() => this.emit(new SecureComposeOpenEvent())}>
          <span aria-hidden="true">+</span> ${texts.newMessage()}
        </button>
        <button
          type="button"
          class="button disclosure"
          aria-expanded=${inbox.filtersOpen ? 'true' : 'false'}
          aria-controls=${FILTERS_ID}
          @click=${() => (inbox.filtersOpen = !inbox.filtersOpen)}
        >
          <span class="chevron" aria-hidden="true">${inbox.filtersOpen ? '▴' : '▾'}</span>
          ${inbox.filtersOpen ? texts.hideFilters() : texts.showFilters()}
        </button>
      </div>
      ${renderFilters({
        open: inbox.filtersOpen,
        draft: inbox.draft,
        errors: inbox.errors,
        subjects: inbox.subjects,
        side: inbox.user?.side ?? 'employer',
        officer:
          inbox.user?.side === 'kpa'
            ? {
                userId: inbox.user.id,
                department: inbox.user.department ?? null,
                seesAll: inbox.user.capabilities.canSeeAllDepartments === true,
                organisations: inbox.organisations,
                organisationText: inbox.organisationText,
                organisationUnknown: inbox.organisationUnknown,
                inputOrganisation: (text) => inbox.inputOrganisation(text),
                commitOrganisation: (text) => inbox.commitOrganisation(text),
              }
            : undefined,
        edit: (patch, when) => inbox.editFilters(patch, when),
        apply: () => inbox.applyFilters(),
        reset: () => inbox.resetFilters(),
      })}
      <div class="summary">
        <div class="count" role="status" aria-atomic="true">
          ${result && !showProblem ? texts.count(result.total) : nothing}
        </div>
        ${inbox.showsLoading && result ? html`<p class="loading">${texts.loading()}</p>` : nothing}
        ${inbox.config ? html`<p class="reply-time">${texts.replyTime(inbox.config.expectedReplyWorkingDays)}</p>` : nothing}
      </div>
      ${showProblem ? this.#renderProblem(state) : this.#renderResults(query)}
    `;
  }

  #renderResults(query: SearchQuery): TemplateResult {
    const inbox = this.#inbox;
    const result = inbox.result;
    return html`${renderTable({
      result,
      sort: query.sort,
      busy: inbox.state === 'loading' || inbox.state === 'idle',
      showsLoading: inbox.showsLoading,
      side: inbox.user?.side ?? 'employer',
      replyDays: inbox.config?.expectedReplyWorkingDays,
      filtered: !isDefaultFilters(query.filters),
      sortBy: (key) => inbox.sortBy(key),
      open: (number) => this.emit(new SecureConversationOpenEvent(number)),
      href: this.conversationHref,
    })}
    ${
      result && result.total > 0
        ? renderPager({
            page: query.page,
            pageSize: query.pageSize,
            total: result.total,
            lastPage: inbox.lastPage,
            goToPage: (page) => inbox.goToPage(page),
            setPageSize: (size) => inbox.setPageSize(size),
          })
        : nothing
    }`;
  }

  #renderProblem(state: InboxState): TemplateResult {
    return renderProblem({
      id: RESULTS_ID,
      title: texts.error(),
      text: describeError(this.#inbox.error),
      busy: state === 'loading',
      onRetry: () => this.#retry(),
    });
  }

  #retry(): void {
    // Once the search has ended: the table (a problem or the signed-out view takes no focus).
    this.#focus.after(RESULTS_ID, () => this.#inbox.state !== 'loading');
    this.#inbox.retry();
  }
}

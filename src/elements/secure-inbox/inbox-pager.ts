import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isPageSize } from '../../domain/filters.js';
import { PAGE_SIZES, type PageSize } from '../../domain/query.js';
import { texts } from './inbox-texts.js';

/** What the pager shows and how it reports the user's choices. */
export interface PagerView {
  page: number;
  pageSize: PageSize;
  /** Total matching conversations; undefined before the first answer. */
  total: number | undefined;
  lastPage: number;
  goToPage(page: number): void;
  setPageSize(size: PageSize): void;
}

/**
 * Paging: page size (25/50/100), "Visar 1–25 av 655", and Föregående/Nästa sida. At either end
 * the button is `aria-disabled` rather than `disabled`, so that keyboard focus is not lost when
 * the last click reaches the end; a click there does nothing.
 */
export function renderPager(view: PagerView): TemplateResult {
  const total = view.total ?? 0;
  const from = total === 0 ? 0 : (view.page - 1) * view.pageSize + 1;
  const to = Math.min(total, view.page * view.pageSize);
  const atStart = view.page <= 1;
  const atEnd = view.page >= view.lastPage;
  return html`<nav class="pager" part="pager" aria-label=${texts.pager()}>
    <div class="page-size">
      <label for="page-size">${texts.pageSize()}</label>
      <select
        id="page-size"
        .value=${live(String(view.pageSize))}
        @change=${(e: Event) => {
          const size = Number((e.target as HTMLSelectElement).value);
          if (isPageSize(size)) view.setPageSize(size);
        }}
      >
        ${PAGE_SIZES.map(
          (size) => html`<option value=${size} ?selected=${size === view.pageSize}>${size}</option>`,
        )}
      </select>
    </div>
    ${total > 0 ? html`<p class="range">${texts.range(from, to, total)}</p>` : nothing}
    <div class="pages">
      <button
        type="button"
        class="button"
        aria-disabled=${atStart ? 'true' : 'false'}
        @click=${() => atStart || view.goToPage(view.page - 1)}
      >
        <span aria-hidden="true">‹</span> ${texts.previous()}
      </button>
      <button
        type="button"
        class="button"
        aria-disabled=${atEnd ? 'true' : 'false'}
        @click=${() => atEnd || view.goToPage(view.page + 1)}
      >
        ${texts.next()} <span aria-hidden="true">›</span>
      </button>
    </div>
  </nav>`;
}

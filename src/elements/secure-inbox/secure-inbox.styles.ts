import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { filterStyles } from './inbox-filters.styles.js';
import { tableStyles } from './inbox-table.styles.js';

/**
 * Styles of `<secure-inbox>`. Relative units only and no fixed heights, so text zoomed to 200 %
 * never clips; the table scrolls sideways inside its own region below its natural width. Every
 * meaning carried by colour is also carried by text, weight, a marker or a border, and forced
 * colours keep borders and focus rings visible.
 */
const inboxBaseStyles = css`
  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
    margin-block-end: 1rem;
  }

  /* Count and loading */
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
    min-height: 1.5em;
    margin-block-end: 0.5rem;
  }

  .count {
    font-weight: 600;
  }

  .reply-time {
    margin: 0;
    color: var(--_muted);
  }
`;

/** Last, so that it wins over the rules above. */
const forcedColorStyles = css`
  @media (forced-colors: active) {
    .sort,
    .open {
      border: 0.0625rem solid ButtonText;
    }

    .table-scroll.in-progress {
      border-block-start: 0.25rem solid Highlight;
    }

    tr.attention th,
    tr.attention td {
      border-block-start: 0.1875rem solid CanvasText;
    }

    .marker,
    th.sorted .sort-icon {
      color: CanvasText;
    }
  }
`;

export const inboxStyles = [
  baseStyles,
  fieldStyles,
  inboxBaseStyles,
  filterStyles,
  tableStyles,
  forcedColorStyles,
];

import { css } from 'lit';

/** The table's and pager's styles (part of `<secure-inbox>`; uses the private `--_*` tokens set on :host). */
export const tableStyles = css`
  /* Table */
  .table-scroll {
    /* Positioned, so that visually hidden text in cells scrolled out of view stays inside it
       instead of widening the page. */
    position: relative;
    max-width: 100%;
    overflow-x: auto;
    border: 0.0625rem solid var(--_divider);
    border-radius: var(--_radius);
    /* The stacked layout below follows the list's own width, not the viewport's. */
    container-type: inline-size;
  }

  /* Loading: the rows stay (no layout jump, full contrast); when the answer takes longer than
     BUSY_DELAY, a bar along the top and the "Hämtar meddelanden …" text beside the count show
     that a new answer is on its way. */
  .table-scroll.in-progress {
    cursor: progress;
    box-shadow: inset 0 0.25rem 0 var(--_primary);
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption {
    padding: 0.5rem 0.75rem;
    text-align: start;
    font-weight: 700;
    font-size: 1.125rem;
  }

  th,
  td {
    padding: 0.5rem 0.75rem;
    text-align: start;
    vertical-align: top;
    border-block-start: 0.0625rem solid var(--_divider);
  }

  thead th {
    padding: 0;
    background: var(--_surface);
    border-block-end: 0.125rem solid var(--_primary);
    white-space: nowrap;
  }

  .sort {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-weight: 700;
    color: var(--_text);
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }

  .sort:hover {
    text-decoration: underline;
  }

  .sort-icon {
    color: var(--_muted);
  }

  th.sorted .sort-icon {
    color: var(--_primary);
  }

  tbody th {
    font-weight: inherit;
  }

  /* Rows stay one line high; below the table's natural width the region scrolls sideways. */
  tbody th,
  tbody td {
    white-space: nowrap;
  }

  .open {
    display: inline-flex;
    gap: 0.4em;
    align-items: baseline;
    min-height: 1.5rem;
    padding: 0.125rem 0.25rem;
    margin: -0.125rem -0.25rem;
    font: inherit;
    color: var(--_primary);
    text-decoration: underline;
    background: none;
    border: 0;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  tr.attention {
    font-weight: 700;
    background: var(--_attention);
  }

  .marker {
    color: var(--_primary);
  }

  .user-id,
  .org-number {
    color: var(--_muted);
  }

  /* The officer's rows are two lines high: the organisation's number under its name, the user id
     under the assignee's, the note of a long wait under its days, and the status in two lines, so
     that seven columns fit a wide screen. */
  .org-number {
    display: block;
    white-space: nowrap;
  }

  tr.officer > .status {
    min-width: 7rem;
    white-space: normal;
  }

  tr.officer .user-id {
    display: block;
  }

  /* Väntar sedan past the reply time: bold, with a mark and words, not colour alone. */
  .overdue {
    font-weight: 700;
  }

  .overdue-note {
    display: block;
    font-weight: 700;
    color: var(--_error);
  }

  tr.placeholder td {
    padding: 1.5rem 0.75rem;
    white-space: normal;
  }

  .empty {
    font-weight: 600;
  }

  /* The column's name above each value: only in the stacked layout. */
  .cell-label {
    display: none;
  }

  /* Narrow (below 40rem of list width, e.g. 320 px): each conversation is a block of its values,
     each under its column's name; the header row becomes a wrapping row of sort buttons. The
     elements keep explicit table roles in the markup, since display: block drops their native
     semantics in some engines. */
  @container (max-width: 40rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td,
    caption {
      display: block;
    }

    thead tr {
      display: flex;
      flex-wrap: wrap;
      background: var(--_surface);
      border-block-end: 0.125rem solid var(--_primary);
    }

    thead th {
      flex: 1 1 auto;
      border-block-end: 0;
    }

    tbody tr.row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
      gap: 0.5rem 1rem;
      padding: 0.75rem;
      border-block-start: 0.0625rem solid var(--_divider);
    }

    tbody tr.row > th,
    tbody tr.row > td {
      padding: 0;
      border: 0;
      white-space: normal;
      overflow-wrap: anywhere;
    }

    tbody tr.row > .organisation,
    tbody tr.row > .subject,
    tbody tr.row > .assignee {
      grid-column: 1 / -1;
    }

    .cell-label {
      display: block;
      font-size: 0.875rem;
      font-weight: 700;
      color: var(--_muted);
    }
  }

  /* Pager */
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
    justify-content: space-between;
    margin-block-start: 1rem;
  }

  .page-size {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }

  .page-size select {
    width: auto;
  }

  .pages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;

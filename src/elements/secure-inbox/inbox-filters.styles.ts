import { css } from 'lit';

/** The filter panel's styles (part of `<secure-inbox>`; uses the private `--_*` tokens set on :host). */
export const filterStyles = css`
  /* Filters */
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 1rem 1.5rem;
    align-items: start;
    margin-block-end: 1rem;
    padding: 1rem;
    background: var(--_surface);
    border: 0.0625rem solid var(--_divider);
    border-radius: var(--_radius);
  }

  .note-slot {
    grid-column: 1 / -1;
  }

  .note-slot:empty {
    display: none;
  }

  .statuses {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 0.0625rem solid var(--_divider);
    border-radius: var(--_radius);
  }

  .filter-actions {
    grid-column: 1 / -1;
  }
`;

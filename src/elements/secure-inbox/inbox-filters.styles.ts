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

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }

  label,
  legend {
    font-weight: 600;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  input[type='text'],
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.625rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625rem solid var(--_border);
    border-radius: var(--_radius);
  }

  input[aria-invalid='true'] {
    border: 0.1875rem solid var(--_error);
  }

  .field-error,
  .note {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }

  .field-error {
    color: var(--_error);
    font-weight: 600;
  }

  .icon {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    font-size: 0.875em;
    font-weight: 700;
    border: 0.125rem solid currentColor;
    border-radius: 50%;
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

  .check {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
    font-weight: 400;
    cursor: pointer;
  }

  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }

  .filter-actions {
    grid-column: 1 / -1;
  }
`;

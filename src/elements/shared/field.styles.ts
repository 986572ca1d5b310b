import { css } from 'lit';

/**
 * Form fields shared by the elements: label above control, hint and error below, 44 px targets,
 * a thick border on invalid controls (not colour alone). Uses the `--_*` tokens of base.styles.
 */
export const fieldStyles = css`
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
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.625rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625rem solid var(--_border);
    border-radius: var(--_radius);
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
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

  textarea {
    min-height: 10rem;
    resize: vertical;
  }
`;

import { css } from 'lit';

/** Styles of `<secure-compose>`; the shared pieces come from ../shared. */
export const composeStyles = css`
  h2 {
    margin: 0 0 1rem;
    font-size: 1.5rem;
    line-height: 1.25;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: 1.25rem;
    max-width: 48rem;
  }

  select {
    max-width: 30rem;
  }

  .note,
  .confirmation {
    margin-block-end: 1.25rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-inline-start: 0.375rem solid var(--_primary);
    border-radius: var(--_radius);
  }

  .reply-time {
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .confirmation {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    max-width: 48rem;
  }

  .confirmation-title {
    font-size: 1.25rem;
    font-weight: 700;
  }

  .confirmation-number strong {
    font-size: 1.25rem;
  }

  @media (forced-colors: active) {
    .note,
    .confirmation {
      border: 0.0625rem solid CanvasText;
      border-inline-start-width: 0.375rem;
    }
  }
`;

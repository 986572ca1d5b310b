import { css } from 'lit';

/** The message form pieces of message-fields.ts (compose and reply). Uses the `--_*` tokens. */
export const messageFormStyles = css`
  .error-summary {
    padding: 1rem;
    border: 0.1875rem solid var(--_error);
    border-radius: var(--_radius);
  }

  .error-summary-title {
    font-weight: 700;
  }

  .error-summary ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .counter {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .counter.over {
    color: var(--_error);
    font-weight: 600;
  }

  .warning {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    background: var(--_attention);
    border-inline-start: 0.375rem solid var(--_text);
    border-radius: var(--_radius);
  }

  .warning ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .files {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }

  .files li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    min-width: 0;
  }

  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .file-size {
    color: var(--_muted);
  }

  .button.small {
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    font-weight: 400;
  }

  input[type='file'] {
    max-width: 100%;
    min-height: 2.75rem;
    font: inherit;
  }

  .send-state {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .send-status:empty {
    display: none;
  }

  progress {
    width: 100%;
    max-width: 24rem;
    height: 1rem;
    accent-color: var(--_primary);
  }

  @media (forced-colors: active) {
    .error-summary,
    .warning {
      border: 0.1875rem solid CanvasText;
    }
  }
`;

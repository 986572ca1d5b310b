import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { messageFormStyles } from '../shared/message-fields.styles.js';

/**
 * Styles of `<secure-thread>`. Relative units only and no fixed heights, so text zoomed to 200 %
 * never clips; everything stacks at 320 px. Who wrote a message is said in text (the author
 * line), the border colour only repeats it.
 */
const threadBaseStyles = css`
  .thread {
    display: flex;
    flex-direction: column;
    gap: 1.25rem;
    min-width: 0;
    /* Names, subjects and file names come from other people: a long word must not widen the page. */
    overflow-wrap: anywhere;
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.5rem;
  }

  h3 {
    font-size: 1.25rem;
  }

  h4 {
    font-size: 1rem;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 0.1875rem solid var(--_focus);
  }

  /* Details */
  .details {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: 0.75rem 1.5rem;
    margin: 0;
    padding: 1rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  .details div {
    min-width: 0;
  }

  .details dt {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .details dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .details dd.none {
    font-weight: 400;
    font-style: italic;
  }

  /* Tools */
  .actions-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-start;
    justify-content: space-between;
  }

  .claim {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .check input:disabled {
    cursor: not-allowed;
  }

  .check:has(input:disabled) {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .buttons,
  .form-actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .action-problem {
    flex-basis: 100%;
  }

  /* Timeline */
  .timeline {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .message {
    padding: 1rem;
    background: var(--_bg);
    border: 0.0625rem solid var(--_divider);
    border-inline-start: 0.375rem solid var(--_border);
    border-radius: var(--_radius);
  }

  .message.kpa {
    border-inline-start-color: var(--_primary);
  }

  .message:focus-visible,
  .message:focus {
    outline: 0.1875rem solid var(--_focus);
    outline-offset: 0.125rem;
  }

  .message-header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
    justify-content: space-between;
    margin-block-end: 0.5rem;
  }

  time {
    color: var(--_muted);
    font-size: 0.875rem;
    white-space: nowrap;
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* A list of files like the form's (.files), further from the text. */
  .attachments {
    margin-block-start: 0.75rem;
  }

  .attachment {
    display: inline-flex;
    gap: 0.5rem;
    align-items: baseline;
    min-height: 2.75rem;
    max-width: 100%;
    padding: 0.5rem 0.75rem;
    font: inherit;
    text-align: start;
    color: var(--_primary);
    background: var(--_bg);
    border: 0.0625rem solid var(--_divider);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .attachment .file-name {
    text-decoration: underline;
  }

  .attachment[aria-disabled='true'] {
    cursor: progress;
  }

  .download-state {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .attachments .field-error {
    flex-basis: 100%;
  }

  .print-only {
    display: none;
  }

  .history p {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    padding-inline-start: 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .history-mark {
    font-size: 0.625rem;
  }

  /* Reply */
  .reply {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    padding-block-start: 1.25rem;
    border-block-start: 0.0625rem solid var(--_divider);
  }

  .reply form {
    display: flex;
    flex-direction: column;
    gap: 1.25rem;
    max-width: 48rem;
  }

  .reopen-note {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    max-width: 48rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-inline-start: 0.375rem solid var(--_primary);
    border-radius: var(--_radius);
  }

  /* Confirmation dialogs */
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: 1.5rem;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625rem solid var(--_border);
    border-radius: var(--_radius);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  dialog p {
    margin-block: 0.75rem 1.25rem;
  }
`;

/** Paper: only the conversation. Controls, the reply form, dialogs and messages to the user go. */
const printStyles = css`
  @media print {
    :host {
      color: #000;
      background: #fff;
    }

    button,
    form,
    dialog,
    .actions-bar,
    .reply,
    .announcer,
    .download-state,
    .attachments .field-error {
      display: none !important;
    }

    .print-only {
      display: inline;
    }

    .details {
      background: none;
      border: 0.0625rem solid #000;
    }

    .message {
      break-inside: avoid;
      border: 0.0625rem solid #000;
      border-inline-start-width: 0.25rem;
    }

    time,
    .history p,
    .details dt {
      color: #000;
    }
  }
`;

/** Last, so that it wins over the rules above. */
const forcedColorStyles = css`
  @media (forced-colors: active) {
    .attachment {
      border: 0.0625rem solid ButtonText;
    }

    .message,
    .details,
    .reopen-note {
      border: 0.0625rem solid CanvasText;
    }

    .message.kpa {
      border-inline-start-width: 0.375rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
    }
  }
`;

export const threadStyles = [
  baseStyles,
  fieldStyles,
  messageFormStyles,
  threadBaseStyles,
  printStyles,
  forcedColorStyles,
];

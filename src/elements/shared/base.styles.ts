import { css } from 'lit';

/**
 * What every Säkra meddelanden element shares: the `--secure-*` design tokens mapped to private
 * `--_*` ones with the KPA defaults, the host box, visually hidden text, focus rings and buttons.
 * Relative units only and no fixed heights, so text zoomed to 200 % never clips.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--secure-color-primary, #004b3c);
    --_on-primary: var(--secure-color-on-primary, #ffffff);
    --_text: var(--secure-color-text, #1d2b27);
    --_muted: var(--secure-color-muted, #4a5753);
    --_bg: var(--secure-color-background, #ffffff);
    --_border: var(--secure-color-border, #8a9490);
    --_divider: var(--secure-color-divider, #d5dbd8);
    --_surface: var(--secure-color-surface, #f2f5f4);
    --_attention: var(--secure-color-attention, #fff4d6);
    --_error: var(--secure-color-error, #b3261e);
    --_focus: var(--secure-color-focus, #004b3c);
    --_radius: var(--secure-radius, 0.25rem);
    display: block;
    min-width: 0;
    font-family: var(--secure-font-family, system-ui, sans-serif);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  p {
    margin: 0;
  }

  .loading {
    color: var(--_muted);
  }

  :focus-visible {
    outline: 0.1875rem solid var(--_focus);
    outline-offset: 0.125rem;
  }

  /* Buttons */
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_primary);
    background: var(--_bg);
    border: 0.0625rem solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .button:hover {
    text-decoration: underline;
  }

  .button.primary {
    color: var(--_on-primary);
    background: var(--_primary);
  }

  .button[aria-disabled='true'] {
    color: var(--_muted);
    border-color: var(--_divider);
    background: var(--_surface);
    cursor: not-allowed;
    text-decoration: none;
  }

  /* Problems */
  .problem {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 1rem;
    border: 0.0625rem solid var(--_error);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_radius);
  }

  .problem-title {
    font-weight: 700;
  }

  @media (forced-colors: active) {
    .button {
      border: 0.0625rem solid ButtonText;
    }

    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;

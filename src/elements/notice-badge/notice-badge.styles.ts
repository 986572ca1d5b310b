import { css } from 'lit';

export const noticeBadgeStyles = css`
  :host {
    display: inline;
    color: inherit;
    font: inherit;
  }

  :host([hidden]) {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  a {
    color: var(--secure-color-link, #004b3c);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    border-radius: 2px;
  }

  a:hover {
    color: var(--secure-color-link-hover, #00291f);
    text-decoration-thickness: 2px;
  }

  /* Underline the words, not the space before the pill nor the pill. */
  a.pill-link {
    text-decoration: none;
  }

  a.pill-link [part~='label'] {
    text-decoration: underline;
    text-decoration-thickness: inherit;
  }

  a:focus-visible {
    outline: 2px solid var(--secure-color-focus, #004b3c);
    outline-offset: 2px;
  }

  /* The number: "(28)" in the text appearance, the pill in the badge appearance. */
  .count,
  .pill {
    font-variant-numeric: tabular-nums;
  }

  /* No number yet (loading, error): an invisible placeholder keeps the space. */
  .pending {
    visibility: hidden;
  }

  /* Badge appearance: the number in a pill. */
  .pill {
    display: inline-block;
    box-sizing: border-box;
    min-inline-size: 1.7em;
    padding: 0 0.45em;
    border: 1px solid var(--secure-badge-border-color, transparent);
    border-radius: var(--secure-badge-radius, 999px);
    background: var(--secure-badge-background, #004b3c);
    color: var(--secure-badge-color, #ffffff);
    font-size: var(--secure-badge-font-size, 0.8125em);
    font-weight: 700;
    line-height: 1.6;
    text-align: center;
    vertical-align: 0.1em;
  }

  .pill.zero {
    border-color: var(--secure-badge-zero-border-color, #767676);
    background: var(--secure-badge-zero-background, #ffffff);
    color: var(--secure-badge-zero-color, #333333);
  }

  @media (forced-colors: active) {
    .pill,
    .pill.zero {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }

    a .pill,
    a .pill.zero {
      border-color: LinkText;
      color: LinkText;
    }
  }
`;

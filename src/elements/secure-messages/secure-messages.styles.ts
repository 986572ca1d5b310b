import { css } from 'lit';

/** Styles of `<secure-messages>`: the back button and the view container. */
export const messagesStyles = css`
  .back {
    margin-block-end: 1rem;
  }

  .view:focus {
    outline: none;
  }

  .view:focus-visible {
    outline: 0.1875rem solid var(--_focus);
    outline-offset: 0.25rem;
  }
`;

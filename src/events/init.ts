/** Every event of the library bubbles and is composed, so a host listens on any ancestor. */
export const bubbling = { bubbles: true, composed: true } as const;

/**
 * The events the elements fire outward. Every one bubbles and is composed, so a host listens on
 * any ancestor, across shadow roots. Names are `secure-<noun>-<verb>`: past tense for facts,
 * present tense and cancelable for intents the host may take over (call `preventDefault()`).
 * Details carry ids and plain data, never DOM nodes and never message text.
 *
 * One module per event class, each adding its own entry to `GlobalEventHandlersEventMap` (types
 * only), so that a bundle holds only the classes its elements fire: the badge alone carries
 * `SecureAuthRequiredEvent` and no other.
 */
export * from './auth-required.js';
export * from './compose-open.js';
export * from './conversation-changed.js';
export * from './conversation-open.js';
export * from './inbox-query-changed.js';
export * from './message-sent.js';

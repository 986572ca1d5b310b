/**
 * The library's main entry point: classes, types and functions, without side effects.
 * Nothing here registers a custom element; import `@kpa/secure-messages/define/<tag>.js` for that,
 * or register a class under a tag of your own with `defineElement`.
 */
export * from './domain/index.js';
export * from './adapter/index.js';
export * from './events/events.js';
export { SecureAdapterProvider } from './elements/secure-adapter-provider/secure-adapter-provider.js';
export { SecureInbox } from './elements/secure-inbox/secure-inbox.js';
export { SecureCompose } from './elements/secure-compose/secure-compose.js';
export { SecureThread } from './elements/secure-thread/secure-thread.js';
export {
  SecureMessages,
  type RoutingMode,
  type SecureMessagesView,
} from './elements/secure-messages/secure-messages.js';
export { NoticeBadge } from './elements/notice-badge/notice-badge.js';
export { defineElement } from './define/define.js';
export { forgetSession } from './controllers/session.js';

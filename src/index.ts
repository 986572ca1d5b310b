/**
 * The library's main entry point: the elements, their events and what a host calls on them,
 * without side effects. Nothing here registers a custom element; import
 * `@kpa/secure-messages/define/<tag>.js` for that, or register a class under a tag of your own
 * with `defineElement`.
 *
 * Only the public API: the REST adapter, the typed errors and the adapter interface live in
 * `@kpa/secure-messages/adapter`, statuses, validators and the personnummer helpers in
 * `@kpa/secure-messages/domain`. The types the elements' properties and events use are
 * re-exported here so that a host can type them from one import.
 */
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
export type { SecureMessagesAdapter } from './adapter/adapter.js';
export type { ConversationFilters, PageSize, SearchQuery, Sort, SortKey, Status } from './domain/index.js';

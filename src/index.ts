/**
 * The library's main entry point: classes, types and functions, without side effects.
 * Nothing here registers a custom element; import `@kpa/secure-messages/define/<tag>.js` for that.
 */
export * from './domain/index.js';
export * from './adapter/index.js';
export { SecureAdapterProvider } from './elements/secure-adapter-provider/secure-adapter-provider.js';
export { defineElement } from './define/define.js';

// What a portal loads for the whole feature, as the package ships it (dist/, after the build):
// every element, the REST adapter and localisation.
export * from '../dist/define/secure-messages.js';
export * from '../dist/define/notice-badge.js';
export * from '../dist/define/secure-adapter-provider.js';
export { createRestAdapter } from '../dist/adapter.js';
export { setLocale } from '../dist/localization.js';

// What a portal loads for the whole feature: every element, the REST adapter and localisation.
export * from '../src/define/secure-messages.ts';
export * from '../src/define/notice-badge.ts';
export * from '../src/define/secure-adapter-provider.ts';
export { createRestAdapter } from '../src/adapter/rest-adapter.ts';
export { setLocale } from '../src/localization/index.ts';

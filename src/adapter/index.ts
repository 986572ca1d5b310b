export * from './adapter.js';
export * from './errors.js';
export type { Problem } from './problem.js';
export * from './change-hub.js';
export * from './context.js';
export * from './rest-adapter.js';
export { parseContentDispositionFilename, parseEtag, parseRetryAfter, quoteEtag } from './http.js';

/** The domain layer: pure TypeScript (no DOM, no Lit), shared by elements, adapters and mocks. */
export * from './config.js';
export * from './filters.js';
export * from './format.js';
export * from './links.js';
export * from './personnummer.js';
export * from './query.js';
export * from './status.js';
export * from './transitions.js';
export * from './types.js';
export * from './validators.js';

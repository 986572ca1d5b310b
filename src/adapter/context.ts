import { createContext } from '@lit/context';
import type { SecureMessagesAdapter } from './adapter.js';

/**
 * The `@lit/context` key under which `<secure-adapter-provider>` (or any host) provides the adapter
 * to every element below it. A global symbol, so that two copies of the library on one page still
 * find each other's provider.
 */
export const adapterContext = createContext<SecureMessagesAdapter | undefined>(
  Symbol.for('secure-messages-adapter'),
);
export type AdapterContext = typeof adapterContext;

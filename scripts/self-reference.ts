// A Vite plugin that resolves the package's own name through its `exports` (to dist/), the way
// an installed copy resolves, for pages built here against the built library.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PACKAGE = '@kpa/secure-messages';

export const selfReference: Plugin = {
  name: 'self-reference',
  enforce: 'pre',
  resolveId(id: string) {
    return id === PACKAGE || id.startsWith(`${PACKAGE}/`) ? fileURLToPath(import.meta.resolve(id)) : null;
  },
};

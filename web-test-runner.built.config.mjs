// The fault suite against the built library: the same tests, with every import of the library's
// sources (src/) answered by the built bundles in dist/, so what ships is what is tested — one
// message per send and no draft lost, whatever the network does. The mock backend stays on its
// sources. Usage: npm run build && npm run test:built
//
// The build minifies the HTML and CSS inside templates, so the tests that find controls by role
// and accessible name, and check axe per state, run here too: the accessibility sweep, the
// keyboard paths, and each element's states and interactions.
import { existsSync } from 'node:fs';
import base from './web-test-runner.config.mjs';

if (!existsSync('dist/index.js')) {
  console.error('No dist/: run npm run build first.');
  process.exit(1);
}

/** src/ module → the dist/ entry that exports it. */
const ENTRIES = [
  [/^\/src\/define\/([\w-]+)\.(js|ts)$/, (m) => `/dist/define/${m[1]}.js`],
  [/^\/src\/adapter\//, () => '/dist/adapter.js'],
  [/^\/src\/domain\//, () => '/dist/domain.js'],
  [/^\/src\/localization\//, () => '/dist/localization.js'],
  [/^\/src\/(events|elements)\//, () => '/dist/index.js'],
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  files: [
    'test/elements/secure-compose/compose-send.test.ts',
    'test/elements/secure-thread/faults.test.ts',
    'test/elements/life-cycle.test.ts',
    'test/a11y/sweep.test.ts',
    'test/elements/notice-badge/notice-badge.test.ts',
    'test/elements/secure-compose/compose-form.test.ts',
    'test/elements/secure-compose/compose-leave.test.ts',
    'test/elements/secure-inbox/filters.test.ts',
    'test/elements/secure-inbox/interaction.test.ts',
    'test/elements/secure-inbox/secure-inbox.test.ts',
    'test/elements/secure-inbox/sort-paging.test.ts',
    'test/elements/secure-thread/assignment.test.ts',
    'test/elements/secure-thread/states.test.ts',
    'test/elements/secure-thread/transitions.test.ts',
  ],
  coverage: false,
  plugins: [
    {
      name: 'library-from-dist',
      resolveImport({ source, context }) {
        if (!context.path.startsWith('/test/') || !source.startsWith('.')) return undefined;
        const path = new URL(source, `http://x${context.path}`).pathname;
        if (!path.startsWith('/src/')) return undefined;
        for (const [pattern, target] of ENTRIES) {
          const match = path.match(pattern);
          if (match) return target(match);
        }
        throw new Error(`${context.path} imports ${source}, which dist/ does not export`);
      },
    },
    ...base.plugins,
  ],
};

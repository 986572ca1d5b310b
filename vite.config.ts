import { readdirSync } from 'node:fs';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

/** One side-effect entry per element: every module in src/define except the helper itself. */
const defineEntries = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts') && file !== 'define.ts')
    .map((file) => [`define/${file.slice(0, -3)}`, `src/define/${file}`]),
);

/**
 * `npm start` serves the demo page (index.html) on the MSW mock backend; `npm run build:demo`
 * (mode `demo`) builds it as static files in `dist-demo/`, with MSW's service worker from
 * `public/` and relative URLs throughout, so any static server can serve it from any path.
 * `npm run build` builds the library: one ES module per entry point, with Lit, MSW and eventsource-parser external,
 * so a page that loads several entries shares one Lit; the mock backend is its own entry and
 * never part of the element bundles.
 *
 * The build minifies the HTML and CSS inside `html` and `css` templates, so a portal gets small
 * templates whatever its own tooling does. White space is collapsed conservatively (a run becomes
 * one space, never none), so no text or accessible name changes: with the plugin's defaults the
 * badge read "Säkra meddelanden(12)", the space before a binding dropped. Message text is data,
 * never template text, so it is not touched. `npm run test:built` runs the tests that read names.
 */
const demo = defineConfig({
  base: './',
  build: { outDir: 'dist-demo', emptyOutDir: true, copyPublicDir: true, sourcemap: true, target: 'es2022' },
});

const library = defineConfig({
  server: { port: 5173, strictPort: false },
  plugins: [
    {
      ...minifyTemplateLiterals({
        include: ['src/**/*.ts'],
        failOnError: true,
        options: { minifyOptions: { conservativeCollapse: true } },
      }),
      apply: 'build',
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      formats: ['es'],
      entry: {
        index: 'src/index.ts',
        domain: 'src/domain/index.ts',
        adapter: 'src/adapter/index.ts',
        localization: 'src/localization/index.ts',
        ...defineEntries,
        mocks: 'mocks/index.ts',
        'mocks-node': 'mocks/node.ts',
      },
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^msw(\/|$)/, /^eventsource-parser$/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'demo' ? demo : library));

import { defineConfig } from 'vite';

/**
 * `npm start` serves the demo page (index.html) on the MSW mock backend.
 * `npm run build` builds the library: one ES module per entry point, with Lit and MSW external,
 * so a page that loads several entries shares one Lit; the mock backend is its own entry and
 * never part of the element bundles.
 */
export default defineConfig({
  server: { port: 5173, strictPort: false },
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
        'define/secure-adapter-provider': 'src/define/secure-adapter-provider.ts',
        'define/secure-inbox': 'src/define/secure-inbox.ts',
        'define/notice-badge': 'src/define/notice-badge.ts',
        mocks: 'mocks/index.ts',
      },
    },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^msw(\/|$)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

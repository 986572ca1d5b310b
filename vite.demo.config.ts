import { defineConfig } from 'vite';

/**
 * `npm run build:demo`: the demo page as static files in `dist-demo/`, with MSW's service worker
 * (from `public/`), relative URLs throughout, so any static server can serve it from any path.
 */
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    copyPublicDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});

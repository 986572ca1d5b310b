// Serves built output as it is for the browser tests: `vite preview --config
// test/browser/preview.config.ts --outDir <folder>`, started by playwright.config.ts. A missing
// file is a 404 (no fallback to index.html). With STRICT_CSP set, every response carries the
// Content-Security-Policy a hardened portal sends: Trusted Types enforced, and besides Lit's own
// policy only the demo's.
import process from 'node:process';
import { defineConfig } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html secure-messages-demo',
].join('; ');

export default defineConfig({
  appType: 'mpa',
  logLevel: 'error',
  preview: {
    host: '127.0.0.1',
    strictPort: true,
    headers: {
      'cache-control': 'no-store',
      ...(process.env.STRICT_CSP ? { 'content-security-policy': CSP } : {}),
    },
  },
});

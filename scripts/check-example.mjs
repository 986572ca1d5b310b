// Runs examples/plain-html against the built dist/: a Node server serves the page, dist/ and Lit
// from node_modules, and answers the API with the mock backend's MSW handlers (the contract the
// REST adapter speaks). Fails on page or console errors, a missing file, or when the inbox does not
// list conversations. Usage: npm run build && node scripts/check-example.mjs
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveStatic } from './static-server.mjs';

// The mock backend, built for Node (it is TypeScript in mocks/).
// Inside the package, so that the bundle resolves msw from node_modules.
const outDir = join('node_modules', '.cache', 'check-example');
await build({
  configFile: false,
  logLevel: 'silent',
  build: { ssr: 'mocks/backend.ts', outDir, rolldownOptions: { output: { entryFileNames: 'backend.mjs' } } },
});
const { createMockBackend } = await import(pathToFileURL(join(process.cwd(), outDir, 'backend.mjs')).href);
const backend = createMockBackend({ size: 60 });

const files = await serveStatic('.');
const api = createServer(async (incoming, outgoing) => {
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const request = new Request(url, {
      method: incoming.method,
      headers: Object.entries(incoming.headers).flatMap(([k, v]) =>
        Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [],
      ),
      body: ['GET', 'HEAD'].includes(incoming.method ?? 'GET') ? undefined : Buffer.concat(chunks),
    });
    const response =
      (await getResponse(backend.handlers, request)) ?? new Response('Not found', { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body).pipe(outgoing);
    else outgoing.end();
    return;
  }
  // Everything else from the package root (examples/, dist/, node_modules/).
  const proxied = await fetch(new URL(url.pathname + url.search, files.url));
  outgoing.writeHead(proxied.status, Object.fromEntries(proxied.headers));
  outgoing.end(Buffer.from(await proxied.arrayBuffer()));
});
await new Promise((listening) => api.listen(0, '127.0.0.1', listening));
const address = api.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const page = await browser.newPage();
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
});
page.on('response', (r) => {
  if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`);
});
try {
  await page.goto(`${base}/examples/plain-html/index.html`);
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: /Säkra meddelanden.*att hantera/ }).waitFor();
  const fromDist = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('/dist/define/secure-messages.js')),
  );
  if (!fromDist) problems.push('the page did not load dist/define/secure-messages.js');
} catch (error) {
  problems.push(error.message.split('\n')[0]);
}
await browser.close();
api.close();
await files.close();
for (const p of problems) console.log(`  ${p}`);
console.log(
  problems.length === 0
    ? 'The plain HTML example works with the built dist/.'
    : 'The plain HTML example failed.',
);
process.exit(problems.length === 0 ? 0 : 1);

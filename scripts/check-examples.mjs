// Runs every example of the README against the built dist/ (npm run build first):
// - examples/plain-html: served as it is (import map, no build step);
// - examples/portal, react, vue, angular: built with Vite here, with `@kpa/secure-messages/*`
//   resolved through the package's own `exports` to dist/, as an installed package would be.
// One Node server serves the pages and answers the API with the mock backend's MSW handlers (the
// contract the REST adapter speaks); the portal's requests must carry its CSRF token. In each page a
// user sends a new message through the UI; the framework pages must show that they heard the
// `secure-message-sent` event, and the portal must survive a 401 without losing the draft.
// Last, examples/node-test runs under `node --test`: the mock backend in another site's tests.
// Fails on page or console errors, failed requests, or a journey that does not complete.
// Usage: npm run build && node scripts/check-examples.mjs
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { selfReference } from './self-reference.mjs';
import { serveStatic } from './static-server.mjs';

const CACHE = join('node_modules', '.cache', 'check-examples');
const CSRF_TOKEN = 'example-csrf-token';

// The mock backend, built for Node (it is TypeScript in mocks/).
// Inside the package, so that the bundle resolves msw from node_modules.
await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    ssr: 'mocks/backend.ts',
    outDir: join(CACHE, 'backend'),
    rolldownOptions: { output: { entryFileNames: 'backend.mjs' } },
  },
});
const { createMockBackend } = await import(pathToFileURL(resolve(CACHE, 'backend', 'backend.mjs')).href);
const backend = createMockBackend({ size: 60 });

const BUILT = ['portal', 'react', 'vue', 'angular'];
for (const name of BUILT) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join('examples', name),
    base: './',
    plugins: [selfReference],
    // Vue's full build compiles the example's in-DOM template at run time.
    resolve: name === 'vue' ? { alias: { vue: 'vue/dist/vue.esm-bundler.js' } } : {},
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: { outDir: resolve(CACHE, name), emptyOutDir: true, minify: false, target: 'es2022' },
  });
}

const csrfFailures = [];
const root = await serveStatic('.');
const built = await serveStatic(CACHE);
const server = createServer(async (incoming, outgoing) => {
  // The address the page used (with its port), so the mock sees the page's own origin in `Origin`.
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
  if (url.pathname.startsWith('/api/')) {
    const fromPortal = (incoming.headers.referer ?? '').includes('/built/portal/');
    if (fromPortal && incoming.headers['x-csrf-token'] !== CSRF_TOKEN) {
      csrfFailures.push(`${incoming.method} ${url.pathname}`);
      outgoing.writeHead(403, { 'content-type': 'application/problem+json' });
      outgoing.end(JSON.stringify({ type: 'about:blank', title: 'CSRF token missing', status: 403 }));
      return;
    }
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
  // /built/<example>/… from the Vite builds, everything else from the package root.
  const target = url.pathname.startsWith('/built/')
    ? new URL(url.pathname.slice('/built'.length), built.url)
    : new URL(url.pathname, root.url);
  const proxied = await fetch(target);
  outgoing.writeHead(proxied.status, Object.fromEntries(proxied.headers));
  outgoing.end(Buffer.from(await proxied.arrayBuffer()));
});
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** Writes a new message through the form, as a user does, and waits for its number. */
async function sendMessage(page, text) {
  await page.getByLabel('Ämne').selectOption({ index: 1 });
  await page.getByLabel('Meddelande', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Skicka' }).click();
}

async function confirmedNumber(page) {
  const confirmation = page.getByText(/Meddelandenummer: \d{5}/);
  await confirmation.waitFor({ timeout: 15_000 });
  return (await confirmation.textContent()).match(/\d{5}/)[0];
}

/** The journey every example passes: the list with the badge, then a new message sent. */
async function journey(page, url) {
  await page.goto(url);
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: /Säkra meddelanden.*att hantera/ }).waitFor();
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await sendMessage(page, 'Gäller lönerapporteringen för mars.');
  return confirmedNumber(page);
}

const EXAMPLES = {
  'plain-html': {
    url: '/examples/plain-html/index.html',
    async check(page) {
      await journey(page, `${base}${this.url}`);
      const fromDist = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((e) => e.name.includes('/dist/define/secure-messages.js')),
      );
      if (!fromDist) throw new Error('the page did not load dist/define/secure-messages.js');
    },
  },
  portal: {
    url: '/built/portal/index.html',
    async check(page) {
      await journey(page, `${base}${this.url}`);
      // The session ends: the next send answers 401. The sign-in link shows; the text leaves the
      // screen but is kept in memory for the same user.
      backend.faults.add({
        kind: 'status',
        status: 401,
        times: 1,
        match: { method: 'POST', path: '/conversations' },
      });
      await page.getByRole('button', { name: 'Skriv ett nytt meddelande' }).click();
      await sendMessage(page, 'Andra meddelandet, efter utloggning.');
      await page.getByRole('link', { name: 'Logga in igen (öppnas i en ny flik)' }).waitFor();
      await page.getByText('Ditt meddelande finns kvar.').waitFor();
      if ((await page.getByText('Andra meddelandet, efter utloggning.').count()) > 0)
        throw new Error('the draft stayed on screen after the session ended');
      // Signed in again: Försök igen asks who is signed in and shows the same draft; Försök igen
      // in the form sends it, and the banner goes.
      await page.getByRole('button', { name: 'Försök igen' }).click();
      await page.getByText('Du är inloggad igen.').waitFor();
      const kept = await page.getByLabel('Meddelande', { exact: true }).inputValue();
      if (kept !== 'Andra meddelandet, efter utloggning.')
        throw new Error(`the draft was not kept: "${kept}"`);
      await page.getByRole('button', { name: 'Försök igen' }).click();
      await confirmedNumber(page);
      await page
        .getByRole('link', { name: 'Logga in igen (öppnas i en ny flik)' })
        .waitFor({ state: 'hidden' });
    },
  },
  ...Object.fromEntries(
    ['react', 'vue', 'angular'].map((name) => [
      name,
      {
        url: `/built/${name}/index.html`,
        async check(page) {
          const number = await journey(page, `${base}${this.url}`);
          // The framework heard `secure-message-sent` and rendered its detail.
          await page.getByText(`Senast skickat: meddelandenummer ${number}`).waitFor();
        },
      },
    ]),
  ),
};

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
let failed = 0;
for (const [name, example] of Object.entries(EXAMPLES)) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    // The portal's 401 is the journey's own fault.
    if (r.status() >= 400 && !(name === 'portal' && r.status() === 401)) {
      problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`);
    }
  });
  try {
    await example.check(page);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  }
  backend.faults.clear();
  await page.close();
  if (csrfFailures.length > 0)
    problems.push(`requests without the CSRF token: ${csrfFailures.splice(0).join(', ')}`);
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name} (${example.url})`);
  for (const p of problems) console.log(`       ${p}`);
  if (problems.length > 0) failed++;
}
await browser.close();
server.close();
await Promise.all([root.close(), built.close()]);

const nodeTest = spawnSync(process.execPath, ['--test', '--test-reporter=dot', 'examples/node-test/'], {
  encoding: 'utf8',
});
console.log(`${nodeTest.status === 0 ? 'ok  ' : 'FAIL'} node-test (node --test examples/node-test/)`);
if (nodeTest.status !== 0) {
  console.log(nodeTest.stdout, nodeTest.stderr);
  failed++;
}

const total = Object.keys(EXAMPLES).length + 1;
console.log(
  failed === 0
    ? `All ${total} README examples work with the built dist/.`
    : `${failed} of ${total} README examples failed.`,
);
process.exit(failed === 0 ? 0 : 1);

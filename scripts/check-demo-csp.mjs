// Serves the built demo (dist-demo/) with a strict Content-Security-Policy that enforces Trusted
// Types, plays the main journeys through the UI (send with a file, filter, open, reply, claim,
// close) and fails on any CSP or Trusted Types violation. After every journey it asserts privacy:
// browser storage, IndexedDB, Cache Storage and cookies hold nothing from messages, drafts or
// searches; no request URL holds a personnummer or the search text; nothing personal reached the
// console. Usage: npm run build:demo && node scripts/check-demo-csp.mjs
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { serveStatic } from './static-server.mjs';

/** The policy a hardened portal sends; the demo may add one Trusted Types policy of its own. */
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

// Skatteverket's test personnummer for Tolvan Tolvansson, in the forms users write it.
const PERSONNUMMER = ['19121212-1212', '121212-1212', '191212121212', '1212121212'];
const BODY = 'Lönelista för mars. Gäller Tolvan Tolvansson 19121212-1212, månadslön 38 500 kr.';
const SEARCH = '1212121212'; // another form of the personnummer in BODY
const REPLY = 'Rättad lönelista bifogad. Personnummer 191212121212 gäller.';
/** Everything typed in the journeys: none of it may be stored, put in a URL or logged. */
const SECRETS = [BODY, SEARCH, REPLY, 'Tolvansson', 'månadslön', 'Rättad lönelista', ...PERSONNUMMER];
/** Any Swedish personnummer shape: 6 or 8 digits, optional - or +, 4 digits. */
const PERSONNUMMER_SHAPE = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/;

const server = await serveStatic('dist-demo', { headers: { 'content-security-policy': CSP } });
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
const consoleTexts = [];
const requestUrls = [];

await page.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(
      `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
    );
  });
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (m) => {
  consoleTexts.push(m.text());
  if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
});
page.on('request', (r) => requestUrls.push(r.url()));
page.on('response', (r) => {
  if (r.status() >= 400 && !r.fromServiceWorker()) problems.push(`HTTP ${r.status()}: ${r.url()}`);
});

/** What the page keeps in the browser, read through the page itself. */
async function browserState() {
  return page.evaluate(async () => {
    const entries = (storage) => Object.keys(storage).map((k) => `${k}=${storage.getItem(k)}`);
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push(`${name}: ${request.url} ${response ? await response.text() : ''}`);
      }
    }
    return {
      localStorage: entries(localStorage),
      sessionStorage: entries(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
      caches: cached,
      cookie: document.cookie,
    };
  });
}

async function assertPrivacy(journey) {
  const state = await browserState();
  const stored = [
    ...state.localStorage,
    ...state.sessionStorage,
    ...state.indexedDB,
    ...state.caches,
    state.cookie,
  ].join('\n');
  for (const secret of SECRETS) {
    if (stored.includes(secret)) problems.push(`${journey}: "${secret}" is kept in the browser`);
  }
  if (state.indexedDB.length > 0)
    problems.push(`${journey}: IndexedDB databases: ${state.indexedDB.join(', ')}`);
  if (state.caches.length > 0)
    problems.push(`${journey}: Cache Storage holds ${state.caches.length} responses`);
  if (state.cookie !== '') problems.push(`${journey}: cookies set: ${state.cookie}`);
  for (const url of requestUrls) {
    const decoded = decodeURIComponent(url);
    if (PERSONNUMMER_SHAPE.test(decoded) || SECRETS.some((s) => decoded.includes(s))) {
      problems.push(`${journey}: personal data in a request URL: ${url}`);
    }
  }
  if (PERSONNUMMER_SHAPE.test(decodeURIComponent(page.url())))
    problems.push(`${journey}: personal data in the page URL`);
  for (const text of consoleTexts) {
    if (PERSONNUMMER_SHAPE.test(text) || SECRETS.some((s) => text.includes(s))) {
      problems.push(`${journey}: personal data on the console: ${text.slice(0, 120)}`);
    }
  }
}

async function journey(name, action) {
  try {
    await action();
    await assertPrivacy(name);
    console.log(`✓ ${name}`);
  } catch (error) {
    problems.push(`${name}: ${error.message.split('\n')[0]}`);
    console.log(`✗ ${name}`);
  }
}

const table = () => page.getByRole('table', { name: 'Meddelanden' });
let number = '';

await journey('start page, then Säkra meddelanden', async () => {
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Aktuella ärenden' }).waitFor({ timeout: 15_000 });
  await page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1).click();
  await table().getByRole('row').nth(2).waitFor({ timeout: 15_000 });
});

await journey('send a new message with a file', async () => {
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await page.getByLabel('Ämne').selectOption({ index: 1 });
  await page.getByLabel('Meddelande', { exact: true }).fill(BODY);
  await page.getByLabel('Bifoga fil').setInputFiles({
    name: 'lonelista-mars.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Tolvan Tolvansson 19121212-1212\n'),
  });
  await page.getByRole('button', { name: 'Skicka' }).click();
  const confirmation = page.getByText(/Meddelandenummer: \d{5}/);
  await confirmation.waitFor({ timeout: 15_000 });
  number = (await confirmation.textContent()).match(/\d{5}/)[0];
});

await journey('filter the list by message text', async () => {
  await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
  await page.getByRole('button', { name: 'Visa filtrering' }).click();
  await page.getByLabel('Meddelandetext').fill(SEARCH);
  // Only the new conversation mentions that personnummer (in another form).
  await page.getByText('1 meddelande', { exact: true }).waitFor({ timeout: 15_000 });
  await table()
    .getByRole('link', { name: new RegExp(number) })
    .waitFor();
});

await journey('open the conversation', async () => {
  await table()
    .getByRole('link', { name: new RegExp(number) })
    .click();
  await page.getByText('lonelista-mars.pdf').first().waitFor({ timeout: 15_000 });
});

await journey('reply in the conversation', async () => {
  await page.getByLabel('Meddelande', { exact: true }).fill(REPLY);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await page.getByText('Ditt svar har skickats.').waitFor({ timeout: 15_000 });
});

await journey('claim the conversation (Jag arbetar med ärendet)', async () => {
  await page.getByRole('checkbox', { name: 'Jag arbetar med ärendet' }).check();
  await page.getByText('Du arbetar nu med ärendet.').waitFor({ timeout: 15_000 });
});

await journey('as the case officer, close the conversation', async () => {
  await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
  await page.getByText('Katarina Hallberg | KPAH01').waitFor();
  await page.evaluate((n) => {
    location.hash = `#meddelande/${n}`;
  }, number);
  await page.getByRole('button', { name: 'Markera konversation som avslutad' }).click();
  await page.getByRole('button', { name: 'Ja, markera som avslutad' }).click();
  await page.getByText('Konversationen är markerad som avslutad.').waitFor({ timeout: 15_000 });
});

await browser.close();
await server.close();
for (const p of problems) console.log(`  ${p}`);
console.log(
  problems.length === 0
    ? 'The demo works under the strict CSP with Trusted Types, and keeps nothing personal.'
    : 'The demo failed under the strict CSP or leaked personal data.',
);
process.exit(problems.length === 0 ? 0 : 1);

// Serves the built demo (dist-demo/) from a plain static server under a sub-path and checks that it
// works there: the mock backend starts, the start page shows the notice count, the feature page
// lists conversations, Visa som switches to the case officer, the form opens; no page or console
// errors, and no axe violations (WCAG 2.x A/AA) on the views visited.
// Usage: npm run build:demo && node scripts/check-demo.mjs
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveStatic } from './static-server.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Served below /demo/ to prove the build uses relative URLs only.
const root = mkdtempSync(join(tmpdir(), 'demo-'));
symlinkSync(resolve('dist-demo'), join(root, 'demo'));
const server = await serveStatic(root);
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
});
page.on('response', (r) => {
  if (r.status() >= 400 && !r.fromServiceWorker()) problems.push(`HTTP ${r.status()}: ${r.url()}`);
});

async function axe(view) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(
    async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    TAGS,
  );
  for (const v of violations) problems.push(`axe on ${view}: ${v.id} (${v.nodes.length}): ${v.help}`);
}

async function step(name, action) {
  try {
    await action();
    console.log(`✓ ${name}`);
  } catch (error) {
    problems.push(`${name}: ${error.message.split('\n')[0]}`);
    console.log(`✗ ${name}`);
  }
}

const base = `${server.url}demo/`;
await step('start page with Aktuella ärenden and the notice count', async () => {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Aktuella ärenden' }).waitFor({ timeout: 15_000 });
  await page
    .getByRole('link', { name: /Säkra meddelanden.*\d+ ärenden? att hantera/ })
    .first()
    .waitFor();
  await axe('the start page');
});
await step('feature page lists conversations', async () => {
  await page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1).click();
  await page.getByRole('heading', { name: 'Säkra meddelanden', level: 1 }).waitFor();
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await axe('the inbox');
});
await step('Visa som KPA-handläggare, then Nytt meddelande with Organisation', async () => {
  await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
  await page.getByText('Katarina Hallberg | KPAH01').waitFor();
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await page.getByLabel('Organisation').waitFor();
  await axe('the form');
});

await browser.close();
await server.close();
for (const p of problems) console.log(`  ${p}`);
console.log(
  problems.length === 0 ? 'The built demo works from a static server.' : 'The built demo has problems.',
);
process.exit(problems.length === 0 ? 0 : 1);

// Serves the built demo (dist-demo/) from a plain static server under a sub-path and checks that it
// works there: the mock backend starts, the start page shows the notice count, the feature page
// lists conversations, a session's end clears an open conversation, Visa som switches to the case
// officer, the form opens; no page or console
// errors, no axe violations (WCAG 2.x A/AA) and a Tab order that follows the reading order on the
// views visited.
// Usage: npm run build:demo && node scripts/check-demo.mjs
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
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
/** While a step switches on the mock's 401, the browser's own log line for it is expected. */
let expect401 = false;
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (expect401 && /status of 401/.test(m.text())) return;
  problems.push(`console error: ${m.text()}`);
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

/**
 * Tabs through the whole page from the top: every stop is a visible, named control (never
 * <body>), stops come in reading order (top to bottom, and left to right on a line), and Tab
 * gets back to the start without visiting a control twice.
 */
async function tabOrder(view) {
  // Start from the top: a click on the page's top-left corner moves the point where sequential
  // focus navigation starts there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
  const stops = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const rect = el.getBoundingClientRect();
      const name =
        el.getAttribute('aria-label') ??
        (el.labels?.[0]?.textContent ||
          el.textContent ||
          el.getAttribute('title') ||
          el.getAttribute('name') ||
          '');
      return {
        tag: el.localName,
        name: name.replace(/\s+/g, ' ').trim().slice(0, 60),
        top: rect.top + window.scrollY,
        bottom: rect.bottom + window.scrollY,
        left: rect.left + window.scrollX,
        visible: rect.width > 0 && rect.height > 0,
        key: `${el.localName}|${el.id}|${rect.top + window.scrollY}|${rect.left + window.scrollX}`,
      };
    });
    if (stop === null) break; // past the last control: focus left the page
    if (stops.some((s) => s.key === stop.key)) break; // wrapped around
    stops.push(stop);
  }
  if (stops.length === 0) problems.push(`Tab order on ${view}: no control takes focus`);
  stops.forEach((stop, i) => {
    const what = `${stop.tag} "${stop.name}"`;
    if (!stop.visible) problems.push(`Tab order on ${view}: stop ${i + 1}, ${what}, is not visible`);
    if (stop.name === '') problems.push(`Tab order on ${view}: stop ${i + 1}, a ${stop.tag}, has no name`);
    const before = stops[i - 1];
    // Reading order: a later stop is not wholly above the one before, and on the same line (their
    // heights overlap) it is not to the left of it.
    const sameLine = before && stop.top < before.bottom && before.top < stop.bottom;
    if (before && (stop.bottom <= before.top || (sameLine && stop.left < before.left))) {
      problems.push(
        `Tab order on ${view}: ${what} comes after ${before.tag} "${before.name}" but reads before it`,
      );
    }
  });
  console.log(`  ${view}: ${stops.length} Tab stops`);
  return stops.length;
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
  await tabOrder('the start page');
});
await step('feature page lists conversations', async () => {
  await page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1).click();
  await page.getByRole('heading', { name: 'Säkra meddelanden', level: 1 }).waitFor();
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await axe('the inbox');
  await tabOrder('the inbox');
});
await step('a conversation opens from the list', async () => {
  await page.getByRole('table').getByRole('row').nth(1).locator('th button, th a').first().click();
  await page.getByRole('article').first().waitFor({ timeout: 15_000 });
  await page.getByLabel('Meddelande', { exact: true }).waitFor();
  await axe('a conversation');
  await tabOrder('a conversation');
  await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
});
await step(
  'the menu entry Säkra meddelanden leads to the list, by mouse and by keyboard; Back and Forward follow',
  async () => {
    const menuEntry = page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1);
    const list = page.getByRole('table').getByRole('row').nth(2);
    const conversation = page.getByRole('article').first();
    await page.getByRole('table').getByRole('row').nth(1).locator('th button, th a').first().click();
    await conversation.waitFor({ timeout: 15_000 });
    await menuEntry.click();
    await list.waitFor({ timeout: 15_000 });
    if (await conversation.isVisible()) throw new Error('the conversation stayed on screen after the menu');
    if (new URL(page.url()).hash !== '') throw new Error(`the address kept ${new URL(page.url()).hash}`);
    await page.goBack();
    await conversation.waitFor({ timeout: 15_000 });
    await page.goForward();
    await list.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Nytt meddelande' }).click();
    await page.getByLabel('Meddelande', { exact: true }).waitFor();
    await menuEntry.focus();
    await page.keyboard.press('Enter');
    await list.waitFor({ timeout: 15_000 });
    if (await page.getByLabel('Meddelande', { exact: true }).isVisible())
      throw new Error('the form stayed on screen after the menu (keyboard)');
  },
);
await step(
  'the session ends with a conversation open: on return to the tab its messages leave the screen; Försök igen brings them back',
  async () => {
    await page.getByRole('table').getByRole('row').nth(1).locator('th button, th a').first().click();
    const article = page.getByRole('article').first();
    await article.waitFor({ timeout: 15_000 });
    const said = (await article.innerText()).split('\n').filter((line) => line.trim().length > 12);
    expect401 = true;
    const panel = page.getByText('Utvecklarpanel (mock-backend)');
    await panel.click();
    await page.getByLabel('401 Utloggad på allt').check();
    await panel.click();
    // The user comes back to the tab: the conversation refreshes, and the server says 401.
    await page.evaluate(() => {
      for (const state of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      }
    });
    await page.getByText('Du har blivit utloggad').first().waitFor({ timeout: 15_000 });
    if ((await page.getByRole('article').count()) > 0) throw new Error('messages stayed on screen');
    const text = await page.locator('body').innerText();
    const left = said.filter((line) => text.includes(line));
    if (left.length > 0) throw new Error(`still on screen: ${left.join(' | ')}`);
    await axe('the signed-out conversation');
    await panel.click();
    await page.getByLabel('401 Utloggad på allt').uncheck();
    await panel.click();
    await page.getByRole('button', { name: 'Försök igen' }).first().click();
    await article.waitFor({ timeout: 15_000 });
    expect401 = false;
    await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
    await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  },
);
await step('the developer panel shows how many conversations the mock backend holds (200)', async () => {
  await page.getByText('Utvecklarpanel (mock-backend)').click();
  const size = await page.getByLabel('Antal konversationer').inputValue();
  if (size !== '200') throw new Error(`it shows ${size}`);
  await page.getByText('Utvecklarpanel (mock-backend)').click();
});
await step('Visa som KPA-handläggare, then Nytt meddelande with Organisation', async () => {
  await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
  await page.getByText('Katarina Hallberg | KPAH01').waitFor();
  await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await page.getByLabel('Organisation').waitFor();
  await axe('the form');
  await tabOrder('the form');
});

await browser.close();
await server.close();
for (const p of problems) console.log(`  ${p}`);
console.log(
  problems.length === 0 ? 'The built demo works from a static server.' : 'The built demo has problems.',
);
process.exit(problems.length === 0 ? 0 : 1);

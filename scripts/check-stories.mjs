// Renders every story of the built Storybook (storybook-static/) in headless Chromium and fails on
// any page error, console error or axe violation of the WCAG 2.0/2.1/2.2 A and AA rules, and on any
// play function that throws: a story whose state is reached by a play function (clicks, typing, by
// accessible names) fails when that state no longer appears. axe then checks the state reached.
// Usage: npm run build-storybook && node scripts/check-stories.mjs [filter]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { serveStatic } from './static-server.mjs';
import { builtStories, storySettled, storyUrl, watchStories } from './story-page.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const filter = process.argv[2] ?? '';

const stories = builtStories(filter);
const server = await serveStatic('storybook-static');
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
await watchStories(context);
let failures = 0;
let played = 0;

for (const story of stories) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser's own log line for an HTTP error is not an error of the page: the fault stories
    // answer 401/503 on purpose through MSW. Missing files are caught below instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.fromServiceWorker())
      problems.push(`HTTP ${response.status()}: ${new URL(response.url()).pathname}`);
  });
  await page.goto(storyUrl(server.url, story.id));
  const settledProblems = await storySettled(page);
  problems.push(...settledProblems);
  if (settledProblems.length === 0 && story.tags?.includes('play-fn')) played++;
  // Our own copy of axe under another name: the a11y addon may be running its own at the same time.
  await page.addScriptTag({ content: `${AXE};window.__checkAxe = window.axe;` });
  const violations = await page.evaluate(async (tags) => {
    const options = { runOnly: { type: 'tag', values: tags } };
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await window.__checkAxe.run(document.querySelector('#storybook-root'), options);
        return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`);
      } catch (error) {
        if (attempt > 50 || !String(error).includes('already running')) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, TAGS);
  problems.push(...violations.map((v) => `axe: ${v}`));
  await page.close();
  if (problems.length > 0) {
    failures++;
    console.log(`✗ ${story.title} › ${story.name}`);
    for (const p of problems) console.log(`    ${p}`);
  } else {
    console.log(`✓ ${story.title} › ${story.name}`);
  }
}

await browser.close();
await server.close();
console.log(
  `${stories.length - failures} stories passed (${played} with a play function), ${failures} failed`,
);
process.exit(failures > 0 || stories.length === 0 ? 1 : 0);

// The list at 320 px is drawn as stacked rows (display: block/grid on the table's elements), which
// drops table semantics in some engines unless the roles are explicit. This reads what the engines
// themselves expose for the Narrow story of the built Storybook: Chromium's accessibility tree (CDP)
// and WebKit's computed roles (WebDriver, under Xvfb). Firefox has no such interface outside CDP,
// which it no longer offers; it honours explicit ARIA roles whatever the display.
// Usage: npm run build-storybook && xvfb-run -a node scripts/check-table-semantics.mjs
import { chromium } from 'playwright-core';
import { remote } from 'webdriverio';
import { CHROME_ARGS, findChrome, findWebKit, startWebKitDriver } from '../test/browsers.mjs';
import { serveStatic } from './static-server.mjs';
import { storySettled, storyUrl, watchStories } from './story-page.mjs';

const STORY = 'elements-secure-inbox--narrow';
const COLUMNS = ['Meddelandenr', 'Datum', 'Ämne', 'Status', 'Ansvarig'];
const server = await serveStatic('storybook-static');
const failures = [];

// Chromium: the accessibility tree, as a screen reader gets it.
{
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await watchStories(context);
  const page = await context.newPage();
  await page.goto(storyUrl(server.url, STORY));
  failures.push(...(await storySettled(page)));
  const { nodes } = await (await context.newCDPSession(page)).send('Accessibility.getFullAXTree');
  const shown = nodes.filter((n) => !n.ignored);
  const named = (role) => shown.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');
  const stacked = await page.evaluate(() => {
    const table = document.querySelector('secure-inbox').shadowRoot.querySelector('table');
    return getComputedStyle(table).display;
  });
  if (stacked !== 'block')
    failures.push(`Chromium: the table is not stacked at 320 px (display: ${stacked})`);
  if (!named('table').includes('Meddelanden')) failures.push('Chromium: no table named Meddelanden');
  const headers = named('columnheader').map((n) => n.replace(/\s*[↕▲▼]$/, ''));
  if (COLUMNS.some((c) => !headers.some((h) => h.startsWith(c))))
    failures.push(`Chromium: column headers ${JSON.stringify(headers)}, expected ${COLUMNS.join(', ')}`);
  const rowHeaders = named('rowheader');
  if (rowHeaders.length === 0 || rowHeaders.some((n) => n.includes('Meddelandenr')))
    failures.push(
      `Chromium: row headers ${JSON.stringify(rowHeaders.slice(0, 3))} (numbers, without the visual label)`,
    );
  if (named('cell').length < rowHeaders.length * 4) failures.push('Chromium: cells missing');
  console.log(`Chromium: table, ${headers.length} column headers, ${rowHeaders.length} rows`);
  await browser.close();
}

// WebKit (WebKitGTK's MiniBrowser over WebDriver): the computed role of each table element.
const webkit = findWebKit();
if (webkit.driver && webkit.browser) {
  const { stop, ...driver } = await startWebKitDriver(webkit);
  const browser = await remote({ ...driver, logLevel: 'error' });
  try {
    await browser.url(storyUrl(server.url, STORY));
    const inbox = await browser.$('secure-inbox');
    await browser.waitUntil(async () => (await inbox.shadow$$('tbody th')).length > 0, { timeout: 20000 });
    const expected = {
      table: 'table',
      thead: 'rowgroup',
      'tbody tr': 'row',
      'thead th': 'columnheader',
      'tbody th': 'rowheader',
      'tbody td': 'cell',
    };
    for (const [selector, role] of Object.entries(expected)) {
      const actual = await (await inbox.shadow$(selector)).getComputedRole();
      if (actual !== role) failures.push(`WebKit: ${selector} has role ${actual}, expected ${role}`);
    }
    console.log('WebKit: computed roles checked');
  } finally {
    await browser.deleteSession();
    stop();
  }
} else {
  failures.push('WebKit: no WebKitWebDriver and MiniBrowser (Debian: apt-get install -y webkit2gtk-driver)');
}

await server.close();
for (const f of failures) console.log(`✗ ${f}`);
console.log(failures.length === 0 ? 'The stacked list is a table with headers in Chromium and WebKit' : '');
process.exit(failures.length > 0 ? 1 : 0);

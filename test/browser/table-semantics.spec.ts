// The list at 320 px is drawn as stacked rows (display: block/grid on the table's elements), which
// drops table semantics in some engines unless the roles are explicit. This reads what the engines
// themselves expose for the Narrow story: Chromium's accessibility tree (CDP) and WebKit's computed
// roles (WebKitGTK's MiniBrowser over WebDriver, which Playwright cannot drive; needs a display,
// e.g. xvfb-run). Firefox has no such interface outside CDP, which it no longer offers; it honours
// explicit ARIA roles whatever the display.
import { expect, test } from '@playwright/test';
import { remote } from 'webdriverio';
import { findWebKit, startWebKitDriver } from '../browsers.mjs';
import { openStory, storyPath } from './stories.js';

const STORY = 'elements-secure-inbox--narrow';
const COLUMNS = ['Meddelandenr', 'Datum', 'Ämne', 'Status', 'Ansvarig'];

test.use({ viewport: { width: 320, height: 640 } });

test('Chromium: the stacked list is a table with column and row headers', async ({ page }) => {
  expect(await openStory(page, STORY)).toEqual([]);
  const display = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('secure-inbox')!.shadowRoot!.querySelector('table')!).display,
  );
  expect(display, 'the table is stacked at 320 px').toBe('block');
  const { nodes } = await (await page.context().newCDPSession(page)).send('Accessibility.getFullAXTree');
  const named = (role: string) =>
    nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => String(n.name?.value ?? ''));
  expect(named('table')).toContain('Meddelanden');
  const headers = named('columnheader').map((n) => n.replace(/\s*[↕▲▼]$/, ''));
  for (const column of COLUMNS)
    expect
      .soft(
        headers.some((h) => h.startsWith(column)),
        column,
      )
      .toBe(true);
  const rowHeaders = named('rowheader');
  expect(rowHeaders.length, 'row headers').toBeGreaterThan(0);
  // The message numbers, without the visual label shown beside them.
  expect(rowHeaders.filter((n) => n.includes('Meddelandenr'))).toEqual([]);
  expect(named('cell').length, 'cells').toBeGreaterThanOrEqual(rowHeaders.length * 4);
});

test('WebKit: the stacked table elements keep their roles', async ({ baseURL }) => {
  const webkit = findWebKit();
  expect(
    webkit.driver && webkit.browser,
    'WebKitWebDriver and MiniBrowser (Debian: webkit2gtk-driver)',
  ).toBeTruthy();
  const { stop, ...driver } = await startWebKitDriver(webkit);
  const browser = await remote({ ...driver, logLevel: 'error' });
  try {
    await browser.url(new URL(storyPath(STORY), baseURL).href);
    const inbox = browser.$('secure-inbox');
    await browser.waitUntil(async () => (await inbox.shadow$$('tbody th').length) > 0, { timeout: 45_000 });
    const expected = {
      table: 'table',
      thead: 'rowgroup',
      'tbody tr': 'row',
      'thead th': 'columnheader',
      'tbody th': 'rowheader',
      'tbody td': 'cell',
    };
    for (const [selector, role] of Object.entries(expected))
      expect.soft(await inbox.shadow$(selector).getComputedRole(), selector).toBe(role);
  } finally {
    await browser.deleteSession();
    stop();
  }
});

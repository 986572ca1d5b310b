// Live updates end to end: the demo, built against the mock server over real HTTP (its
// VITE_SECURE_MESSAGES_API set to the server started here), in two browser contexts of one
// browser: a KPA case officer's and an employer user's, each signed in on the server's
// development sign-in page. The server tells this test of every request it receives, CORS
// preflights included, with the session's user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { startMockHttpServer, type MockHttpServer } from '../../mocks/http-server.js';
import { MOCK_USER_IDS } from '../../mocks/index.js';

const DEMO_PORT = 4186;
const DEMO = `http://127.0.0.1:${DEMO_PORT}`;

interface Seen {
  method: string;
  path: string;
  userId: string | null;
  at: number;
}

let server: MockHttpServer;
let demo: PreviewServer;
let outDir = '';
const seen: Seen[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startMockHttpServer({
    port: 0,
    size: 60,
    allowedOrigins: [DEMO],
    heartbeatMs: 5000,
    onRequest: (r) => seen.push({ ...r, at: Date.now() }),
  });
  outDir = mkdtempSync(join(tmpdir(), 'live-demo-'));
  process.env.VITE_SECURE_MESSAGES_API = server.baseUrl;
  try {
    await build({ mode: 'demo', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.VITE_SECURE_MESSAGES_API;
  }
  demo = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: DEMO_PORT, host: '127.0.0.1', strictPort: true },
  });
});

test.afterAll(async () => {
  await demo?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A browser context signed in as `userId` on the mock server's development sign-in page. */
async function signedIn(browser: Browser, userId: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/dev/sign-in`);
  await page.getByRole('button', { name: `(${userId})` }).click();
  await expect(page.getByText('Inloggad som')).toBeVisible();
  await page.close();
  return context;
}

/** The demo's messages page with this conversation open. */
async function openConversation(context: BrowserContext, number: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${DEMO}/?sida=sakra-meddelanden#meddelande/${number}`);
  await expect(page.getByRole('article').first()).toBeVisible({ timeout: 15_000 });
  return page;
}

/** Requests by `userId` since `since` that polling makes: the count, a conversation, a search. */
function polls(userId: string, since: number): Seen[] {
  return seen.filter(
    (r) =>
      r.userId === userId &&
      r.at >= since &&
      r.method !== 'OPTIONS' &&
      /\/(notices\/count|conversations\/[0-9]{5})$/.test(r.path),
  );
}

/** The badge's link, naming `count` conversations to handle. */
const badge = (page: Page, count: number) =>
  page
    .getByRole('link', { name: new RegExp(`^Säkra meddelanden ?, ${count} ärenden? att hantera$`) })
    .first();

test('live: an answer arrives at once, five tabs share one stream, a cut stream falls back and returns, sign-out empties every tab', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const employerId = MOCK_USER_IDS.employer;
  const number = server.backend.store
    .summaries()
    .find(
      (s) => s.organisation.customerNumber === '0000' && s.status === 'sent' && s.assignee === null,
    )!.number;
  const employer = await signedIn(browser, employerId);
  const officer = await signedIn(browser, MOCK_USER_IDS.officer);
  const tabs = [await openConversation(employer, number)];
  const [first] = tabs as [Page];
  await expect
    .poll(() => server.streamCount(), { message: 'the employer’s stream is open' })
    .toBeGreaterThan(0);

  await test.step('the officer’s answer shows in the employer’s conversation and badge within 1 s, with no poll', async () => {
    const officerPage = await openConversation(officer, number);
    const user = server.backend.users.find((u) => u.id === employerId)!;
    const before = server.backend.store.noticeCount(user);
    await expect(badge(first, before)).toBeVisible();
    const since = Date.now();
    const answer = `Svar från KPA ${since}`;
    await officerPage.getByLabel('Meddelande', { exact: true }).fill(answer);
    const sent = officerPage.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/conversations/${number}/messages`),
    );
    await officerPage.getByRole('button', { name: 'Skicka', exact: true }).click();
    await sent;
    await expect(first.getByText(answer)).toBeVisible({ timeout: 1000 });
    await expect(badge(first, before + 1)).toBeVisible({ timeout: 1000 });
    // The conversation was read once, because its version moved; nothing polled.
    expect(polls(employerId, since).map((r) => r.path)).toEqual([
      `/api/secure-messages/v1/conversations/${number}`,
    ]);
    await officer.close();
  });

  await test.step('five tabs: one stream for the browser, and no polls over a whole polling interval', async () => {
    for (let i = 1; i < 5; i++) tabs.push(await openConversation(employer, number));
    await expect.poll(() => server.streamCount(), { timeout: 10_000 }).toBe(1);
    const since = Date.now();
    await first.waitForTimeout(31_000); // longer than the conversation's 30 s polling interval
    expect(server.streamCount()).toBe(1);
    expect(polls(employerId, since)).toEqual([]);
  });

  await test.step('a cut stream: polling takes over within one interval, and the stream comes back', async () => {
    server.backend.faults.add({ kind: 'status', status: 503, match: { method: 'GET', path: '/events' } });
    server.backend.store.changes.close();
    const cut = Date.now();
    await expect.poll(() => server.streamCount(), { timeout: 5000 }).toBe(0);
    await expect
      .poll(() => polls(employerId, cut).length, { timeout: 35_000, message: 'polling takes over' })
      .toBeGreaterThan(0);
    server.backend.faults.clear();
    await expect
      .poll(() => server.streamCount(), { timeout: 65_000, message: 'the stream comes back' })
      .toBe(1);
    // No preflight was repeated within Access-Control-Max-Age (600 s): the polls and reconnects
    // after the cut reused those made before (with cache 'no-store', Chromium preflighted every
    // request again: 13 times for the conversation, 7 for the stream). A path's first non-simple
    // request (the count's first background poll) still needs its own.
    const before = new Set(seen.filter((r) => r.method === 'OPTIONS' && r.at < cut).map((r) => r.path));
    expect(seen.filter((r) => r.method === 'OPTIONS' && r.at >= cut && before.has(r.path))).toEqual([]);
  });

  await test.step('sign-out in one tab leaves no conversation text in any tab within 1 s', async () => {
    const said = (await first.getByRole('article').first().innerText())
      .split('\n')
      .filter((line) => line.trim().length > 12);
    expect(said.length).toBeGreaterThan(0);
    await tabs[2]!.bringToFront();
    await tabs[2]!.getByRole('button', { name: 'Logga ut' }).click();
    for (const tab of tabs) {
      const onScreen = async () => {
        const text = await tab.locator('body').innerText();
        return said.filter((line) => text.includes(line));
      };
      await expect.poll(onScreen, { timeout: 1000 }).toEqual([]);
    }
  });
  await employer.close();
});

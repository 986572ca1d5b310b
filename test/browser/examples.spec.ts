// Every example of the README against the built dist/ (npm run build first):
// - examples/plain-html: served as it is (import map, no build step);
// - examples/portal, officers, react, vue, angular: built with Vite here, with `@kpa/secure-messages/*`
//   resolved through the package's own `exports` to dist/, as an installed package would be;
// - examples/node-test under `node --test`: the mock backend in another site's tests.
// The pages are served from the package root; their API requests are answered by the mock
// backend's MSW handlers (the contract the REST adapter speaks), and the portal's must carry its
// CSRF token. In each page a user sends a new message through the UI; the framework pages show
// that they heard `secure-message-sent`, and the portal survives a 401 without losing the draft.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import process from 'node:process';
import { expect, test, type Page } from '@playwright/test';
import { getResponse } from 'msw';
import { build } from 'vite';
import { createMockBackend, type MockBackend } from '../../mocks/backend.js';
import { MOCK_USER_IDS } from '../../mocks/fixtures.js';
import { failedResource, pageProblems } from './pages.js';

const BUILT = join('node_modules', '.cache', 'examples');
const CSRF_TOKEN = 'example-csrf-token';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const name of ['portal', 'officers', 'react', 'vue', 'angular']) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: join('examples', name),
      base: './',
      // Vue's full build compiles the example's in-DOM template at run time.
      resolve: name === 'vue' ? { alias: { vue: 'vue/dist/vue.esm-bundler.js' } } : {},
      define: {
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      build: { outDir: join(process.cwd(), BUILT, name), emptyOutDir: true, minify: false, target: 'es2022' },
    });
  }
});

/** Answers the page's API requests with the mock backend; with `csrf`, only those carrying the token. */
async function mockApi(
  page: Page,
  { csrf = false, user = MOCK_USER_IDS.employer as string } = {},
): Promise<MockBackend> {
  const backend = createMockBackend({ size: 60, currentUserId: user });
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    if (csrf && (await request.headerValue('x-csrf-token')) !== CSRF_TOKEN) {
      await route.fulfill({
        status: 403,
        contentType: 'application/problem+json',
        body: '{"title":"CSRF token missing"}',
      });
      return;
    }
    const response = await getResponse(
      backend.handlers,
      new Request(request.url(), {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postData() ?? undefined,
      }),
    );
    if (!response) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  return backend;
}

/** Writes a new message through the form, as a user does. */
async function sendMessage(page: Page, text: string) {
  await page.getByLabel('Ämne').selectOption({ index: 1 });
  await page.getByLabel('Meddelande', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Skicka' }).click();
}

/** The number of the message just sent, from the confirmation. */
async function confirmedNumber(page: Page): Promise<string> {
  const confirmation = page.getByText(/Meddelandenummer: \d{5}/);
  await expect(confirmation).toBeVisible({ timeout: 15_000 });
  return /\d{5}/.exec((await confirmation.textContent()) ?? '')?.[0] ?? '';
}

/** The journey every example passes: the list with the badge, then a new message sent. */
async function journey(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await expect(page.getByRole('table').getByRole('row').nth(2)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: /Säkra meddelanden.*att hantera/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await sendMessage(page, 'Gäller lönerapporteringen för mars.');
  return confirmedNumber(page);
}

test('plain HTML: dist/ through an import map', async ({ page }) => {
  const problems = pageProblems(page, { console: failedResource });
  await mockApi(page);
  await journey(page, 'examples/plain-html/index.html');
  const fromDist = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('/dist/define/secure-messages.js')),
  );
  expect(fromDist, 'the page loads dist/define/secure-messages.js').toBe(true);
  expect(problems).toEqual([]);
});

test('portal: the CSRF token on every request, and a 401 that keeps the draft', async ({ page }) => {
  // The 401 is the journey's own.
  const problems = pageProblems(page, { console: failedResource, status: (status) => status === 401 });
  const backend = await mockApi(page, { csrf: true });
  await journey(page, `${BUILT}/portal/index.html`);
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
  const signIn = page.getByRole('link', { name: 'Logga in igen (öppnas i en ny flik)' });
  await expect(signIn).toBeVisible();
  await expect(page.getByText('Ditt meddelande finns kvar.')).toBeVisible();
  await expect(
    page.getByText('Andra meddelandet, efter utloggning.'),
    'the draft leaves the screen',
  ).toHaveCount(0);
  // Signed in again: Försök igen asks who is signed in and shows the same draft; Försök igen in
  // the form sends it, and the banner goes.
  await page.getByRole('button', { name: 'Försök igen' }).click();
  await expect(page.getByText('Du är inloggad igen.')).toBeVisible();
  await expect(page.getByLabel('Meddelande', { exact: true })).toHaveValue(
    'Andra meddelandet, efter utloggning.',
  );
  await page.getByRole('button', { name: 'Försök igen' }).click();
  await confirmedNumber(page);
  await expect(signIn).toBeHidden();
  expect(problems).toEqual([]);
});

for (const name of ['react', 'vue', 'angular']) {
  test(`${name}: the framework hears secure-message-sent`, async ({ page }) => {
    const problems = pageProblems(page, { console: failedResource });
    await mockApi(page);
    const number = await journey(page, `${BUILT}/${name}/index.html`);
    await expect(page.getByText(`Senast skickat: meddelandenummer ${number}`)).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('node-test: the mock backend in another site’s tests (node --test)', () => {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=dot', 'examples/node-test/'], {
    encoding: 'utf8',
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
});

test('officers: the same elements show a case officer the department’s queue and pick the organisation by search', async ({
  page,
}) => {
  const problems = pageProblems(page, { console: failedResource });
  const backend = await mockApi(page, { user: MOCK_USER_IDS.officer });
  await page.goto(`${BUILT}/officers/index.html`);
  for (const column of ['Organisation', 'Väntar sedan', 'Ansvarig'])
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: /Säkra meddelanden.*att hantera/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nytt meddelande' }).click();
  await page.getByLabel('Organisation').fill('Sjöviks kommun');
  await page.getByLabel('Organisation').press('Tab');
  await expect(page.getByLabel('Organisation')).toHaveValue('Sjöviks kommun (212000-9871)');
  await sendMessage(page, 'Vi behöver uppgifter om en anställd.');
  const number = await confirmedNumber(page);
  expect(backend.store.peek(number)?.organisation.name).toBe('Sjöviks kommun');
  expect(problems).toEqual([]);
});

// The built demo (dist-demo/) under a strict Content-Security-Policy that enforces Trusted Types
// (test/browser/preview.config.ts): the main journeys through the UI (send with a file, filter,
// open, reply, claim, close) without a CSP or Trusted Types violation. After every journey,
// privacy: browser storage, IndexedDB, Cache Storage and cookies hold nothing from messages, drafts
// or searches; no request URL holds a personnummer or the search text; nothing personal reached
// the console.
import { expect, test, type Page } from '@playwright/test';
import { pageProblems } from './pages.js';

// Skatteverket's test personnummer for Tolvan Tolvansson, in the forms users write it.
const PERSONNUMMER = ['19121212-1212', '121212-1212', '191212121212', '1212121212'];
const BODY = 'Lönelista för mars. Gäller Tolvan Tolvansson 19121212-1212, månadslön 38 500 kr.';
const SEARCH = '1212121212'; // another form of the personnummer in BODY
const REPLY = 'Rättad lönelista bifogad. Personnummer 191212121212 gäller.';
/** Everything typed in the journeys: none of it may be stored, put in a URL or logged. */
const SECRETS = [BODY, SEARCH, REPLY, 'Tolvansson', 'månadslön', 'Rättad lönelista', ...PERSONNUMMER];
/** Any Swedish personnummer shape: 6 or 8 digits, optional - or +, 4 digits. */
const PERSONNUMMER_SHAPE = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/;
const personal = (text: string) => PERSONNUMMER_SHAPE.test(text) || SECRETS.some((s) => text.includes(s));

/** What the page keeps in the browser, read through the page itself. */
function browserState(page: Page) {
  return page.evaluate(async () => {
    const entries = (storage: Storage) => Object.keys(storage).map((k) => `${k}=${storage.getItem(k)}`);
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push(`${name}: ${request.url} ${response ? await response.text() : ''}`);
      }
    }
    return {
      storage: [...entries(localStorage), ...entries(sessionStorage)],
      indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
      caches: cached,
      cookie: document.cookie,
    };
  });
}

test('the demo works under a strict CSP with Trusted Types and keeps nothing personal', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = pageProblems(page);
  const consoleTexts: string[] = [];
  const requestUrls: string[] = [];
  page.on('console', (m) => consoleTexts.push(m.text()));
  page.on('request', (r) => requestUrls.push(decodeURIComponent(r.url())));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });

  /** A journey, then what it left behind, and what arrived during it. */
  async function journey(name: string, action: () => Promise<void>) {
    await test.step(name, async () => {
      await action();
      const state = await browserState(page);
      expect.soft(state.storage.filter(personal), 'personal data in Web Storage').toEqual([]);
      expect.soft(state.indexedDB, 'IndexedDB databases').toEqual([]);
      expect.soft(state.caches, 'Cache Storage').toEqual([]);
      expect.soft(state.cookie, 'cookies').toBe('');
      expect.soft(requestUrls.splice(0).filter(personal), 'personal data in request URLs').toEqual([]);
      expect.soft(personal(decodeURIComponent(page.url())), 'personal data in the page URL').toBe(false);
      expect.soft(consoleTexts.splice(0).filter(personal), 'personal data on the console').toEqual([]);
      expect.soft(problems.splice(0), 'errors and violations').toEqual([]);
    });
  }

  const table = page.getByRole('table', { name: 'Meddelanden' });
  let number = '';

  await journey('start page, then Säkra meddelanden', async () => {
    await page.goto('');
    await expect(page.getByRole('heading', { name: 'Aktuella ärenden' })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1).click();
    await expect(table.getByRole('row').nth(2)).toBeVisible({ timeout: 15_000 });
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
    await expect(confirmation).toBeVisible({ timeout: 15_000 });
    number = /\d{5}/.exec((await confirmation.textContent()) ?? '')?.[0] ?? '';
  });

  await journey('filter the list by message text', async () => {
    await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
    await page.getByRole('button', { name: 'Visa filtrering' }).click();
    await page.getByLabel('Meddelandetext').fill(SEARCH);
    // Only the new conversation mentions that personnummer (in another form).
    await expect(page.getByText('1 meddelande', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(table.getByRole('link', { name: new RegExp(number) })).toBeVisible();
  });

  await journey('open the conversation', async () => {
    await table.getByRole('link', { name: new RegExp(number) }).click();
    await expect(page.getByText('lonelista-mars.pdf').first()).toBeVisible({ timeout: 15_000 });
  });

  await journey('reply in the conversation', async () => {
    await page.getByLabel('Meddelande', { exact: true }).fill(REPLY);
    await page.getByRole('button', { name: 'Skicka' }).click();
    await expect(page.getByText('Ditt svar har skickats.')).toBeVisible({ timeout: 15_000 });
  });

  await journey('claim the conversation (Jag arbetar med ärendet)', async () => {
    await page.getByRole('checkbox', { name: 'Jag arbetar med ärendet' }).check();
    await expect(page.getByText('Du arbetar nu med ärendet.')).toBeVisible({ timeout: 15_000 });
  });

  await journey('as the case officer, close the conversation', async () => {
    await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
    await expect(page.getByText('Katarina Hallberg | KPAH01')).toBeVisible();
    await page.evaluate((n) => (location.hash = `#meddelande/${n}`), number);
    await page.getByRole('button', { name: 'Markera konversation som avslutad' }).click();
    await page.getByRole('button', { name: 'Ja, markera som avslutad' }).click();
    await expect(page.getByText('Konversationen är markerad som avslutad.')).toBeVisible({ timeout: 15_000 });
  });
});

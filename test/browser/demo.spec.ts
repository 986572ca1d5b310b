// The built demo (dist-demo/) from a plain static server under a sub-path: the mock backend
// starts, the start page shows the notice count, the feature page lists conversations, a session's
// end clears an open conversation, Visa som switches to the case officer, the form opens; no page
// or console errors, no axe violations (WCAG 2.x A/AA) and a Tab order that follows the reading
// order on the views visited.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, pageProblems } from './pages.js';

interface Stop {
  tag: string;
  name: string;
  top: number;
  bottom: number;
  left: number;
  visible: boolean;
  key: string;
}

/** The focused element, inside shadow roots too, or null when focus has left the page. */
function focusedStop(): Stop | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const rect = el.getBoundingClientRect();
  const labels = (el as HTMLInputElement).labels;
  const name =
    el.getAttribute('aria-label') ??
    (labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.getAttribute('name') || '');
  const top = rect.top + window.scrollY;
  const left = rect.left + window.scrollX;
  return {
    tag: el.localName,
    name: name.replace(/\s+/g, ' ').trim().slice(0, 60),
    top,
    bottom: rect.bottom + window.scrollY,
    left,
    visible: rect.width > 0 && rect.height > 0,
    key: `${el.localName}|${el.id}|${top}|${left}`,
  };
}

/**
 * Tabs through the whole page from the top: every stop is a visible, named control (never
 * <body>), stops come in reading order (top to bottom, and left to right on a line), and Tab gets
 * back to the start without visiting a control twice.
 */
async function tabOrderProblems(page: Page): Promise<string[]> {
  // A click on the page's top-left corner moves the point where sequential focus navigation starts.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
  const stops: Stop[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focusedStop);
    if (stop === null || stops.some((s) => s.key === stop.key)) break; // left the page, or wrapped
    stops.push(stop);
  }
  if (stops.length === 0) return ['no control takes focus'];
  return stops.flatMap((stop, i) => {
    const what = `${stop.tag} "${stop.name}"`;
    const before = stops[i - 1];
    // Reading order: a later stop is not wholly above the one before, and on the same line (their
    // heights overlap) it is not to the left of it.
    const sameLine = before && stop.top < before.bottom && before.top < stop.bottom;
    return [
      ...(stop.visible ? [] : [`stop ${i + 1}, ${what}, is not visible`]),
      ...(stop.name ? [] : [`stop ${i + 1}, a ${stop.tag}, has no name`]),
      ...(before && (stop.bottom <= before.top || (sameLine && stop.left < before.left))
        ? [`${what} comes after ${before.tag} "${before.name}" but reads before it`]
        : []),
    ];
  });
}

/** The lines of `said` that the page still shows. */
async function stillOnScreen(page: Page, said: string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return said.filter((line) => text.includes(line));
}

/** axe and, unless left out, the Tab order of the view on screen; soft, so every view is checked. */
async function checkView(page: Page, view: string, { tabOrder = true } = {}) {
  expect.soft(await axeViolations(page), `axe on ${view}`).toEqual([]);
  if (tabOrder) expect.soft(await tabOrderProblems(page), `Tab order on ${view}`).toEqual([]);
}

test('the built demo works from a static server under a sub-path', async ({ page }) => {
  /** While a step switches on the mock's 401, the browser's own log line for it is expected. */
  let expect401 = false;
  const problems = pageProblems(page, { console: (text) => expect401 && /status of 401/.test(text) });
  const menuEntry = page.getByRole('navigation', { name: 'Meny' }).getByRole('link').nth(1);
  const list = page.getByRole('table').getByRole('row').nth(2);
  const firstConversation = page
    .getByRole('table')
    .getByRole('row')
    .nth(1)
    .locator('th button, th a')
    .first();
  const conversation = page.getByRole('article').first();
  const panel = page.getByText('Utvecklarpanel (mock-backend)');
  const signedOut = page.getByLabel('401 Utloggad på allt');
  const back = page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' });
  test.setTimeout(180_000);

  await test.step('start page with Aktuella ärenden and the notice count', async () => {
    await page.goto('');
    await expect(page.getByRole('heading', { name: 'Aktuella ärenden' })).toBeVisible({ timeout: 15_000 });
    await expect(
      page.getByRole('link', { name: /Säkra meddelanden.*\d+ ärenden? att hantera/ }).first(),
    ).toBeVisible();
    await checkView(page, 'the start page');
  });

  await test.step('the developer panel tells stream from polling, and cutting the stream falls back and returns', async () => {
    const updates = page.getByRole('status').filter({ hasText: 'Uppdateringar:' });
    const cut = page.getByLabel('Direktuppdateringar avbrutna (GET /events 503)');
    await panel.click();
    await expect(updates).toContainText('direkt, över strömmen', { timeout: 15_000 });
    await cut.check();
    await expect(updates).toContainText('hämtas med jämna mellanrum');
    await cut.uncheck();
    // The next attempt, after the back-off (1, 2, 5 s …), finds the stream again.
    await expect(updates).toContainText('direkt, över strömmen', { timeout: 30_000 });
    await panel.click();
  });

  await test.step('feature page lists conversations', async () => {
    await menuEntry.click();
    await expect(page.getByRole('heading', { name: 'Säkra meddelanden', level: 1 })).toBeVisible();
    await expect(list).toBeVisible({ timeout: 15_000 });
    await checkView(page, 'the inbox');
  });

  await test.step('a conversation opens from the list', async () => {
    await firstConversation.click();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel('Meddelande', { exact: true })).toBeVisible();
    await checkView(page, 'a conversation');
    await back.click();
    await expect(list).toBeVisible({ timeout: 15_000 });
  });

  await test.step('the menu entry leads to the list, by mouse and by keyboard; Back and Forward follow', async () => {
    await firstConversation.click();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    await menuEntry.click();
    await expect(list).toBeVisible({ timeout: 15_000 });
    await expect(conversation, 'the conversation leaves the screen').toBeHidden();
    expect(new URL(page.url()).hash, 'the address keeps no conversation').toBe('');
    await page.goBack();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    await page.goForward();
    await expect(list).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Nytt meddelande' }).click();
    await expect(page.getByLabel('Meddelande', { exact: true })).toBeVisible();
    await menuEntry.focus();
    await page.keyboard.press('Enter');
    await expect(list).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel('Meddelande', { exact: true }), 'the form leaves the screen').toBeHidden();
  });

  await test.step('the session ends with a conversation open: its messages leave the screen; Försök igen brings them back', async () => {
    await firstConversation.click();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    const said = (await conversation.innerText()).split('\n').filter((line) => line.trim().length > 12);
    expect401 = true;
    await panel.click();
    await signedOut.check();
    await panel.click();
    // The user comes back to the tab: the conversation refreshes, and the server says 401.
    await page.evaluate(() => {
      for (const state of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      }
    });
    await expect(page.getByText('Du har blivit utloggad').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('article'), 'messages leave the screen').toHaveCount(0);
    expect(await stillOnScreen(page, said), 'still on screen').toEqual([]);
    await checkView(page, 'the signed-out conversation', { tabOrder: false });
    await panel.click();
    await signedOut.uncheck();
    await panel.click();
    await page.getByRole('button', { name: 'Försök igen' }).first().click();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    expect401 = false;
    await back.click();
    await expect(list).toBeVisible({ timeout: 15_000 });
  });

  await test.step('Logga ut clears the open conversation and its draft at once; Logga in starts afresh', async () => {
    await firstConversation.click();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    const said = (await conversation.innerText()).split('\n').filter((line) => line.trim().length > 12);
    const reply = page.getByLabel('Meddelande', { exact: true });
    await reply.fill('Utkast som inte får finnas kvar');
    expect401 = true;
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // forgetSession: no request has to come back 401 first.
    await expect(page.getByRole('article'), 'messages leave the screen').toHaveCount(0, { timeout: 1000 });
    await expect(page.getByText('Du har blivit utloggad').first()).toBeVisible();
    expect(await stillOnScreen(page, said), 'still on screen').toEqual([]);
    await checkView(page, 'signed out', { tabOrder: false });
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByText('Namn Efternamn | NAEF00')).toBeVisible();
    await expect(conversation).toBeVisible({ timeout: 15_000 });
    await expect(reply, 'the draft went with the session').toHaveValue('');
    expect401 = false;
    await back.click();
    await expect(list).toBeVisible({ timeout: 15_000 });
  });

  await test.step('the developer panel shows how many conversations the mock backend holds (200)', async () => {
    await panel.click();
    await expect(page.getByLabel('Antal konversationer')).toHaveValue('200');
    await panel.click();
  });

  await test.step('Visa som KPA-handläggare, then Nytt meddelande with Organisation', async () => {
    await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
    await expect(page.getByText('Katarina Hallberg | KPAH01')).toBeVisible();
    await expect(list).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Nytt meddelande' }).click();
    await expect(page.getByLabel('Organisation')).toBeVisible();
    await checkView(page, 'the form');
  });

  expect(problems).toEqual([]);
});

test('the built demo, both sides: a new message waits for KPA in the officer’s queue, the answer waits for the employer, the employer keeps the manual’s words', async ({
  page,
}) => {
  const problems = pageProblems(page);
  test.setTimeout(120_000);
  const rowOf = (number: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: number }) });
  const badge = page.getByRole('link', { name: /Säkra meddelanden.*ärenden? att hantera/ }).first();
  // The count is in the badge's shadow tree: read it from the link's accessible name.
  const countOf = async () => Number(/(\d+) ärenden? att hantera/.exec(await badge.ariaSnapshot())?.[1] ?? 0);
  let number = '';
  let before = 0;

  await test.step('the employer writes about Övrigt; the list says Skickat', async () => {
    await page.goto('?sida=sakra-meddelanden');
    await expect(page.getByRole('table')).toBeVisible({ timeout: 15_000 });
    await expect(badge).toBeVisible({ timeout: 15_000 });
    before = await countOf();
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Nytt meddelande' }).click();
    await page.getByLabel('Ämne').selectOption({ label: 'Övrigt' });
    await page
      .getByLabel('Meddelande', { exact: true })
      .fill('En fråga om en anställds pensionsgrundande lön.');
    await page.getByRole('button', { name: 'Skicka' }).click();
    number =
      (await page.locator('.confirmation-number strong').textContent({ timeout: 15_000 }))?.trim() ?? '';
    expect(number).toMatch(/^\d{5}$/);
    await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
    await expect(rowOf(number).getByRole('cell').nth(2)).toHaveText(/Skickat$/, { timeout: 15_000 });
  });

  await test.step('the officer finds it in the department’s queue, waiting for KPA since today, and answers', async () => {
    await page.getByLabel('Visa som').selectOption({ label: 'KPA-handläggare' });
    await expect(page.getByText('Katarina Hallberg | KPAH01')).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /Väntar sedan/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Svarstid till arbetsgivare: 3 arbetsdagar.')).toBeVisible();
    const row = rowOf(number);
    await expect(row).toContainText('Kundnamnet 000000-0000');
    await expect(row).toContainText('Väntar på KPA');
    await expect(row).toContainText('Sedan i dag');
    await expect(row).toContainText('Ej tilldelad');
    await checkView(page, 'the officer’s list', { tabOrder: false });
    await row.getByRole('rowheader').getByRole('link').click();
    await page.getByLabel('Meddelande', { exact: true }).fill('Tack, vi återkommer med ett besked.');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await expect(page.getByRole('article')).toHaveCount(2, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Tillbaka till Säkra meddelanden' }).click();
    await expect(rowOf(number)).toContainText('Väntar på arbetsgivaren', { timeout: 15_000 });
  });

  await test.step('the employer reads Svar inkommit, and the badge counts one more', async () => {
    await page.getByLabel('Visa som').selectOption({ label: 'Arbetsgivare' });
    await expect(page.getByText('Namn Efternamn | NAEF00')).toBeVisible();
    await expect(rowOf(number).getByRole('cell').nth(2)).toHaveText(/Svar inkommit$/, { timeout: 15_000 });
    await expect.poll(countOf, { timeout: 15_000 }).toBe(before + 1);
  });

  expect(problems).toEqual([]);
});

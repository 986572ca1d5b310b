import { expect } from '@open-wc/testing';
import { needsAttention } from '../../../src/domain/index.js';
import { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import { MOCK_USER_IDS } from '../../../mocks/index.js';
import {
  button,
  countRegion,
  newestFirst,
  numbers,
  renderInbox,
  resultsRegion,
  root,
  rowButtons,
  rows,
  settled,
  spyAdapter,
  useMockBackend,
} from './inbox-helpers.js';
import { OFFICER_STATUS_WORDS, STATUS_WORDS } from '../../fixtures.js';
import { cellText, normalise } from '../queries.js';

describe('<secure-inbox> rendering', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend();

  it('is registered under its tag', () => {
    expect(customElements.get('secure-inbox')).to.equal(SecureInbox);
  });

  it('shows the newest conversations first with the default filters (no Avslutad) and announces the count', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const all = newestFirst(mock.backend);
    expect(all.length).to.be.greaterThan(1);
    expect(numbers(el)).to.deep.equal(all.slice(0, 25).map((c) => c.number));
    const dates = rows(el).map((r) => r[1]);
    expect([...dates].sort().reverse()).to.deep.equal(dates);
    expect(rows(el).map((r) => r[3])).not.to.include(STATUS_WORDS.closed);
    const region = countRegion(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent?.trim()).to.equal(`${all.length} meddelanden`);
    await expect(el).to.be.accessible();
  });

  it('has a captioned native table with the five column headers', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const table = root(el).querySelector('table');
    expect(table?.querySelector('caption')?.textContent?.trim()).to.equal('Meddelanden');
    const headers = [...root(el).querySelectorAll('thead th')].map((th) =>
      th.textContent?.replace(/[↕▲▼]/g, '').trim(),
    );
    expect(headers).to.deep.equal(['Meddelandenr', 'Datum', 'Ämne', 'Status', 'Ansvarig']);
    expect(root(el).querySelector('th[aria-sort]')?.textContent).to.contain('Datum');
    expect(root(el).querySelector('th[aria-sort]')?.getAttribute('aria-sort')).to.equal('descending');
    const region = resultsRegion(el)!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-labelledby')).to.equal(table?.querySelector('caption')?.id);
  });

  it('shows each row: date, subject, status label and Ansvarig with name and user id', async () => {
    // The newest conversation late in the evening, UTC: the list dates it in Swedish time, a day on.
    const newest = newestFirst(mock.backend)[0]!.number;
    mock.backend.store.record(newest)!.summary.lastActivityAt = '2026-03-01T23:30:00.000Z';
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const all = newestFirst(mock.backend).slice(0, 25);
    expect(rows(el).find((cells) => cells[0] === newest)?.[1]).to.equal('2026-03-02');
    rows(el).forEach((cells, i) => {
      const c = all[i];
      expect(cells[1]).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(cells[2]).to.equal(c.subject.name);
      expect(cells[3]).to.equal(STATUS_WORDS[c.status]);
      if (c.assignee) expect(cells[4]).to.equal(`${c.assignee.name} (${c.assignee.id})`);
      else expect(cells[4]).to.equal('–Ingen ansvarig');
    });
    expect(all.some((c) => c.assignee !== null)).to.equal(true);
  });

  const sides = [
    { user: MOCK_USER_IDS.employer, side: 'employer' as const, words: STATUS_WORDS },
    { user: MOCK_USER_IDS.officer, side: 'kpa' as const, words: OFFICER_STATUS_WORDS },
  ];
  for (const s of sides) {
    it(`words each status for a ${s.side} user and marks rows needing their attention by weight, a marker and hidden text`, async () => {
      mock.backend.setCurrentUser(s.user);
      const el = await renderInbox(mock.adapter());
      await settled(el);
      const trs = [...root(el).querySelectorAll('tbody tr.row')];
      let marked = 0;
      trs.forEach((tr) => {
        const number = tr.querySelector('.open')!.getAttribute('data-number')!;
        const status = mock.backend.store.record(number)!.summary.status;
        expect(normalise(cellText(tr.querySelector('.status')!))).to.equal(s.words[status]);
        const attention = needsAttention(status, s.side);
        expect(tr.classList.contains('attention')).to.equal(attention);
        const open = tr.querySelector('button')!;
        expect(open.querySelector('.visually-hidden')?.textContent?.trim() ?? '').to.equal(
          attention ? 'Behöver hanteras' : '',
        );
        expect(open.querySelector('[aria-hidden="true"].marker') !== null).to.equal(attention);
        if (attention) {
          marked++;
          expect(getComputedStyle(tr).fontWeight).to.equal('700');
        }
      });
      expect(marked).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  }

  it('makes the number of every row a button', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    expect(rowButtons(el).map((b) => b.querySelector('span:not([class])')?.textContent)).to.deep.equal(
      numbers(el),
    );
    expect(rowButtons(el).every((b) => b.type === 'button')).to.equal(true);
  });

  it('shows Nytt meddelande and Visa filtrering, the filter panel hidden', async () => {
    const { adapter } = spyAdapter(mock.adapter());
    const el = await renderInbox(adapter);
    await settled(el);
    expect(button(el, 'Nytt meddelande')).to.be.instanceOf(HTMLButtonElement);
    const disclosure = button(el, 'Visa filtrering');
    expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
    const panel = root(el).getElementById(disclosure.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(true);
  });
});

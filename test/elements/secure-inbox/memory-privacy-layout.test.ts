import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { WEBDRIVER } from '../../engine.js';
import { DEFAULT_FILTERS, type SearchQuery } from '../../../src/domain/index.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import { TEST_PERSONS, writePersonnummer } from '../../../mocks/index.js';
import {
  button,
  choose,
  field,
  normalise,
  renderInbox,
  resultsRegion,
  root,
  searchText,
  searched,
  settled,
  useMockBackend,
  searchedInbox,
} from './inbox-helpers.js';
import { STATUS_WORDS } from '../../fixtures.js';

describe('<secure-inbox> memory, privacy and layout', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend({ size: 400 });

  describe('the query survives re-creating the element', () => {
    it('a new inbox on the same adapter resumes filters, sort, page and page size', async () => {
      const { el: first, spy } = await searchedInbox(mock.adapter());
      button(first, 'Visa filtrering').click();
      await first.updateComplete;
      field(first, STATUS_WORDS.closed).click();
      await searched(first, spy, 2);
      button(first, 'Ämne').click(); // sort by Ämne
      await searched(first, spy, 3);
      button(first, 'Nästa sida').click();
      await searched(first, spy, 4);
      const before = first.query;
      expect(before.page).to.equal(2);
      first.remove(); // the user opened a conversation

      const second = await renderInbox(spy.adapter); // … and came back
      await searched(second, spy, 5);
      expect(spy.searches[4]).to.deep.equal(before);
      expect(second.query).to.deep.equal(before);
      expect(second.filtersOpen).to.equal(true);
      expect(field(second, STATUS_WORDS.closed).checked).to.equal(true);
      expect(root(second).querySelector('th[aria-sort]')?.textContent).to.contain('Ämne');
      expect(root(second).querySelector('.range')?.textContent).to.match(/^Visar 26–50 av/);
      await expect(second).to.be.accessible();
    });

    it('another adapter instance starts from the defaults', async () => {
      const { el: first, spy } = await searchedInbox(mock.adapter());
      button(first, 'Ämne').click();
      await searched(first, spy, 2);
      const { spy: other } = await searchedInbox(mock.adapter());
      expect(other.searches[0].sort).to.deep.equal({ key: 'date', direction: 'desc' });
      expect(other.searches[0].filters).to.deep.equal({
        ...DEFAULT_FILTERS,
        statuses: [...DEFAULT_FILTERS.statuses],
      });
    });

    it('the query property can be read and set (and is then sent as is)', async () => {
      const { el, spy } = await searchedInbox(mock.adapter());
      const subject = mock.backend.store.subjects[1];
      const query: SearchQuery = {
        filters: { ...DEFAULT_FILTERS, statuses: ['new', 'closed'], subjectId: subject.id },
        sort: { key: 'number', direction: 'asc' },
        page: 1,
        pageSize: 50,
      };
      el.query = query;
      await searched(el, spy, 2);
      expect(spy.searches[1]).to.deep.equal(query);
      expect(el.query).to.deep.equal(query);
      el.filtersOpen = true;
      await el.updateComplete;
      expect(field<HTMLSelectElement>(el, 'Ämne').value).to.equal(subject.id);
      expect(field<HTMLSelectElement>(el, 'Antal per sida').value).to.equal('50');
    });

    it('setting a query with invalid filters shows the errors and sends nothing', async () => {
      const { el, spy } = await searchedInbox(mock.adapter());
      el.filtersOpen = true;
      el.query = { ...el.query, filters: { ...el.query.filters, messageNumber: '123' } };
      await el.updateComplete;
      expect(field(el, 'Meddelandenummer').getAttribute('aria-invalid')).to.equal('true');
      expect(spy.searches.length).to.equal(1);
      expect(el.query.filters.messageNumber).to.equal('');
    });
  });

  describe('privacy', () => {
    it('search text never reaches the URL, storage, cookies or the console', async () => {
      const person = TEST_PERSONS[3];
      const forms = (['long-dash', 'short-dash', 'long', 'short'] as const).map((f) =>
        writePersonnummer(person.personnummer, f),
      );
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const originals = methods.map((m) => console[m]);
      methods.forEach((m) => {
        console[m] = (...args: unknown[]) => {
          logged.push(args.map(String).join(' '));
        };
      });
      try {
        const { el, spy } = await searchedInbox(mock.adapter(), 60_000);
        button(el, 'Visa filtrering').click();
        await el.updateComplete;
        await searchText(el, spy, forms[1], 2);
        expect(spy.searches[1].filters.text).to.equal(forms[1]);
        const stored = (s: Storage) =>
          Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
        const places = [
          location.href,
          stored(localStorage),
          stored(sessionStorage),
          document.cookie,
          ...logged,
        ];
        for (const place of places) {
          for (const form of [...forms, person.personnummer.slice(2, 8)]) expect(place).not.to.contain(form);
        }
        // The browser is asked not to remember the field either.
        expect(field(el, 'Meddelandetext').getAttribute('autocomplete')).to.equal('off');
      } finally {
        methods.forEach((m, i) => (console[m] = originals[i]));
      }
    });
  });

  describe('layout', function () {
    // WebDriver can size the window but not the viewport, which these tests need exact (WebKit).
    before(function () {
      if (WEBDRIVER) this.skip();
    });
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('works at 320 px: no horizontal scroll at all, rows stacked with each value under its column name', async () => {
      await setViewport({ width: 320, height: 640 });
      const wrapper = await fixture<HTMLElement>(
        html`<div><secure-inbox .adapter=${mock.adapter()} .filtersOpen=${true}></secure-inbox></div>`,
      );
      const el = wrapper.querySelector('secure-inbox') as SecureInbox;
      await settled(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const region = resultsRegion(el)!;
      expect(region.scrollWidth).to.be.at.most(region.clientWidth);
      expect(region.getAttribute('role')).to.equal('region');
      // Each value stands under its column's name, visibly (the column headers are for screen readers).
      const firstRow = root(el).querySelector('tbody tr')!;
      const labels = [...firstRow.querySelectorAll('.cell-label')].filter(
        (label) => getComputedStyle(label).display !== 'none',
      );
      expect(labels.map((label) => normalise(label.textContent))).to.deep.equal([
        'Meddelandenr',
        'Datum',
        'Ämne',
        'Status',
        'Ansvarig',
      ]);
      await expect(el).to.be.accessible();
      // Controls stay within the viewport.
      for (const name of ['Nytt meddelande', 'Dölj filtrering', 'Återställ filter', 'Nästa sida']) {
        expect(button(el, name).getBoundingClientRect().right).to.be.at.most(320);
      }
      await choose(el, field<HTMLSelectElement>(el, 'Antal per sida'), '25');
    });

    it('works on a wide screen', async () => {
      await setViewport({ width: 1600, height: 900 });
      const el = await renderInbox(mock.adapter());
      await settled(el);
      const region = resultsRegion(el)!;
      expect(region.scrollWidth).to.be.at.most(region.clientWidth);
      await expect(el).to.be.accessible();
    });
  });
});

import { expect } from '@open-wc/testing';
import type { SortKey } from '../../../src/domain/index.js';
import {
  button,
  choose,
  knownInbox,
  newestFirst,
  type KnownNumbers,
  field,
  numbers,
  renderInbox,
  root,
  rows,
  searched,
  spyAdapter,
  eventually,
  useMockBackend,
  searchedInbox,
  intercept,
} from './inbox-helpers.js';

function header(el: Element, name: string): HTMLTableCellElement {
  const th = [...el.shadowRoot!.querySelectorAll<HTMLTableCellElement>('thead th')].find(
    (cell) => cell.querySelector('button span:not([aria-hidden])')?.textContent?.trim() === name,
  );
  if (!th) throw new Error(`no column ${name}`);
  return th;
}

// One worker per file: every describe below shares it and reseeds with its own size.
describe('<secure-inbox> sorting and paging', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend({ size: 150 });

  describe('sorting', () => {
    // Each order read off knownInbox's table by the manual's rules: Swedish alphabetical subjects
    // and names, statuses in life-cycle order, no Ansvarig last both ways, and ties broken by the
    // higher (newer) number first, whichever the direction.
    const columns: {
      name: string;
      key: SortKey;
      first: 'asc' | 'desc';
      orders: Record<'asc' | 'desc', (keyof KnownNumbers)[]>;
    }[] = [
      {
        name: 'Meddelandenr',
        key: 'number',
        first: 'desc',
        orders: { desc: ['c6', 'c5', 'c4', 'c3', 'c2', 'c1'], asc: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] },
      },
      {
        name: 'Datum',
        key: 'date',
        first: 'asc', // already sorted newest first: a click flips it
        orders: { asc: ['c4', 'c1', 'c2', 'c5', 'c3', 'c6'], desc: ['c6', 'c5', 'c3', 'c2', 'c1', 'c4'] },
      },
      {
        name: 'Ämne',
        key: 'subject',
        first: 'asc',
        orders: { asc: ['c4', 'c5', 'c1', 'c6', 'c2', 'c3'], desc: ['c3', 'c2', 'c6', 'c5', 'c1', 'c4'] },
      },
      {
        name: 'Status',
        key: 'status',
        first: 'asc',
        orders: { asc: ['c6', 'c2', 'c5', 'c1', 'c4', 'c3'], desc: ['c3', 'c4', 'c5', 'c1', 'c6', 'c2'] },
      },
      {
        name: 'Ansvarig',
        key: 'assignee',
        first: 'asc',
        orders: { asc: ['c5', 'c3', 'c4', 'c1', 'c6', 'c2'], desc: ['c6', 'c4', 'c1', 'c5', 'c3', 'c2'] },
      },
    ];
    for (const c of columns) {
      it(`sorts by ${c.name} on the server, both ways, with aria-sort on its header only`, async () => {
        const known = knownInbox(mock.backend);
        const { el, spy } = await searchedInbox(mock.adapter());
        let n = 1;
        for (const direction of [c.first, c.first === 'asc' ? 'desc' : 'asc'] as const) {
          header(el, c.name).querySelector('button')!.click();
          await searched(el, spy, ++n);
          expect(spy.searches[n - 1].sort).to.deep.equal({ key: c.key, direction });
          expect(spy.searches[n - 1].page).to.equal(1);
          expect(header(el, c.name).getAttribute('aria-sort')).to.equal(
            direction === 'asc' ? 'ascending' : 'descending',
          );
          expect(root(el).querySelectorAll('th[aria-sort]').length).to.equal(1);
          expect(numbers(el), direction).to.deep.equal(c.orders[direction].map((key) => known[key]));
        }
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('paging', () => {
    beforeEach(() => mock.backend.reset({ size: 800 }));

    it('pages with Föregående/Nästa sida and says which rows it shows', async () => {
      const { el, spy } = await searchedInbox(mock.adapter());
      const all = newestFirst(mock.backend);
      expect(all.length).to.be.greaterThan(50);
      const range = () => root(el).querySelector('.range')?.textContent?.trim();
      const previous = button(el, 'Föregående sida');
      expect(range()).to.equal(`Visar 1–25 av ${all.length}`);
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      previous.click();
      button(el, 'Nästa sida').click();
      await searched(el, spy, 2);
      // Searches reach the adapter in order: had the disabled button searched, it would be #2.
      expect(
        spy.searches.map((q) => q.page),
        'a disabled button does nothing',
      ).to.deep.equal([1, 2]);
      expect(range()).to.equal(`Visar 26–50 av ${all.length}`);
      expect(numbers(el)).to.deep.equal(all.slice(25, 50).map((c) => c.number));
      expect(button(el, 'Föregående sida').getAttribute('aria-disabled')).to.equal('false');
      // To the end.
      const last = Math.ceil(all.length / 25);
      for (let page = 3; page <= last; page++) {
        button(el, 'Nästa sida').click();
        await searched(el, spy, page);
      }
      expect(button(el, 'Nästa sida').getAttribute('aria-disabled')).to.equal('true');
      expect(range()).to.equal(`Visar ${(last - 1) * 25 + 1}–${all.length} av ${all.length}`);
      button(el, 'Föregående sida').click();
      await searched(el, spy, last + 1);
      expect(spy.searches[last].page).to.equal(last - 1);
      await expect(el).to.be.accessible();
    });

    it('changes the page size with the labelled Antal per sida select', async () => {
      const { el, spy } = await searchedInbox(mock.adapter());
      const select = field<HTMLSelectElement>(el, 'Antal per sida');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['25', '50', '100']);
      expect(select.value).to.equal('25');
      await choose(el, select, '50');
      await searched(el, spy, 2);
      expect(spy.searches[1].pageSize).to.equal(50);
      expect(rows(el).length).to.equal(50);
      await choose(el, field<HTMLSelectElement>(el, 'Antal per sida'), '100');
      await searched(el, spy, 3);
      expect(rows(el).length).to.equal(Math.min(100, newestFirst(mock.backend).length));
    });

    it('a filter or sort change goes back to page 1', async () => {
      const { el, spy } = await searchedInbox(mock.adapter());
      button(el, 'Nästa sida').click();
      await searched(el, spy, 2);
      header(el, 'Ämne').querySelector('button')!.click();
      await searched(el, spy, 3);
      expect(spy.searches[2].page).to.equal(1);
    });
  });

  describe('stale answers', () => {
    it('a slow answer to an older query never replaces the newer one', async () => {
      // The first search is answered only when the test says so, and even after its abort.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let first: Promise<unknown> | undefined;
      const slow = intercept(mock.adapter(), 'searchConversations', (search) => (query, signal) => {
        if (first) return search(query, signal);
        const answer = search(query, new AbortController().signal).then(async (result) => {
          await held;
          return result;
        });
        first = answer;
        return answer;
      });
      const spy = spyAdapter(slow);
      const el = await renderInbox(spy.adapter);
      expect(spy.searches.length).to.equal(1);
      button(el, 'Visa filtrering').click();
      await el.updateComplete;
      await eventually(
        () => field<HTMLSelectElement>(el, 'Ämne').options.length > 1,
        'subjects load before the search',
      );
      const subject = mock.backend.store.subjects[2];
      await choose(el, field<HTMLSelectElement>(el, 'Ämne'), subject.id);
      await searched(el, spy, 2);
      await eventually(() => spy.signals[0].aborted, 'the older request is aborted');
      const want = newestFirst(mock.backend).filter((c) => c.subject.id === subject.id);
      expect(numbers(el)).to.deep.equal(want.slice(0, 25).map((c) => c.number));
      release();
      await first;
      await el.updateComplete;
      expect(numbers(el)).to.deep.equal(want.slice(0, 25).map((c) => c.number));
      expect(rows(el).every((r) => r[2] === subject.name)).to.equal(true);
    });
  });
});

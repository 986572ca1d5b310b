import { expect } from '@open-wc/testing';
import {
  cloneQuery,
  defaultInboxQuery,
  nextSort,
  recallInbox,
  rememberInbox,
  sameFilters,
  sanitiseQuery,
} from '../../src/controllers/inbox-query.js';
import { forgetSession } from '../../src/controllers/session.js';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { DEFAULT_FILTERS, DEFAULT_SORT, type SearchQuery, type Sort } from '../../src/domain/index.js';

const adapter = () => ({}) as SecureMessagesAdapter;

describe('inbox query helpers', () => {
  it('the default query: default filters, newest first, page 1 of 25', () => {
    expect(defaultInboxQuery()).to.deep.equal({
      filters: { ...DEFAULT_FILTERS, statuses: [...DEFAULT_FILTERS.statuses] },
      sort: { ...DEFAULT_SORT },
      page: 1,
      pageSize: 25,
    });
    const a = defaultInboxQuery();
    a.filters.statuses.push('closed');
    expect(defaultInboxQuery().filters.statuses).not.to.include('closed');
  });

  const sorts: { current: Sort; key: Sort['key']; next: Sort }[] = [
    { current: { key: 'date', direction: 'desc' }, key: 'date', next: { key: 'date', direction: 'asc' } },
    { current: { key: 'date', direction: 'asc' }, key: 'date', next: { key: 'date', direction: 'desc' } },
    {
      current: { key: 'date', direction: 'desc' },
      key: 'number',
      next: { key: 'number', direction: 'desc' },
    },
    { current: { key: 'number', direction: 'asc' }, key: 'date', next: { key: 'date', direction: 'desc' } },
    {
      current: { key: 'date', direction: 'desc' },
      key: 'subject',
      next: { key: 'subject', direction: 'asc' },
    },
    { current: { key: 'date', direction: 'desc' }, key: 'status', next: { key: 'status', direction: 'asc' } },
    {
      current: { key: 'date', direction: 'desc' },
      key: 'assignee',
      next: { key: 'assignee', direction: 'asc' },
    },
    {
      current: { key: 'assignee', direction: 'asc' },
      key: 'assignee',
      next: { key: 'assignee', direction: 'desc' },
    },
  ];
  for (const c of sorts) {
    it(`nextSort(${c.current.key} ${c.current.direction}, ${c.key}) → ${c.next.key} ${c.next.direction}`, () => {
      expect(nextSort(c.current, c.key)).to.deep.equal(c.next);
    });
  }

  const sanitised: { name: string; input: unknown; check: (q: SearchQuery) => void }[] = [
    { name: 'null → defaults', input: null, check: (q) => expect(q).to.deep.equal(defaultInboxQuery()) },
    { name: 'bad page size → 25', input: { pageSize: 30 }, check: (q) => expect(q.pageSize).to.equal(25) },
    { name: 'page 0 → 1', input: { page: 0 }, check: (q) => expect(q.page).to.equal(1) },
    { name: 'fractional page → 1', input: { page: 2.5 }, check: (q) => expect(q.page).to.equal(1) },
    {
      name: 'unknown sort key → default sort',
      input: { sort: { key: 'body', direction: 'asc' } },
      check: (q) => expect(q.sort).to.deep.equal(DEFAULT_SORT),
    },
    {
      name: 'unknown statuses dropped, order normalised',
      input: { filters: { statuses: ['closed', 'x', 'new'] } },
      check: (q) => expect(q.filters.statuses).to.deep.equal(['new', 'closed']),
    },
    {
      name: 'empty subject → null',
      input: { filters: { subjectId: '' } },
      check: (q) => expect(q.filters.subjectId).to.equal(null),
    },
    {
      name: 'valid values kept',
      input: { page: 3, pageSize: 100, sort: { key: 'status', direction: 'asc' }, filters: { text: 'Lön' } },
      check: (q) => {
        expect([q.page, q.pageSize, q.sort.key, q.sort.direction, q.filters.text]).to.deep.equal([
          3,
          100,
          'status',
          'asc',
          'Lön',
        ]);
      },
    },
  ];
  for (const c of sanitised) {
    it(`sanitiseQuery: ${c.name}`, () => c.check(sanitiseQuery(c.input as SearchQuery)));
  }

  it('sameFilters ignores status order but nothing else', () => {
    const a = defaultInboxQuery().filters;
    expect(sameFilters(a, { ...a, statuses: [...a.statuses].reverse() })).to.equal(true);
    expect(sameFilters(a, { ...a, text: 'x' })).to.equal(false);
    expect(sameFilters(a, { ...a, statuses: ['new'] })).to.equal(false);
    expect(sameFilters(a, { ...a, subjectId: 's1' })).to.equal(false);
  });

  it('remembers per adapter instance, as copies, in memory only', () => {
    const one = adapter();
    const two = adapter();
    const query = { ...defaultInboxQuery(), page: 4 };
    rememberInbox(one, { query, filtersOpen: true });
    query.page = 9;
    expect(recallInbox(one)).to.deep.equal({ query: { ...defaultInboxQuery(), page: 4 }, filtersOpen: true });
    expect(recallInbox(two)).to.equal(undefined);
    const recalled = recallInbox(one)!;
    recalled.query.filters.statuses.length = 0;
    expect(recallInbox(one)!.query.filters.statuses.length).to.equal(4);
    forgetSession(one);
    expect(recallInbox(one)).to.equal(undefined);
    expect(cloneQuery(query)).to.deep.equal(query);
  });
});

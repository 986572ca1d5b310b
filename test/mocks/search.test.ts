import { expect } from '@open-wc/testing';
import {
  compareSummaries,
  NO_FILTERS,
  effectiveFilters,
  indexConversationText,
  matchesFilters,
  matchesPreparedText,
  matchesText,
  prepareTextQuery,
  type EffectiveFilters,
} from '../../mocks/search.js';
import {
  DEFAULT_FILTERS,
  SORT_DIRECTIONS,
  type ConversationFilters,
  type Sort,
  type SortKey,
} from '../../src/domain/query.js';
import type { ConversationSummary } from '../../src/domain/types.js';
import { summary } from '../fixtures.js';
import { ref } from '../domain/helpers.js';

function filters(overrides: Partial<ConversationFilters> = {}): ConversationFilters {
  return { ...DEFAULT_FILTERS, statuses: [...DEFAULT_FILTERS.statuses], ...overrides };
}

describe("the mock backend's search semantics", () => {
  describe('effectiveFilters', () => {
    const none: EffectiveFilters = NO_FILTERS;
    const defaultStatuses = ['new', 'sent', 'answered', 'reply-received'];
    const cases: [string, Partial<ConversationFilters>, EffectiveFilters][] = [
      ['the defaults', {}, { ...none, statuses: defaultStatuses as EffectiveFilters['statuses'] }],
      [
        'a message number overrides everything and includes closed ones',
        { messageNumber: ' 69743 ', subjectId: 'lon', assigneeId: 'abcd01', text: 'Åsa', statuses: ['new'] },
        { ...none, messageNumber: '69743' },
      ],
      [
        'trimmed upper-case assignee',
        { assigneeId: ' abcd01 ', statuses: [] },
        { ...none, assigneeId: 'ABCD01' },
      ],
      ['trimmed text, case kept', { text: '  Åsa Öberg ', statuses: [] }, { ...none, text: 'Åsa Öberg' }],
      [
        'white space only is not applied',
        { text: ' ', assigneeId: ' ', messageNumber: ' ', statuses: [] },
        none,
      ],
      ['a subject', { subjectId: 'lon', statuses: [] }, { ...none, subjectId: 'lon' }],
      ['an empty subject id is none', { subjectId: '', statuses: [] }, none],
      ['no status selected means any status', { statuses: [] }, none],
      [
        'all five statuses mean any status',
        { statuses: ['closed', 'new', 'sent', 'answered', 'reply-received'] },
        none,
      ],
      [
        'statuses deduplicated in table order',
        { statuses: ['closed', 'new', 'new'] },
        { ...none, statuses: ['new', 'closed'] },
      ],
      [
        'personnummer 12 digits with dash → 12 digits',
        { text: '19121212-1212', statuses: [] },
        { ...none, text: '191212121212' },
      ],
      [
        'personnummer with + → 12 digits',
        { text: '121212+1212', statuses: [] },
        { ...none, text: '191212121212' },
      ],
      [
        'personnummer 10 digits with dash → 10 digits (century open)',
        { text: ' 121212-1212 ', statuses: [] },
        { ...none, text: '1212121212' },
      ],
      ['partial number unchanged', { text: '1212', statuses: [] }, { ...none, text: '1212' }],
      [
        'invalid personnummer unchanged',
        { text: '121212-1213', statuses: [] },
        { ...none, text: '121212-1213' },
      ],
    ];
    for (const [label, overrides, expected] of cases) {
      it(label, () => expect(effectiveFilters(filters(overrides))).to.deep.equal(expected));
    }
  });

  describe('indexConversationText', () => {
    it('folds case (Swedish letters too), white space and Unicode composition, separating bodies', () => {
      const entry = indexConversationText(['Hej ÅSA\n\n Öberg', 'Ga\u0308ller\tmars']);
      expect(entry.text).to.equal('hej åsa öberg\u0000gäller mars');
      expect([...entry.personnummer]).to.deep.equal([]);
    });

    it('collects every valid personnummer in 12-digit form, with both centuries for short forms', () => {
      const entry = indexConversationText([
        'Gäller 19121212-1212 och 121212-1212',
        'samt 550101-1234 (ogiltigt) och 19550101-1234 och 121212+1212',
      ]);
      expect([...entry.personnummer].sort()).to.deep.equal(['191212121212', '201212121212']);
    });

    it('gives an empty entry for no bodies', () => {
      const entry = indexConversationText([]);
      expect(entry.text).to.equal('');
      expect(entry.personnummer.size).to.equal(0);
    });
  });

  describe('matchesText', () => {
    const longForm = indexConversationText(['Hej!\nGäller ÅSA Öberg, 19121212-1212.', 'Lön för mars   2026']);
    const shortForm = indexConversationText(['Gäller 121212-1212']);
    const plusForm = indexConversationText(['Gäller 121212+1212']);
    const cases: [string, typeof longForm, string, boolean][] = [
      ['empty query', longForm, '', true],
      ['white space query', longForm, '   ', true],
      ['lower-case Swedish letters', longForm, 'åsa', true],
      ['upper-case query', longForm, 'ÅSA ÖBERG', true],
      ['mixed case, spaces around', longForm, '  åSa öBERG ', true],
      ['a without ring is another letter', longForm, 'asa', false],
      ['o without dots is another letter', longForm, 'oberg', false],
      ['across a line break', longForm, 'hej! gäller', true],
      ['several spaces equal one', longForm, 'mars 2026', true],
      ['decomposed å in the query', longForm, 'A\u030asa', true],
      ['in the second body', longForm, 'lön', true],
      ['never across two bodies', longForm, '1212. lön', false],
      ['not there', longForm, 'pension', false],
      ['long form, searched in the same form', longForm, '19121212-1212', true],
      ['long form, searched 12 digits', longForm, '191212121212', true],
      ['long form, searched with +', longForm, '121212+1212', true],
      ['long form, searched 10 digits with dash', longForm, '121212-1212', true],
      ['long form, searched 10 digits', longForm, '1212121212', true],
      ['long form, partial number as text', longForm, '1212', true],
      ['long form, another century', longForm, '20121212-1212', false],
      ['long form, invalid number not found', longForm, '121212-1213', false],
      ['short form, searched long 1912', shortForm, '19121212-1212', true],
      ['short form, searched long 2012', shortForm, '201212121212', true],
      ['short form, searched with +', shortForm, '121212+1212', true],
      ['short form, searched 10 digits', shortForm, '1212121212', true],
      ['+ form, searched long 1912', plusForm, '191212121212', true],
      ['+ form, searched 10 digits with dash', plusForm, '121212-1212', true],
      ['+ form, searched long 2012', plusForm, '20121212-1212', false],
    ];
    for (const [label, entry, query, expected] of cases) {
      it(`${label}: ${JSON.stringify(query)} → ${expected}`, () => {
        expect(matchesText(entry, query)).to.equal(expected);
        expect(matchesPreparedText(entry, prepareTextQuery(query))).to.equal(expected);
      });
    }

    it('gives the same answers when queries alternate (the prepared query is cached per string)', () => {
      const answers = ['åsa', 'pension', 'åsa', '121212-1212', '121212-1212', ''].map((q) =>
        matchesText(longForm, q),
      );
      expect(answers).to.deep.equal([true, false, true, true, true, true]);
    });

    it('prepares a query once: folded needle and personnummer keys', () => {
      expect(prepareTextQuery('  ÅSA\n Öberg ')).to.deep.equal({ needle: 'åsa öberg', personnummer: [] });
      expect(prepareTextQuery('121212-1212')).to.deep.equal({
        needle: '121212-1212',
        personnummer: ['201212121212', '191212121212'],
      });
    });
  });

  describe('matchesFilters', () => {
    const c = summary({
      number: '69743',
      subject: { id: 'lon', name: 'Anställning och lön' },
      status: 'closed',
      assignee: ref('ABCD01'),
    });
    const unassigned = summary({ number: '69744', status: 'new', assignee: null });
    const entry = indexConversationText(['Gäller Åsa, 19121212-1212']);
    const any: EffectiveFilters = NO_FILTERS;
    const cases: [string, ConversationSummary, EffectiveFilters, boolean][] = [
      ['no filters', c, any, true],
      [
        'its message number, other filters ignored',
        c,
        { ...any, messageNumber: '69743', subjectId: 'x', statuses: ['new'] },
        true,
      ],
      ['another message number', c, { ...any, messageNumber: '69744' }, false],
      ['its subject', c, { ...any, subjectId: 'lon' }, true],
      ['another subject', c, { ...any, subjectId: 'ovrigt' }, false],
      ['its assignee', c, { ...any, assigneeId: 'ABCD01' }, true],
      ['its assignee in lower case', c, { ...any, assigneeId: 'abcd01' }, true],
      ['another assignee', c, { ...any, assigneeId: 'EFGH02' }, false],
      ['an assignee filter on an unassigned one', unassigned, { ...any, assigneeId: 'ABCD01' }, false],
      ['its organisation', c, { ...any, customerNumber: c.organisation.customerNumber }, true],
      ['another organisation', c, { ...any, customerNumber: '9999' }, false],
      ['unassigned only, on an assigned one', c, { ...any, unassigned: true }, false],
      ['unassigned only, on an unassigned one', unassigned, { ...any, unassigned: true }, true],
      ['its status', c, { ...any, statuses: ['new', 'closed'] }, true],
      ['not its status', c, { ...any, statuses: ['new', 'sent'] }, false],
      ['its text', c, { ...any, text: 'åsa' }, true],
      ['its personnummer in another form', c, { ...any, text: '121212+1212' }, true],
      ['not its text', c, { ...any, text: 'nils' }, false],
      [
        'all matching',
        c,
        { ...any, subjectId: 'lon', assigneeId: 'ABCD01', statuses: ['closed'], text: 'Åsa' },
        true,
      ],
      [
        'all but the text matching',
        c,
        { ...any, subjectId: 'lon', assigneeId: 'ABCD01', statuses: ['closed'], text: 'x' },
        false,
      ],
    ];
    for (const [label, conversation, f, expected] of cases) {
      it(`${label} → ${expected}`, () => expect(matchesFilters(conversation, entry, f)).to.equal(expected));
    }

    it('finds a closed conversation by number through effectiveFilters with default statuses', () => {
      expect(matchesFilters(c, entry, effectiveFilters(filters()))).to.equal(false);
      expect(matchesFilters(c, entry, effectiveFilters(filters({ messageNumber: '69743' })))).to.equal(true);
    });
  });

  describe('compareSummaries', () => {
    type Row = [string, Partial<ConversationSummary>];
    const rowsByKey: Record<SortKey, { rows: Row[]; asc: string[]; desc: string[] }> = {
      number: {
        rows: [
          ['10000', {}],
          ['00002', {}],
          ['00010', {}],
          ['123456', {}],
        ],
        asc: ['00002', '00010', '10000', '123456'],
        desc: ['123456', '10000', '00010', '00002'],
      },
      date: {
        rows: [
          ['00001', { lastActivityAt: '2026-01-02T00:00:00.000Z' }],
          ['00002', { lastActivityAt: '2026-01-01T23:00:00Z' }],
          ['00003', { lastActivityAt: '2026-01-02T00:30:00+01:00' }], // 23:30 UTC
          ['00004', { lastActivityAt: '2026-01-02T00:00:00.000Z' }], // tie with 00001
          ['00005', { lastActivityAt: '2025-06-01T00:00:00.000Z' }],
        ],
        asc: ['00005', '00002', '00003', '00004', '00001'],
        desc: ['00004', '00001', '00003', '00002', '00005'],
      },
      subject: {
        rows: [
          ['00001', { subject: { id: 'o', name: 'Övrigt' } }],
          ['00002', { subject: { id: 'a', name: 'Anställning och lön' } }],
          ['00003', { subject: { id: 'u', name: 'Utbetalning' } }],
          ['00004', { subject: { id: 'b', name: 'Beräkning' } }],
          ['00005', { subject: { id: 'b', name: 'Beräkning' } }],
          ['00006', { subject: { id: 'e', name: 'ekonomi och fakturor' } }],
        ],
        asc: ['00002', '00005', '00004', '00006', '00003', '00001'],
        desc: ['00001', '00003', '00006', '00005', '00004', '00002'],
      },
      status: {
        rows: [
          ['00001', { status: 'closed' }],
          ['00002', { status: 'new' }],
          ['00003', { status: 'reply-received' }],
          ['00004', { status: 'sent' }],
          ['00005', { status: 'answered' }],
          ['00006', { status: 'new' }],
        ],
        asc: ['00006', '00002', '00004', '00005', '00003', '00001'],
        desc: ['00001', '00003', '00005', '00004', '00006', '00002'],
      },
      organisation: {
        rows: [
          ['00001', { organisation: { customerNumber: '1', organisationNumber: '1', name: 'Örby kommun' } }],
          ['00002', { organisation: { customerNumber: '2', organisationNumber: '2', name: 'Alby kommun' } }],
          [
            '00003',
            { organisation: { customerNumber: '3', organisationNumber: '3', name: 'region Bergen' } },
          ],
          ['00004', { organisation: { customerNumber: '2', organisationNumber: '2', name: 'Alby kommun' } }],
        ],
        asc: ['00004', '00002', '00003', '00001'],
        desc: ['00001', '00003', '00004', '00002'],
      },
      waiting: {
        rows: [
          ['00001', { waitingSince: '2026-01-02T00:00:00.000Z' }],
          ['00002', { waitingSince: null }],
          ['00003', { waitingSince: '2025-12-01T08:00:00.000Z' }],
          ['00004', {}],
          ['00005', { waitingSince: '2026-01-05T00:00:00.000Z' }],
        ],
        asc: ['00003', '00001', '00005', '00004', '00002'],
        desc: ['00005', '00001', '00003', '00004', '00002'],
      },
      assignee: {
        rows: [
          ['00001', { assignee: ref('OBOB01', 'Örjan Berg') }],
          ['00002', { assignee: null }],
          ['00003', { assignee: ref('EFGH02', 'Anna Ek') }],
          ['00004', { assignee: ref('ABCD01', 'anna ek') }],
          ['00005', { assignee: ref('BERT03', 'Bertil Ås') }],
          ['00006', { assignee: null }],
        ],
        asc: ['00004', '00003', '00005', '00001', '00006', '00002'],
        desc: ['00001', '00005', '00003', '00004', '00006', '00002'],
      },
    };
    for (const [key, { rows, asc, desc }] of Object.entries(rowsByKey) as [
      SortKey,
      (typeof rowsByKey)[SortKey],
    ][]) {
      for (const direction of SORT_DIRECTIONS) {
        it(`${key} ${direction}`, () => {
          const sort: Sort = { key, direction };
          const items = rows.map(([number, overrides]) => summary({ number, ...overrides }));
          const sorted = [...items].sort((a, b) => compareSummaries(a, b, sort)).map((s) => s.number);
          expect(sorted).to.deep.equal(direction === 'asc' ? asc : desc);
          // Reversing the input must not change the result (a total order, no dependence on input order).
          const again = [...items]
            .reverse()
            .sort((a, b) => compareSummaries(a, b, sort))
            .map((s) => s.number);
          expect(again).to.deep.equal(sorted);
        });
      }
    }

    it('status, for KPA staff: waiting for KPA, waiting for the employer, closed', () => {
      const rows = rowsByKey.status.rows.map(([number, overrides]) => summary({ number, ...overrides }));
      const sorted = (direction: Sort['direction']) =>
        [...rows]
          .sort((a, b) => compareSummaries(a, b, { key: 'status', direction }, 'kpa'))
          .map((s) => s.number);
      // sent, answered | new, new, reply-received | closed
      expect(sorted('asc')).to.deep.equal(['00004', '00005', '00006', '00002', '00003', '00001']);
      expect(sorted('desc')).to.deep.equal(['00001', '00003', '00006', '00002', '00005', '00004']);
    });

    it('is 0 only for the same number', () => {
      const a = summary({ number: '00001' });
      expect(compareSummaries(a, { ...a }, { key: 'date', direction: 'asc' })).to.equal(0);
    });
  });
});

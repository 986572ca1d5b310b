import { expect } from '@open-wc/testing';
import { isDefaultFilters, isPageSize, validateFilters } from '../../src/domain/filters.js';
import { DEFAULT_FILTERS, type ConversationFilters } from '../../src/domain/query.js';
import { STATUSES } from '../../src/domain/status.js';

const MESSAGE_NUMBER_ERROR = 'message-number.format';
const USER_ID_ERROR = 'user-id.format';

function filters(overrides: Partial<ConversationFilters> = {}): ConversationFilters {
  return { ...DEFAULT_FILTERS, statuses: [...DEFAULT_FILTERS.statuses], ...overrides };
}

describe('domain/filters', () => {
  describe('validateFilters', () => {
    const cases: [string, Partial<ConversationFilters>, Record<string, string>][] = [
      ['the defaults', {}, {}],
      ['a five-digit message number with spaces around', { messageNumber: ' 69743 ' }, {}],
      [
        'white space only in message number and assignee (not applied)',
        { messageNumber: '  ', assigneeId: ' ' },
        {},
      ],
      ['a four-digit message number', { messageNumber: '6974' }, { messageNumber: MESSAGE_NUMBER_ERROR }],
      ['a lower-case assignee id', { assigneeId: 'abcd01' }, {}],
      ['an assignee id with Å', { assigneeId: 'ÅBCD01' }, { assigneeId: USER_ID_ERROR }],
      [
        'both wrong',
        { messageNumber: '1', assigneeId: 'x' },
        { messageNumber: MESSAGE_NUMBER_ERROR, assigneeId: USER_ID_ERROR },
      ],
      ['no status selected (means every status)', { statuses: [] }, {}],
      ['any free text', { text: '<script>alert(1)</script> 1212' }, {}],
      ['a subject', { subjectId: 'lon' }, {}],
    ];
    for (const [label, overrides, expected] of cases) {
      it(label, () => {
        const codes = Object.entries(validateFilters(filters(overrides))).map(([f, p]) => [f, p.code]);
        expect(Object.fromEntries(codes)).to.deep.equal(expected);
      });
    }
  });

  describe('isDefaultFilters', () => {
    const cases: [string, Partial<ConversationFilters>, boolean][] = [
      ['the defaults', {}, true],
      [
        'default statuses in another order',
        { statuses: ['reply-received', 'answered', 'sent', 'new'] },
        true,
      ],
      ['white space only in the text fields', { messageNumber: ' ', assigneeId: '\t', text: '  ' }, true],
      ['a subject', { subjectId: 'lon' }, false],
      ['a message number', { messageNumber: '69743' }, false],
      ['an assignee', { assigneeId: 'ABCD01' }, false],
      ['a text', { text: 'Åsa' }, false],
      ['all five statuses', { statuses: [...STATUSES] }, false],
      ['no status', { statuses: [] }, false],
      ['one status fewer', { statuses: ['new', 'sent', 'answered'] }, false],
      ['as many statuses, other ones', { statuses: ['new', 'sent', 'answered', 'closed'] }, false],
    ];
    for (const [label, overrides, expected] of cases) {
      it(`${label} → ${expected}`, () => expect(isDefaultFilters(filters(overrides))).to.equal(expected));
    }
    it('is true for DEFAULT_FILTERS itself', () => expect(isDefaultFilters(DEFAULT_FILTERS)).to.equal(true));
  });

  describe('isPageSize', () => {
    const cases: [unknown, boolean][] = [
      [25, true],
      [50, true],
      [100, true],
      [10, false],
      [25.5, false],
      ['25', false],
      [null, false],
      [undefined, false],
    ];
    for (const [value, expected] of cases) {
      it(`${JSON.stringify(value) ?? 'undefined'} → ${expected}`, () =>
        expect(isPageSize(value)).to.equal(expected));
    }
  });
});

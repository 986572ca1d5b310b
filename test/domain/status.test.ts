import { expect } from '@open-wc/testing';
import {
  ATTENTION_STATUSES,
  DEFAULT_STATUSES,
  STAFF_ATTENTION_STATUSES,
  STATUSES,
  isStatus,
  needsAttention,
  READER_STATUSES,
  readerStatus,
  statusesOf,
  type Status,
} from '../../src/domain/status.js';

describe('domain/status', () => {
  it('has the five statuses, default all but closed', () => {
    expect(STATUSES).to.deep.equal(['new', 'sent', 'answered', 'reply-received', 'closed']);
    expect(DEFAULT_STATUSES).to.deep.equal(['new', 'sent', 'answered', 'reply-received']);
    expect(ATTENTION_STATUSES).to.deep.equal(['new', 'reply-received']);
    expect(STAFF_ATTENTION_STATUSES).to.deep.equal(['sent', 'answered']);
  });

  const cases: [Status, boolean, boolean][] = [
    ['new', true, false],
    ['sent', false, true],
    ['answered', false, true],
    ['reply-received', true, false],
    ['closed', false, false],
  ];
  for (const [status, employer, kpa] of cases) {
    it(`${status}: attention employer ${employer}, KPA ${kpa}`, () => {
      expect(needsAttention(status)).to.equal(employer);
      expect(needsAttention(status, 'employer')).to.equal(employer);
      expect(needsAttention(status, 'kpa')).to.equal(kpa);
      expect(isStatus(status)).to.equal(true);
    });
  }

  it('KPA staff read whom a conversation waits for; employer users the five statuses', () => {
    expect(STATUSES.map((s) => readerStatus(s, 'kpa'))).to.deep.equal([
      'waiting-for-employer',
      'waiting-for-kpa',
      'waiting-for-kpa',
      'waiting-for-employer',
      'closed',
    ]);
    expect(STATUSES.map((s) => readerStatus(s, 'employer'))).to.deep.equal(STATUSES);
    // Waiting for KPA is exactly what needs KPA's attention.
    for (const s of STATUSES)
      expect(readerStatus(s, 'kpa') === 'waiting-for-kpa').to.equal(needsAttention(s, 'kpa'));
  });

  it('each reader status stands for its statuses, and together they cover all five once', () => {
    expect(statusesOf('waiting-for-kpa')).to.deep.equal(['sent', 'answered']);
    expect(statusesOf('waiting-for-employer')).to.deep.equal(['new', 'reply-received']);
    expect(statusesOf('closed')).to.deep.equal(['closed']);
    expect(statusesOf('new')).to.deep.equal(['new']);
    for (const side of ['employer', 'kpa'] as const) {
      expect(READER_STATUSES[side].flatMap((r) => statusesOf(r)).sort()).to.deep.equal([...STATUSES].sort());
    }
  });

  const notStatuses: unknown[] = ['', 'New', 'open', null, undefined, 1, {}];
  for (const value of notStatuses) {
    it(`isStatus(${JSON.stringify(value) ?? 'undefined'}) is false`, () =>
      expect(isStatus(value)).to.equal(false));
  }
});

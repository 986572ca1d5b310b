import { expect } from '@open-wc/testing';
import {
  ATTENTION_STATUSES,
  DEFAULT_STATUSES,
  STAFF_ATTENTION_STATUSES,
  STATUSES,
  isStatus,
  needsAttention,
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

  const notStatuses: unknown[] = ['', 'New', 'open', null, undefined, 1, {}];
  for (const value of notStatuses) {
    it(`isStatus(${JSON.stringify(value) ?? 'undefined'}) is false`, () =>
      expect(isStatus(value)).to.equal(false));
  }
});

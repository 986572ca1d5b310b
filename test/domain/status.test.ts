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
import { statusText } from '../../src/elements/shared/texts.js';

describe('domain/status', () => {
  it('has the five statuses, default all but closed', () => {
    expect(STATUSES).to.deep.equal(['new', 'sent', 'answered', 'reply-received', 'closed']);
    expect(DEFAULT_STATUSES).to.deep.equal(['new', 'sent', 'answered', 'reply-received']);
    expect(ATTENTION_STATUSES).to.deep.equal(['new', 'reply-received']);
    expect(STAFF_ATTENTION_STATUSES).to.deep.equal(['sent', 'answered']);
  });

  const cases: [Status, string, boolean, boolean][] = [
    ['new', 'Nytt meddelande', true, false],
    ['sent', 'Skickat', false, true],
    ['answered', 'Besvarat', false, true],
    ['reply-received', 'Svar inkommit', true, false],
    ['closed', 'Avslutad', false, false],
  ];
  for (const [status, label, employer, kpa] of cases) {
    it(`${status}: "${label}", attention employer ${employer}, KPA ${kpa}`, () => {
      expect(statusText(status)).to.equal(label);
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

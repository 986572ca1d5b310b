import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNumber,
  workingDaysSince,
} from '../../src/domain/format.js';

const NBSP = '\u00a0';
const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('domain/format', () => {
  describe('formatNumber', () => {
    const cases: [number, string | undefined, string][] = [
      [5, undefined, '5'],
      [5000, undefined, `5${NBSP}000`],
      [1234567, 'sv', `1${NBSP}234${NBSP}567`],
      [5000, 'en', '5,000'],
      [4.6, 'sv', '5'],
    ];
    for (const [value, locale, expected] of cases) {
      it(`${value} (${locale ?? 'default'}) → ${JSON.stringify(expected)}`, () => {
        expect(formatNumber(value, locale)).to.equal(expected);
      });
    }
  });

  describe('formatFileSize', () => {
    const cases: [number, string | undefined, string][] = [
      [0, undefined, '0 B'],
      [1, undefined, '1 B'],
      [850, undefined, '850 B'],
      [1023, 'sv', `1${NBSP}023 B`],
      [1024, 'sv', '1 kB'],
      [1536, 'sv', '1,5 kB'],
      [1536, 'en', '1.5 kB'],
      [12 * KB, 'sv', '12 kB'],
      [12.4 * KB, 'sv', '12 kB'],
      [9.96 * KB, 'sv', '10 kB'],
      [1023.99 * KB, 'sv', '1 MB'],
      [MB, 'sv', '1 MB'],
      [1.5 * MB, 'sv', '1,5 MB'],
      [10 * MB, 'sv', '10 MB'],
      [2.25 * GB, 'sv', '2,3 GB'],
      [3 * 1024 * 1024 * GB, 'sv', `3${NBSP}072 TB`],
      [-1, 'sv', '0 B'],
      [Number.NaN, 'sv', '0 B'],
      [Number.POSITIVE_INFINITY, 'sv', '0 B'],
      [0.4, 'sv', '0 B'],
    ];
    for (const [bytes, locale, expected] of cases) {
      it(`${bytes} (${locale ?? 'default'}) → ${JSON.stringify(expected)}`, () => {
        expect(formatFileSize(bytes, locale)).to.equal(expected);
      });
    }
  });

  describe('formatDate and formatDateTime (Europe/Stockholm)', () => {
    const cases: [string, string, string][] = [
      ['2026-01-15T09:05:00.000Z', '2026-01-15', '2026-01-15 10:05'], // winter time, UTC+1
      ['2026-07-15T09:05:00Z', '2026-07-15', '2026-07-15 11:05'], // summer time, UTC+2
      ['2025-12-31T23:30:00Z', '2026-01-01', '2026-01-01 00:30'], // new year in Sweden first
      ['2026-03-29T00:59:00Z', '2026-03-29', '2026-03-29 01:59'], // before the spring switch
      ['2026-03-29T01:00:00Z', '2026-03-29', '2026-03-29 03:00'], // after it
      ['2026-10-25T00:30:00Z', '2026-10-25', '2026-10-25 02:30'], // first 02:30 in autumn
      ['2026-10-25T01:30:00Z', '2026-10-25', '2026-10-25 02:30'], // second 02:30
      ['2026-06-01T22:00:00Z', '2026-06-02', '2026-06-02 00:00'], // midnight as 00, not 24
      ['2026-06-01T12:00:00+02:00', '2026-06-01', '2026-06-01 12:00'], // offset input
      ['not a date', '', ''],
      ['', '', ''],
    ];
    for (const [iso, date, dateTime] of cases) {
      it(`${JSON.stringify(iso)} → ${JSON.stringify(date)} / ${JSON.stringify(dateTime)}`, () => {
        expect(formatDate(iso)).to.equal(date);
        expect(formatDateTime(iso)).to.equal(dateTime);
      });
    }

    it('writes a four-digit year for years before 1000', () => {
      // The clock time then depends on the browser's historical time zone data (local mean time).
      expect(formatDate('0099-06-01T12:00:00Z')).to.equal('0099-06-01');
      expect(formatDateTime('0099-06-01T12:00:00Z')).to.match(/^0099-06-01 [0-2][0-9]:[0-5][0-9]$/);
    });
  });
});

describe('workingDaysSince', () => {
  // 2026-03-02 is a Monday. Instants in UTC; the days are Swedish (UTC+1 in March).
  const cases: [from: string, now: string, days: number][] = [
    ['2026-03-02T08:00:00Z', '2026-03-02T16:00:00Z', 0],
    ['2026-03-02T08:00:00Z', '2026-03-03T08:00:00Z', 1],
    ['2026-03-06T15:00:00Z', '2026-03-09T08:00:00Z', 1], // Friday to Monday
    ['2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z', 0], // Saturday to Sunday
    ['2026-03-02T08:00:00Z', '2026-03-16T08:00:00Z', 10], // two weeks
    ['2026-03-02T08:00:00Z', '2026-03-20T08:00:00Z', 14],
    ['2026-03-01T23:30:00Z', '2026-03-02T08:00:00Z', 0], // 00:30 Monday in Sweden
    ['2026-03-03T08:00:00Z', '2026-03-02T08:00:00Z', 0], // after now
    ['not a time', '2026-03-02T08:00:00Z', 0],
  ];
  for (const [from, now, days] of cases) {
    it(`${from} → ${now}: ${days}`, () => expect(workingDaysSince(from, Date.parse(now))).to.equal(days));
  }
});

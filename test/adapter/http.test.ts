import { expect } from '@open-wc/testing';
import {
  parseContentDispositionFilename,
  parseEtag,
  parseRetryAfter,
  quoteEtag,
  safeFileName,
} from '../../src/adapter/http.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('http helpers', () => {
  describe('parseRetryAfter', () => {
    const cases: { header: string | null; expected: number | null }[] = [
      { header: null, expected: null },
      { header: '', expected: null },
      { header: '0', expected: 0 },
      { header: '120', expected: 120 },
      { header: ' 7 ', expected: 7 },
      { header: '-5', expected: null },
      { header: '1.5', expected: null },
      { header: 'Mon, 02 Mar 2026 10:01:30 GMT', expected: 90 },
      { header: 'Mon, 02 Mar 2026 10:00:00 GMT', expected: 0 },
      { header: 'Mon, 02 Mar 2026 09:00:00 GMT', expected: 0 },
      { header: 'soon', expected: null },
    ];
    for (const c of cases) {
      it(`${JSON.stringify(c.header)} → ${c.expected}`, () => {
        expect(parseRetryAfter(c.header, NOW)).to.equal(c.expected);
      });
    }
  });

  describe('entity tags', () => {
    const parse: { header: string | null; expected: string | null }[] = [
      { header: null, expected: null },
      { header: '"v7"', expected: 'v7' },
      { header: 'W/"v7"', expected: 'v7' },
      { header: ' "abc-123" ', expected: 'abc-123' },
      { header: 'v8', expected: 'v8' },
      { header: '""', expected: null },
    ];
    for (const c of parse) {
      it(`parseEtag(${JSON.stringify(c.header)}) → ${c.expected}`, () => {
        expect(parseEtag(c.header)).to.equal(c.expected);
      });
    }
    const quote: { version: string; expected: string }[] = [
      { version: 'v7', expected: '"v7"' },
      { version: '"v7"', expected: '"v7"' },
      { version: 'W/"v7"', expected: 'W/"v7"' },
    ];
    for (const c of quote) {
      it(`quoteEtag(${c.version}) → ${c.expected}`, () => {
        expect(quoteEtag(c.version)).to.equal(c.expected);
      });
    }
  });

  describe('parseContentDispositionFilename', () => {
    const cases: { header: string | null; expected: string | null }[] = [
      { header: null, expected: null },
      { header: 'attachment', expected: null },
      {
        header: "attachment; filename*=UTF-8''L%C3%B6nespecifikation%20%C3%A5%C3%A4%C3%B6.pdf",
        expected: 'Lönespecifikation åäö.pdf',
      },
      { header: "attachment; filename*=utf-8'sv'%C3%85rsbesked.pdf", expected: 'Årsbesked.pdf' },
      { header: "attachment; filename*=ISO-8859-1''%E5r.txt", expected: 'år.txt' },
      { header: 'attachment; filename="plain name.pdf"', expected: 'plain name.pdf' },
      { header: 'attachment; filename=bare.pdf', expected: 'bare.pdf' },
      { header: 'attachment; filename="a \\"quoted\\" name.txt"', expected: 'a "quoted" name.txt' },
      {
        header: 'attachment; filename="fallback.pdf"; filename*=UTF-8\'\'%C3%B6.pdf',
        expected: 'ö.pdf',
      },
      { header: 'attachment; filename*=UTF-8\'\'%E0%A4%A.pdf; filename="ok.pdf"', expected: 'ok.pdf' },
      { header: "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", expected: '.._.._etc_passwd' },
      { header: 'attachment; filename=".."', expected: null },
    ];
    for (const c of cases) {
      it(`${c.header} → ${c.expected}`, () => {
        expect(parseContentDispositionFilename(c.header)).to.equal(c.expected);
      });
    }
  });

  describe('safeFileName', () => {
    const cases: { name: string; expected: string | null }[] = [
      { name: 'rapport.pdf', expected: 'rapport.pdf' },
      { name: 'a/b\\c.txt', expected: 'a_b_c.txt' },
      { name: 'tab\there', expected: 'tab_here' },
      { name: '   ', expected: null },
      { name: '.', expected: null },
    ];
    for (const c of cases) {
      it(`${JSON.stringify(c.name)} → ${c.expected}`, () => {
        expect(safeFileName(c.name)).to.equal(c.expected);
      });
    }
  });
});

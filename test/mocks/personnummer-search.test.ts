import { expect } from '@open-wc/testing';
import { isAmbiguousCenturyForm, personnummerSearchKeys } from '../../mocks/personnummer-search.js';
import { withCheck } from '../domain/helpers.js';

/** 15 June 2026, local time. */
const TODAY = new Date(2026, 5, 15, 12, 0, 0);
const LEAP = withCheck('000229123'); // 29 Feb (2000 valid, 1900 not)

describe('mocks/personnummer-search', () => {
  describe('isAmbiguousCenturyForm', () => {
    const cases: [string, boolean][] = [
      ['121212-1212', true],
      ['1212121212', true],
      [' 1212121212 ', true],
      ['121212+1212', false],
      ['19121212-1212', false],
      ['191212121212', false],
      ['hej', false],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () =>
        expect(isAmbiguousCenturyForm(input)).to.equal(expected));
    }
  });

  describe('personnummerSearchKeys', () => {
    const cases: [string, string[]][] = [
      ['121212-1212', ['201212121212', '191212121212']],
      ['1212121212', ['201212121212', '191212121212']],
      ['121212+1212', ['191212121212']],
      ['19121212-1212', ['191212121212']],
      ['201212121212', ['201212121212']],
      [LEAP, [`20${LEAP}`]], // 29 Feb 1900 does not exist
      ['1212121213', []],
      ['', []],
      ['hej', []],
    ];
    for (const [input, keys] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(keys)}`, () => {
        expect(personnummerSearchKeys(input, TODAY)).to.deep.equal(keys);
      });
    }
    it('uses the current date when today is not given', () => {
      expect(personnummerSearchKeys('19121212-1212')).to.deep.equal(['191212121212']);
    });
  });
});

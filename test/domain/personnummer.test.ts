import { expect } from '@open-wc/testing';
import {
  findPersonnummerCandidates,
  invalidPersonnummerIn,
  luhnValid,
  normalisePersonnummer,
  parsePersonnummer,
} from '../../src/domain/personnummer.js';
import { withCheck, withWrongCheck } from './helpers.js';

/** 15 June 2026, local time. */
const TODAY = new Date(2026, 5, 15, 12, 0, 0);

const TOLVAN = '1212121212'; // 121212-1212, Skatteverket's own example
const LEAP = withCheck('000229123'); // 29 Feb (2000 valid, 1900 not)
const SAMORDNING = withCheck('701063238'); // 3 Oct 1970 as samordningsnummer (day + 60)
const BORN_TODAY = withCheck('260615123');
const BORN_TOMORROW = withCheck('260616123');
const BORN_NEW_YEARS_EVE = withCheck('261231123');

describe('domain/personnummer', () => {
  describe('luhnValid', () => {
    const cases: [string, boolean][] = [
      [TOLVAN, true],
      ['1212121213', false],
      ['0000000000', true],
      [withCheck('811218987'), true],
      [withWrongCheck('811218987'), false],
      ['2120000142', true],
      ['2120000143', false],
    ];
    for (const [digits, expected] of cases) {
      it(`${digits} → ${expected}`, () => expect(luhnValid(digits)).to.equal(expected));
    }
  });

  describe('parsePersonnummer (today 2026-06-15)', () => {
    const valid: [string, string, string][] = [
      ['12 digits with dash', '19121212-1212', '191212121212'],
      ['12 digits', '191212121212', '191212121212'],
      ['12 digits, spaces around', '  19121212-1212\t', '191212121212'],
      ['12 digits with +, 100 or older', '19121212+1212', '191212121212'],
      ['10 digits with + (100 or older)', '121212+1212', '191212121212'],
      ['10 digits with dash: under 100, so 2012', '121212-1212', '201212121212'],
      ['10 digits: under 100, so 2012', TOLVAN, '201212121212'],
      ['10 digits of someone born in 1955', withCheck('551226266'), `19${withCheck('551226266')}`],
      ['12 digits, born 2012', '20121212-1212', '201212121212'],
      ['leap day 2000, 10 digits', LEAP, `20${LEAP}`],
      ['leap day 2000, 12 digits', `20${LEAP}`, `20${LEAP}`],
      ['samordningsnummer (day + 60), kept as written', SAMORDNING, `19${SAMORDNING}`],
      [
        'samordningsnummer, 12 digits with dash',
        `1970${SAMORDNING.slice(2, 6)}-${SAMORDNING.slice(6)}`,
        `19${SAMORDNING}`,
      ],
      ['born today, 10 digits: this century', BORN_TODAY, `20${BORN_TODAY}`],
      ['born tomorrow, 10 digits: last century', BORN_TOMORROW, `19${BORN_TOMORROW}`],
      ['born on 31 December, 10 digits: 1926', BORN_NEW_YEARS_EVE, `19${BORN_NEW_YEARS_EVE}`],
      [
        'born tomorrow, +: two centuries back',
        `${BORN_TOMORROW.slice(0, 6)}+${BORN_TOMORROW.slice(6)}`,
        `18${BORN_TOMORROW}`,
      ],
      [
        'exactly 100 today, 12 digits with +',
        `19${BORN_TODAY.slice(0, 6)}+${BORN_TODAY.slice(6)}`,
        `19${BORN_TODAY}`,
      ],
      ['day 31 in a 31-day month', withCheck('120131123'), `20${withCheck('120131123')}`],
      ['samordningsnummer on day 31 (91)', withCheck('120191123'), `20${withCheck('120191123')}`],
    ];
    for (const [label, input, value] of valid) {
      it(`accepts ${label}: ${JSON.stringify(input)} → ${value}`, () => {
        expect(parsePersonnummer(input, TODAY)).to.deep.equal({ ok: true, value });
        expect(normalisePersonnummer(input, TODAY)).to.equal(value);
      });
    }

    const invalid: [string, string, 'personnummer.format' | 'personnummer.date' | 'personnummer.checksum'][] =
      [
        ['empty', '', 'personnummer.format'],
        ['letters', 'abcdefghij', 'personnummer.format'],
        ['9 digits', '121212121', 'personnummer.format'],
        ['11 digits', '12121212121', 'personnummer.format'],
        ['13 digits', '1912121212121', 'personnummer.format'],
        ['separator before the last three', '1212121-212', 'personnummer.format'],
        ['separator before the last five', '12121-21212', 'personnummer.format'],
        ['separator in a 12-digit one at the wrong place', '1912121-21212', 'personnummer.format'],
        ['two separators', '121212--1212', 'personnummer.format'],
        ['slash as separator', '121212/1212', 'personnummer.format'],
        ['space as separator', '121212 1212', 'personnummer.format'],
        ['separator only', '-', 'personnummer.format'],
        ['Arabic-Indic digits', '١٢١٢١٢-١٢١٢', 'personnummer.format'],
        ['full-width digits', '１２１２１２－１２１２', 'personnummer.format'],
        ['12 digits with + for someone under 100', '20121212+1212', 'personnummer.format'],
        [
          '12 digits with + one day short of 100',
          `19${BORN_TOMORROW.slice(0, 6)}+${BORN_TOMORROW.slice(6)}`,
          'personnummer.format',
        ],
        ['month 13', withCheck('121312123'), 'personnummer.date'],
        ['month 00', withCheck('120012123'), 'personnummer.date'],
        ['day 00', withCheck('121200123'), 'personnummer.date'],
        ['day 32', withCheck('120132123'), 'personnummer.date'],
        ['30 February', withCheck('120230123'), 'personnummer.date'],
        ['31 April', withCheck('120431123'), 'personnummer.date'],
        ['29 February in a common year', withCheck('130229123'), 'personnummer.date'],
        ['29 February 1900 (+)', `${LEAP.slice(0, 6)}+${LEAP.slice(6)}`, 'personnummer.date'],
        ['29 February 1900, 12 digits', `19${LEAP}`, 'personnummer.date'],
        ['samordningsnummer 31 April (91)', withCheck('120491123'), 'personnummer.date'],
        ['samordningsnummer day 92', withCheck('120192123'), 'personnummer.date'],
        ['day 60 (neither a date nor a samordningsnummer)', withCheck('120160123'), 'personnummer.date'],
        ['12 digits born in the future', `20${BORN_TOMORROW}`, 'personnummer.date'],
        ['Luhn failure, 10 digits', '1212121213', 'personnummer.checksum'],
        ['Luhn failure, 12 digits with dash', '19121212-1211', 'personnummer.checksum'],
        ['Luhn failure, samordningsnummer', withWrongCheck('701063238'), 'personnummer.checksum'],
        ['Luhn failure, +', `121212+${withWrongCheck('121212121').slice(6)}`, 'personnummer.checksum'],
      ];
    for (const [label, input, code] of invalid) {
      it(`rejects ${label}: ${JSON.stringify(input)} (${code})`, () => {
        const result = parsePersonnummer(input, TODAY);
        expect(result.ok).to.equal(false);
        if (!result.ok) {
          expect(result.code).to.equal(code);
        }
        expect(normalisePersonnummer(input, TODAY)).to.equal(null);
      });
    }

    it('uses the current date when today is not given', () => {
      expect(parsePersonnummer('19121212-1212')).to.deep.equal({ ok: true, value: '191212121212' });
      expect(normalisePersonnummer('121212+1212')).to.equal('191212121212');
      expect(normalisePersonnummer('20991212-1212')).to.equal(null);
    });

    it('normalises every common form of Tolvan Tolvansson to the same value', () => {
      const forms = ['19121212-1212', '191212121212', '121212+1212', ' 19121212-1212 '];
      expect(forms.map((f) => normalisePersonnummer(f, TODAY))).to.deep.equal(
        forms.map(() => '191212121212'),
      );
    });
  });

  describe('findPersonnummerCandidates', () => {
    const cases: [string, string, { text: string; index: number }[]][] = [
      ['nothing', 'Hej, lönen för mars.', []],
      ['empty text', '', []],
      [
        'several forms',
        'Gäller 19121212-1212, 121212+1212 och 1212121212.',
        [
          { text: '19121212-1212', index: 7 },
          { text: '121212+1212', index: 22 },
          { text: '1212121212', index: 38 },
        ],
      ],
      ['12 digits without separator', 'pnr:191212121212', [{ text: '191212121212', index: 4 }]],
      ['letters right next to it', 'a1212121212b', [{ text: '1212121212', index: 1 }]],
      ['an 11-digit run', 'nr 12121212121', []],
      ['a 13-digit run', '1912121212123', []],
      ['a 15-digit run', '123456789012345', []],
      ['digits before the separator run on', '1191212-1212', []],
      ['digits after run on', '121212-12123', []],
      ['a second separator after it', '121212-1212-1212', [{ text: '121212-1212', index: 0 }]],
      ['a phone number is a candidate by shape', 'Ring 0701234567', [{ text: '0701234567', index: 5 }]],
      ['Arabic-Indic digits are not', '١٢١٢١٢-١٢١٢', []],
      ['line breaks around', 'Anställd:\n121212-1212\n', [{ text: '121212-1212', index: 10 }]],
    ];
    for (const [label, text, expected] of cases) {
      it(label, () => expect(findPersonnummerCandidates(text)).to.deep.equal(expected));
    }
  });

  describe('invalidPersonnummerIn', () => {
    const org = withCheck('212000014'); // an organisationsnummer shape: "month" 20
    const cases: [string, string, { text: string; index: number; code: string }[]][] = [
      ['only valid ones', 'Gäller 19121212-1212 och 121212+1212.', []],
      [
        'a wrong date and a wrong check digit',
        `A ${withCheck('121312123')} B 121212-1213`,
        [
          { text: withCheck('121312123'), index: 2 },
          { text: '121212-1213', index: 15 },
        ].map((c, i) => ({ ...c, code: i === 0 ? 'personnummer.date' : 'personnummer.checksum' })),
      ],
      [
        'a + on a 12-digit one for someone under 100',
        'x 20121212+1212',
        [{ text: '20121212+1212', index: 2, code: 'personnummer.format' }],
      ],
      ['a valid organisationsnummer is no warning', `Org.nr ${org.slice(0, 6)}-${org.slice(6)}`, []],
      ['a valid organisationsnummer, 10 digits', org, []],
      ['a valid organisationsnummer with the 16 prefix', `16${org}`, []],
      [
        'an organisationsnummer with a wrong check digit is',
        withWrongCheck('212000014'),
        [{ text: withWrongCheck('212000014'), index: 0, code: 'personnummer.date' }],
      ],
      [
        'an organisationsnummer shape with + is',
        `${org.slice(0, 6)}+${org.slice(6)}`,
        [{ text: `${org.slice(0, 6)}+${org.slice(6)}`, index: 0, code: 'personnummer.date' }],
      ],
      [
        'the 16 prefix with an impossible month shape',
        `16${withCheck('121312123')}`,
        [{ text: `16${withCheck('121312123')}`, index: 0, code: 'personnummer.date' }],
      ],
    ];
    for (const [label, text, expected] of cases) {
      it(label, () => expect(invalidPersonnummerIn(text, TODAY)).to.deep.equal(expected));
    }
    it('uses the current date when today is not given', () => {
      expect(invalidPersonnummerIn('19121212-1212 20991212-1212')).to.deep.equal([
        { text: '20991212-1212', index: 14, code: 'personnummer.date' },
      ]);
    });
  });
});

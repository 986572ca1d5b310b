/**
 * Swedish personnummer (and samordningsnummer), as written by people in free text:
 * `YYMMDD-NNNN`, `YYMMDD+NNNN` (100 years or older), `YYMMDDNNNN`, `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`.
 * Only ASCII digits count (`[0-9]`, never `\d`), so look-alike digits of other scripts are no
 * personnummer.
 */
export type PersonnummerResult =
  | { ok: true; /** 12 digits, `YYYYMMDDNNNN` (a samordningsnummer keeps its day + 60). */ value: string }
  | { ok: false; code: 'personnummer.format' | 'personnummer.date' | 'personnummer.checksum' };

const SHAPE = /^([0-9]{6}|[0-9]{8})([-+]?)([0-9]{4})$/;

/** Shape of a candidate in free text; the look-arounds keep it out of longer digit runs. */
const CANDIDATE = /(?<![0-9])(?:[0-9]{8}|[0-9]{6})[-+]?[0-9]{4}(?![0-9])/g;

function formatError(): PersonnummerResult {
  return {
    ok: false,
    code: 'personnummer.format',
  };
}

function dateError(): PersonnummerResult {
  return {
    ok: false,
    code: 'personnummer.date',
  };
}

function checksumError(): PersonnummerResult {
  return {
    ok: false,
    code: 'personnummer.checksum',
  };
}

/** The Luhn (mod 10) check over a string of digits whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Weights 1, 2, 1, 2 … counted from the right (the check digit has weight 1).
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Orders dates as numbers, `YYYYMMDD`. */
function dateKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/**
 * Reads a personnummer written in any common form and checks it:
 * - `personnummer.format`: not 10 or 12 ASCII digits with an optional `-` or `+` right before
 *   the last four (white space around is ignored); or 12 digits with `+` for someone under 100.
 * - `personnummer.date`: no real calendar date (leap years count; a samordningsnummer's day + 60
 *   is accepted), or a birth date after `today`.
 * - `personnummer.checksum`: the Luhn check over the 10-digit form fails.
 *
 * With 10 digits the century is the one that makes the person 0–99 years old on `today`, or
 * 100–199 with `+` (Skatteverket's rule).
 */
export function parsePersonnummer(input: string, today: Date = new Date()): PersonnummerResult {
  const match = SHAPE.exec(input.trim());
  if (!match) return formatError();
  const [, datePart, separator, serial] = match;
  const month = Number(datePart.slice(-4, -2));
  const writtenDay = Number(datePart.slice(-2));
  // Samordningsnummer: the day of birth plus 60.
  const day = writtenDay > 60 ? writtenDay - 60 : writtenDay;
  const todayKey = dateKey(today.getFullYear(), today.getMonth() + 1, today.getDate());

  let year: number;
  if (datePart.length === 8) {
    year = Number(datePart.slice(0, 4));
    const hundredYearsAgo = todayKey - 100 * 10000;
    if (separator === '+' && dateKey(year, month, day) > hundredYearsAgo) return formatError();
  } else {
    const yy = Number(datePart.slice(0, 2));
    const century = Math.floor(today.getFullYear() / 100) * 100;
    year = century + yy;
    if (dateKey(year, month, day) > todayKey) year -= 100;
    if (separator === '+') year -= 100;
  }

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return dateError();
  if (dateKey(year, month, day) > todayKey) return dateError();
  const tenDigits = datePart.slice(-6) + serial;
  if (!luhnValid(tenDigits)) return checksumError();
  return { ok: true, value: String(year).padStart(4, '0') + tenDigits.slice(2) };
}

/** The 12-digit form `YYYYMMDDNNNN` of a valid personnummer written in any form, else null. */
export function normalisePersonnummer(input: string, today?: Date): string | null {
  const result = parsePersonnummer(input, today);
  return result.ok ? result.value : null;
}

/**
 * Everything in free text shaped like a personnummer: 6 or 8 digits, an optional `-` or `+`, and
 * 4 digits, not part of a longer run of digits. Nothing is checked; `index` is the UTF-16 offset.
 */
export function findPersonnummerCandidates(text: string): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  for (const m of text.matchAll(CANDIDATE)) found.push({ text: m[0], index: m.index });
  return found;
}

/**
 * A valid organisationsnummer (third digit 2 or more, i.e. "month" 20–99, Luhn-valid), in the
 * 10-digit form or with the `16` prefix. Employers write their own one in messages; it is not a
 * mistyped personnummer and must not raise a warning.
 */
function isOrganisationsnummer(candidate: string): boolean {
  const digits = candidate.replace(/[-+]/, '');
  const ten = digits.length === 12 && digits.startsWith('16') ? digits.slice(2) : digits;
  return ten.length === 10 && ten.charCodeAt(2) >= 50 /* '2' */ && !candidate.includes('+') && luhnValid(ten);
}

/**
 * Candidates in free text that are not valid personnummer (wrong date or check digit, or an
 * impossible `+`), for the compose form's "check the personnummer" warning. Valid
 * organisationsnummer are left out.
 */
export function invalidPersonnummerIn(
  text: string,
  today?: Date,
): { text: string; index: number; code: string }[] {
  const invalid: { text: string; index: number; code: string }[] = [];
  for (const candidate of findPersonnummerCandidates(text)) {
    const result = parsePersonnummer(candidate.text, today);
    if (!result.ok && !isOrganisationsnummer(candidate.text))
      invalid.push({ ...candidate, code: result.code });
  }
  return invalid;
}

/**
 * How the mock backend finds a personnummer written in any form: the forms whose century is not
 * certain, and the 12-digit keys a written number may stand for.
 */
import { normalisePersonnummer } from '../src/domain/personnummer.js';

const SHORT_WITHOUT_PLUS = /^[0-9]{6}-?[0-9]{4}$/;

/**
 * True for the 10-digit forms without `+` (`121212-1212`, `1212121212`). People often keep
 * writing `-` after someone turns 100, so in these forms the century is not certain.
 */
export function isAmbiguousCenturyForm(input: string): boolean {
  return SHORT_WITHOUT_PLUS.test(input.trim());
}

/**
 * The 12-digit forms a written personnummer may stand for, for search: none when it is invalid;
 * the parsed value; and, for a 10-digit form without `+` (see isAmbiguousCenturyForm), also the
 * same number a century earlier when that is a valid date. So a search for `121212-1212` finds
 * Tolvan Tolvansson written `19121212-1212`, although Skatteverket's rule reads it as 2012.
 */
export function personnummerSearchKeys(input: string, today: Date = new Date()): string[] {
  const value = normalisePersonnummer(input, today);
  if (value === null) return [];
  if (!isAmbiguousCenturyForm(input)) return [value];
  const earlier = normalisePersonnummer(
    String(Number(value.slice(0, 4)) - 100).padStart(4, '0') + value.slice(4),
    today,
  );
  return earlier === null ? [value] : [value, earlier];
}

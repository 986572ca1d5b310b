/**
 * Formatting of numbers, file sizes and instants for display. Pure functions over `Intl`;
 * formatter instances are cached because creating them is comparatively slow.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A whole number in the locale's style, e.g. `5 000` in Swedish (the group separator is a
 * no-break space, U+00A0, so the number never wraps).
 */
export function formatNumber(value: number, locale = 'sv'): string {
  return numberFormat(locale, 0).format(value);
}

/**
 * `text` as a bidi isolate (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE), the
 * plain-text `<bdi>`: a name put into a sentence cannot reorder the words around it, whether it is
 * in a right-to-left script or holds an override that is never closed.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

const FILE_SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
const KIBI = 1024;

/** Bidi formatting characters (marks, embeddings, overrides, isolates) and control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A file name as it may be shown and saved: without bidi formatting or control characters, so
 * that "Lönelista\u202Efdp.exe" (shown as "Lönelistaexe.pdf") reads as what it is,
 * "Lönelistafdp.exe". Everything else, emoji and zero-width joiners included, stays.
 */
export function plainFileName(name: string): string {
  return name.replace(UNSAFE_IN_FILE_NAMES, '');
}

/**
 * A file size as people read it: `850 B`, `12 kB`, `1,5 MB` (Swedish decimal comma).
 *
 * Units step by 1024 (as file managers and browsers show sizes), so a limit of
 * `10 * 1024 * 1024` bytes reads `10 MB`. One decimal below 10 units, none from 10 up; a
 * trailing `,0` is dropped. Negative or non-finite input is shown as `0 B`.
 */
export function formatFileSize(bytes: number, locale = 'sv'): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  if (value < KIBI) return `${formatNumber(Math.round(value), locale)} ${FILE_SIZE_UNITS[0]}`;
  while (unit < FILE_SIZE_UNITS.length - 1) {
    value /= KIBI;
    unit += 1;
    // Step up when the rounded figure would read 1024 or more (e.g. 1023,97 kB → 1 MB).
    if (roundTo(value, value < 10 ? 1 : 0) < KIBI) break;
  }
  const digits = value < 10 ? 1 : 0;
  return `${numberFormat(locale, digits).format(roundTo(value, digits))} ${FILE_SIZE_UNITS[unit]}`;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const TIME_ZONE = 'Europe/Stockholm';

// Built from parts, so the output does not depend on how a browser's Intl data punctuates dates.
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const result = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of dateTimeFormat.formatToParts(time)) {
    if (part.type in result) result[part.type as keyof typeof result] = part.value;
  }
  result.year = result.year.padStart(4, '0');
  return result;
}

/** `YYYY-MM-DD` in Swedish time (Europe/Stockholm); an empty string for an unreadable instant. */
export function formatDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** `YYYY-MM-DD HH:MM` (24-hour clock) in Swedish time (Europe/Stockholm); an empty string for an unreadable instant. */
export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

const DAY_MS = 86_400_000;

/**
 * Working days (Monday to Friday) from the day of `iso` to the day of `now`, both in Swedish
 * time: 0 on the same day, 1 from a Monday to the Tuesday, 1 from a Friday to the Monday. Public
 * holidays are not known here and count as working days. 0 for an unreadable instant or one after `now`.
 */
export function workingDaysSince(iso: string, now: number): number {
  const from = formatDate(iso);
  const to = formatDate(new Date(now).toISOString());
  if (from === '' || to === '') return 0;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS);
  if (days <= 0) return 0;
  let count = Math.floor(days / 7) * 5;
  let weekday = new Date(start).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    weekday = (weekday + 1) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

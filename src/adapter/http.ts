/**
 * The HTTP headers the REST adapter reads and writes: entity tags, Retry-After and
 * Content-Disposition.
 */

/** `"v7"` / `W/"v7"` → `v7`; null for a missing or empty header. */
export function parseEtag(header: string | null): string | null {
  if (header === null) return null;
  const match = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(header);
  const value = match ? match[1] : header.trim();
  return value === '' ? null : value;
}

/** A version as a strong entity tag for `If-Match`: `v7` → `"v7"`; an already quoted tag is kept. */
export function quoteEtag(version: string): string {
  return /^(?:W\/)?"[^"]*"$/.test(version) ? version : `"${version}"`;
}

/**
 * `Retry-After` in whole seconds from now: delay-seconds, or an HTTP date (in the past → 0).
 * Null when missing or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10);
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function decodeExtValue(value: string): string | null {
  // RFC 8187 ext-value: charset'[language]'percent-encoded
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1].toLowerCase();
  const encoded = match[2];
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The file name of a `Content-Disposition` header: `filename*` (RFC 6266/8187, e.g.
 * `UTF-8''L%C3%B6n.pdf`) wins over `filename`. Null when neither is usable.
 */
export function parseContentDispositionFilename(header: string | null): string | null {
  if (header === null) return null;
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1].toLowerCase();
    let value = match[2].trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!params.has(name)) params.set(name, value);
  }
  const extended = params.get('filename*');
  const decoded = extended === undefined ? null : decodeExtValue(extended);
  const name = decoded ?? params.get('filename') ?? null;
  return name === null ? null : safeFileName(name);
}

/** Removes path separators and control characters, so that a name is only ever a name. */
export function safeFileName(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

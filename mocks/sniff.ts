/**
 * A file's type decided from its bytes (magic numbers), never from its name or the type the client
 * claimed: HTML uploaded as `lon.pdf` is HTML.
 */
import type { AttachmentType } from '../src/domain/config.js';

const OOXML = /^application\/vnd\.openxmlformats-officedocument\./;
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'application/vnd.ms-excel']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Markup a browser would render or run when the bytes were ever shown inline. */
const MARKUP =
  /^\s*<(?:!doctype|html|head|body|script|iframe|svg|\?xml|!--|img|a\s|div|meta|style|object|embed)/i;

function sniffText(bytes: Uint8Array): 'text' | 'markup' | null {
  for (const b of bytes) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
  } catch {
    return null;
  }
  return MARKUP.test(text.replace(/^\uFEFF/, '')) ? 'markup' : 'text';
}

/** The content family of the bytes: a MIME type for a known format, or null. */
export function sniffMimeType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'application/x-msdownload';
  const text = sniffText(bytes);
  if (text === 'markup') return 'text/html';
  if (text === 'text') return 'text/plain';
  return null;
}

/**
 * The MIME type to store for a file whose name has this allowed type: the entry's own type when
 * the bytes are of its kind (an Office document is a ZIP; CSV is text), otherwise what the bytes
 * are (which then does not match the extension and is refused).
 */
export function contentTypeOf(bytes: Uint8Array, entry: AttachmentType | undefined): string {
  const sniffed = sniffMimeType(bytes) ?? 'application/octet-stream';
  if (!entry) return sniffed;
  const declared = entry.mimeTypes.map((m) => m.toLowerCase());
  if (declared.includes(sniffed)) return sniffed;
  if (sniffed === 'application/zip') {
    const office = declared.find((m) => OOXML.test(m));
    if (office) return office;
  }
  if (sniffed === 'text/plain') {
    const text = declared.find((m) => TEXT_TYPES.has(m));
    if (text) return text;
  }
  return sniffed;
}

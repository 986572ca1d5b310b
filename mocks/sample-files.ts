/**
 * Files whose bytes are what their names say: a server decides a file's type from its content
 * (magic bytes), so test and story files need real headers (`%PDF-` for a PDF, a ZIP header for
 * .docx/.xlsx, …), padded to the size asked for.
 */

const HEADERS: Readonly<Record<string, readonly number[]>> = {
  pdf: [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)),
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpg: [0xff, 0xd8, 0xff, 0xe0],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
};

function extensionOf(name: string): string {
  return /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/**
 * `size` bytes of a file of this name's kind: the format's header (cut short when `size` is
 * smaller), then spaces (text files: the letter `a`). Unknown extensions get plain text.
 */
export function sampleFileBytes(name: string, size = 1024): Uint8Array {
  const header = HEADERS[extensionOf(name)] ?? [];
  const bytes = new Uint8Array(size);
  bytes.fill(header.length > 0 ? 0x20 : 0x61);
  bytes.set(header.slice(0, size));
  return bytes;
}

/** The MIME type a browser would give a file of this name ('' when unknown). */
export function sampleMimeType(name: string): string {
  return MIME_TYPES[extensionOf(name)] ?? '';
}

/** A `File` whose bytes match its name (see `sampleFileBytes`); `type` defaults to the name's. */
export function sampleFile(name: string, size = 1024, type = sampleMimeType(name)): File {
  return new File([sampleFileBytes(name, size) as BlobPart], name, { type });
}

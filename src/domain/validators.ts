import { msg, str } from '@lit/localize';
import type { AttachmentRules } from './config.js';
import { formatFileSize, formatNumber } from './format.js';

/**
 * The outcome of every validator: the normalised value, or a stable machine `code` with a
 * Swedish (localised) `message` that tells the user how to put it right.
 */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The file facts a validator needs; a DOM `File` fits. */
export interface FileFacts {
  name: string;
  /** Size in bytes. */
  size: number;
  /** MIME type as the browser reports it; often empty for unknown types. */
  type: string;
}

function fail(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}

// Only ASCII digits and letters: `\d` with the `u` flag would not match Arabic-Indic digits
// either, but `[0-9]` says so plainly and keeps working if someone adds a flag.
const MESSAGE_NUMBER = /^[0-9]{5}$/;
const USER_ID = /^[A-Za-z]{4}[0-9]{2}$/;

export function messageNumberMessage(): string {
  return msg('Meddelandenumret ska vara fem siffror, till exempel 69743.', {
    id: 'validation.message-number',
  });
}

export function userIdMessage(): string {
  return msg('Ange handläggarens användar-id med fyra bokstäver och två siffror, till exempel ABCD01.', {
    id: 'validation.user-id',
  });
}

/**
 * Meddelandenummer: exactly five digits 0–9 after trimming. Codes: `message-number.required`
 * (empty), `message-number.format`.
 */
export function validateMessageNumber(input: string): ValidationResult<string> {
  const value = input.trim();
  if (value === '') return fail('message-number.required', messageNumberMessage());
  if (!MESSAGE_NUMBER.test(value)) return fail('message-number.format', messageNumberMessage());
  return { ok: true, value };
}

/**
 * A user id (`NAEF00`): four letters A–Z and two digits 0–9, any case, after trimming; the value
 * is upper case. Letters outside A–Z (`Å`) are not part of any user id. Codes: `user-id.required`
 * (empty), `user-id.format`.
 */
export function validateUserId(input: string): ValidationResult<string> {
  const value = input.trim();
  if (value === '') return fail('user-id.required', userIdMessage());
  if (!USER_ID.test(value)) return fail('user-id.format', userIdMessage());
  return { ok: true, value: value.toUpperCase() };
}

/**
 * A message body: required (more than white space) and at most `maxLength` characters.
 *
 * Characters are counted as UTF-16 code units (`string.length`), exactly as a `<textarea
 * maxlength>` and its counter count them; an emoji may therefore count as two. The value is the
 * input unchanged (line breaks and indentation are the writer's), so what is counted is what is sent.
 * Codes: `body.required`, `body.too-long`.
 */
export function validateMessageBody(input: string, maxLength: number): ValidationResult<string> {
  if (input.trim() === '')
    return fail('body.required', msg('Skriv ett meddelande.', { id: 'validation.body.required' }));
  if (input.length > maxLength) {
    const max = formatNumber(maxLength);
    return fail(
      'body.too-long',
      msg(str`Meddelandet får vara högst ${max} tecken.`, { id: 'validation.body.too-long' }),
    );
  }
  return { ok: true, value: input };
}

/** The lower-case extension of a file name without the dot, or '' (`report`, `.profile`, `x.`). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** `PDF, JPG, PNG`: the allowed types as users know them. */
export function allowedTypesText(rules: AttachmentRules): string {
  return rules.allowedTypes.map((t) => t.extension.toUpperCase()).join(', ');
}

/**
 * One attachment against the server's rules, checked in this order:
 * - `attachment.type`: the extension (case-insensitive; the last one counts, so `x.pdf.exe` is
 *   an `.exe`) is not allowed, there is none, or the browser's MIME type is not one of the
 *   extension's. An empty MIME type is accepted (browsers report none for many files).
 * - `attachment.empty`: 0 bytes.
 * - `attachment.too-large`: more than `maxBytes` (exactly `maxBytes` is fine).
 */
export function validateAttachment(file: FileFacts, rules: AttachmentRules): ValidationResult<true> {
  const extension = fileExtension(file.name);
  const allowed = allowedTypesText(rules);
  const type = rules.allowedTypes.find((t) => t.extension.toLowerCase() === extension);
  if (extension === '') {
    return fail(
      'attachment.type',
      msg(str`Filen saknar filändelse. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.no-extension',
      }),
    );
  }
  if (!type) {
    const shown = `.${extension}`;
    return fail(
      'attachment.type',
      msg(str`Filtypen ${shown} är inte tillåten. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.type',
      }),
    );
  }
  const mime = file.type.split(';')[0].trim().toLowerCase();
  if (mime !== '' && !type.mimeTypes.some((m) => m.toLowerCase() === mime)) {
    const shown = extension.toUpperCase();
    return fail(
      'attachment.type',
      msg(str`Filen är inte en riktig ${shown}-fil. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.mime-mismatch',
      }),
    );
  }
  if (file.size <= 0)
    return fail('attachment.empty', msg('Filen är tom.', { id: 'validation.attachment.empty' }));
  if (file.size > rules.maxBytes) {
    const max = formatFileSize(rules.maxBytes);
    return fail(
      'attachment.too-large',
      msg(str`Filen är för stor. Den får vara högst ${max}.`, { id: 'validation.attachment.too-large' }),
    );
  }
  return { ok: true, value: true };
}

/**
 * All attachments of one message: `attachment.too-many` when there are more than `maxFiles`,
 * otherwise the first failing file's result.
 */
export function validateAttachments(
  files: readonly FileFacts[],
  rules: AttachmentRules,
): ValidationResult<true> {
  if (files.length > rules.maxFiles) {
    const max = rules.maxFiles;
    const message =
      max <= 0
        ? msg('Du kan inte bifoga filer.', { id: 'validation.attachment.none-allowed' })
        : max === 1
          ? msg('Du kan bifoga högst 1 fil.', { id: 'validation.attachment.too-many.one' })
          : msg(str`Du kan bifoga högst ${max} filer.`, { id: 'validation.attachment.too-many.other' });
    return fail('attachment.too-many', message);
  }
  for (const file of files) {
    const result = validateAttachment(file, rules);
    if (!result.ok) return result;
  }
  return { ok: true, value: true };
}

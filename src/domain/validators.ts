import type { AttachmentRules } from './config.js';

/**
 * Why a value is not accepted: a stable code, with the values its text needs. The domain says
 * nothing in words; the elements word every code (src/elements/shared/texts.ts), in Swedish or
 * English, telling the user how to put it right.
 */
export type ValidationProblem =
  | { code: 'message-number.required' | 'message-number.format' }
  | { code: 'user-id.required' | 'user-id.format' }
  | { code: 'body.required' }
  | { code: 'body.too-long'; max: number }
  /** `allowed`: the allowed types as users know them (`PDF, JPG, PNG`). */
  | { code: 'attachment.no-extension'; allowed: string }
  /** `extension`: the file's, without the dot. */
  | { code: 'attachment.type' | 'attachment.mime-mismatch'; extension: string; allowed: string }
  | { code: 'attachment.empty' }
  | { code: 'attachment.too-large'; maxBytes: number }
  | { code: 'attachment.too-many'; max: number }
  | { code: 'personnummer.format' | 'personnummer.date' | 'personnummer.checksum' };

export type ValidationCode = ValidationProblem['code'];

/** The outcome of every validator: the normalised value, or why it is not accepted. */
export type ValidationResult<T> = { ok: true; value: T } | ({ ok: false } & ValidationProblem);

/** The file facts a validator needs; a DOM `File` fits. */
export interface FileFacts {
  name: string;
  /** Size in bytes. */
  size: number;
  /** MIME type as the browser reports it; often empty for unknown types. */
  type: string;
}

function fail(problem: ValidationProblem): { ok: false } & ValidationProblem {
  return { ok: false, ...problem };
}

// Only ASCII digits and letters: `\d` with the `u` flag would not match Arabic-Indic digits
// either, but `[0-9]` says so plainly and keeps working if someone adds a flag.
const MESSAGE_NUMBER = /^[0-9]{5}$/;
const USER_ID = /^[A-Za-z]{4}[0-9]{2}$/;

/**
 * Meddelandenummer: exactly five digits 0–9 after trimming. Codes: `message-number.required`
 * (empty), `message-number.format`.
 */
export function validateMessageNumber(input: string): ValidationResult<string> {
  const value = input.trim();
  if (value === '') return fail({ code: 'message-number.required' });
  if (!MESSAGE_NUMBER.test(value)) return fail({ code: 'message-number.format' });
  return { ok: true, value };
}

/**
 * A user id (`NAEF00`): four letters A–Z and two digits 0–9, any case, after trimming; the value
 * is upper case. Letters outside A–Z (`Å`) are not part of any user id. Codes: `user-id.required`
 * (empty), `user-id.format`.
 */
export function validateUserId(input: string): ValidationResult<string> {
  const value = input.trim();
  if (value === '') return fail({ code: 'user-id.required' });
  if (!USER_ID.test(value)) return fail({ code: 'user-id.format' });
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
  if (input.trim() === '') return fail({ code: 'body.required' });
  if (input.length > maxLength) return fail({ code: 'body.too-long', max: maxLength });
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
 * - `attachment.no-extension`, `attachment.type`, `attachment.mime-mismatch`: there is no
 *   extension, the extension (case-insensitive; the last one counts, so `x.pdf.exe` is an `.exe`)
 *   is not allowed, or the browser's MIME type is not one of the extension's. An empty MIME type
 *   is accepted (browsers report none for many files).
 * - `attachment.empty`: 0 bytes.
 * - `attachment.too-large`: more than `maxBytes` (exactly `maxBytes` is fine).
 */
export function validateAttachment(file: FileFacts, rules: AttachmentRules): ValidationResult<true> {
  const extension = fileExtension(file.name);
  const allowed = allowedTypesText(rules);
  const type = rules.allowedTypes.find((t) => t.extension.toLowerCase() === extension);
  if (extension === '') return fail({ code: 'attachment.no-extension', allowed });
  if (!type) return fail({ code: 'attachment.type', extension, allowed });
  const mime = file.type.split(';')[0].trim().toLowerCase();
  if (mime !== '' && !type.mimeTypes.some((m) => m.toLowerCase() === mime))
    return fail({ code: 'attachment.mime-mismatch', extension, allowed });
  if (file.size <= 0) return fail({ code: 'attachment.empty' });
  if (file.size > rules.maxBytes) return fail({ code: 'attachment.too-large', maxBytes: rules.maxBytes });
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
  if (files.length > rules.maxFiles) return fail({ code: 'attachment.too-many', max: rules.maxFiles });
  for (const file of files) {
    const result = validateAttachment(file, rules);
    if (!result.ok) return result;
  }
  return { ok: true, value: true };
}

import { errorKind, isErrorKind } from '../adapter/errors.js';
import type { ServerConfig } from '../domain/config.js';
import { validateAttachments, validateMessageBody, type ValidationProblem } from '../domain/validators.js';
import type { MessageDraft } from './drafts.js';

/**
 * What is wrong with a message before and after it is sent, as codes the elements word (shared
 * texts): the checks of a draft's fields, and a failed send turned into field errors or the form's
 * problem. Plain functions of the draft and the error; the form (message-form.ts) keeps the result.
 */

/** The fields a message form may have, in the order they are shown (and listed in the error summary). */
export const MESSAGE_FIELDS = ['organisation', 'subject', 'body', 'files'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/** Server field names (ValidationError.fieldErrors) → the form's fields. */
const SERVER_FIELDS: Readonly<Record<string, MessageField>> = {
  subjectId: 'subject',
  organisationCustomerNumber: 'organisation',
  body: 'body',
  files: 'files',
  file: 'files',
};

/**
 * Why a field is not accepted, as a code the element words (shared texts): `required` (no
 * Organisation or Ämne chosen; the field says which), `check` (a check of the domain failed:
 * `problem`), `invalid` (the server's own words for the field, in `text`), `refused` (the server
 * refused the file: `error`).
 */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'check'; problem: ValidationProblem }
  | { code: 'invalid'; text: string }
  | { code: 'refused'; error: unknown };

/**
 * The form's problem that is not about one field, as a code the element words: the outcome of a
 * send is unknown, the session ended (`signed-out`) or came back (`signed-in-again`), the settings
 * could not be read (`config-failed`), or the send failed for another reason (`failed`, `error`).
 */
export type FormProblem =
  | { code: 'outcome-unknown' | 'signed-out' | 'signed-in-again' | 'config-failed' }
  | { code: 'failed'; error: unknown };

/** The field errors of a form, by field. */
export type FieldErrors = Partial<Record<MessageField, FieldProblem>>;

/** Checks these fields of the draft against the server's settings. */
export function checkDraft(
  draft: MessageDraft,
  config: ServerConfig,
  fields: readonly MessageField[],
): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.includes('organisation') && draft.organisationCustomerNumber === '')
    errors.organisation = { code: 'required' };
  if (fields.includes('subject') && draft.subjectId === '') errors.subject = { code: 'required' };
  if (fields.includes('body')) {
    const body = validateMessageBody(draft.body, config.messageMaxLength);
    if (!body.ok) errors.body = { code: 'check', problem: body };
  }
  if (fields.includes('files')) {
    const files = validateAttachments(draft.files, config.attachments);
    if (!files.ok) errors.files = { code: 'check', problem: files };
  }
  return errors;
}

/**
 * A send failure as field errors or the form's problem. The server's refusal of a file goes to
 * Bifoga fil; its words for a field of this form go to that field; anything else is the form's.
 */
export function explainFailure(
  error: unknown,
  fields: readonly MessageField[],
): { errors: FieldErrors; problem?: FormProblem } {
  const kind = errorKind(error);
  if (kind === 'too-large' || kind === 'unsupported-type')
    return { errors: { files: { code: 'refused', error } } };
  const errors: FieldErrors = {};
  if (isErrorKind(error, 'validation')) {
    for (const [name, text] of Object.entries(error.fieldErrors ?? {})) {
      const field = SERVER_FIELDS[name];
      if (field && fields.includes(field)) errors[field] = { code: 'invalid', text };
    }
    if (Object.keys(errors).length > 0) return { errors };
  }
  return { errors, problem: kind === 'auth-required' ? { code: 'signed-out' } : { code: 'failed', error } };
}

import { msg, str } from '@lit/localize';
import { getLocale } from '../../localization/index.js';
import { formatFileSize, formatNumber, type Status, type ValidationProblem } from '../../domain/index.js';
import { errorKind, isErrorKind } from '../../adapter/errors.js';
import type { FieldProblem, FormProblem, MessageField } from '../../controllers/message-form.js';

/**
 * The texts every element shares (Swedish source locale, stable ids). An element's own texts are
 * in its `<tag>-texts.ts`; the wording of the typed errors is `errorTexts` (one entry per kind).
 */
export const sharedTexts = {
  retry: () => msg('Försök igen', { id: 'problem.retry' }),
  /** Read before every field error by screen readers only ("Fel: Välj ämne."). */
  errorPrefix: () => msg('Fel:', { id: 'form.error.prefix' }),
};

/**
 * The words for each kind of typed error. An error's own `message` is for developers and is never
 * shown: the adapter words nothing, so every text follows the locale of the moment it is shown.
 */
export const errorTexts = {
  network: (): string =>
    msg('Det gick inte att nå servern. Kontrollera din anslutning och försök igen.', { id: 'error.network' }),
  networkOutcomeUnknown: (): string =>
    msg('Svaret från servern kom inte fram, så det är oklart om ändringen hann sparas. Försök igen.', {
      id: 'error.network.outcome-unknown',
    }),
  authRequired: (): string =>
    msg('Du har blivit utloggad. Logga in igen för att fortsätta.', { id: 'error.auth-required' }),
  forbidden: (): string => msg('Du har inte behörighet att göra detta.', { id: 'error.forbidden' }),
  notFound: (): string =>
    msg('Konversationen eller filen finns inte, eller så har du inte tillgång till den.', {
      id: 'error.not-found',
    }),
  conflict: (): string =>
    msg('Någon annan har ändrat ärendet. Läs in det igen och försök på nytt.', { id: 'error.conflict' }),
  validation: (): string =>
    msg('Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.', { id: 'error.validation' }),
  tooLarge: (): string => msg('Filen är för stor för att skickas.', { id: 'error.too-large' }),
  unsupportedType: (): string => msg('Filtypen kan inte skickas.', { id: 'error.unsupported-type' }),
  server: (): string => msg('Något gick fel hos oss. Försök igen om en stund.', { id: 'error.server' }),
};

/**
 * What to tell the user about a failed call, the same for every element: one text per kind of
 * error (read from `kind`, see `errorKind`), *Något gick fel hos oss* for anything unknown. A lost
 * answer to a write says that the outcome is unknown.
 */
export function describeError(error: unknown): string {
  switch (errorKind(error)) {
    case 'network':
      return isErrorKind(error, 'network') && error.outcomeUnknown === true
        ? errorTexts.networkOutcomeUnknown()
        : errorTexts.network();
    case 'auth-required':
      return errorTexts.authRequired();
    case 'forbidden':
      return errorTexts.forbidden();
    case 'not-found':
      return errorTexts.notFound();
    case 'conflict':
      return errorTexts.conflict();
    case 'validation':
      return errorTexts.validation();
    case 'too-large':
      return errorTexts.tooLarge();
    case 'unsupported-type':
      return errorTexts.unsupportedType();
    default:
      return errorTexts.server();
  }
}

/** The texts of the message form that `<secure-compose>` and `<secure-thread>` share. */
export const formTexts = {
  chooseSubject: () => msg('Välj ämne.', { id: 'form.error.subject' }),
  chooseOrganisation: () => msg('Välj organisation.', { id: 'form.error.organisation' }),
  checkPersonnummer: (value: string) =>
    msg(str`Kontrollera personnumret ${value}. Datumet eller kontrollsiffran stämmer inte.`, {
      id: 'form.warning.personnummer',
    }),
  outcomeUnknown: () =>
    msg(
      'Det är oklart om meddelandet kom fram. Tryck på Försök igen – det skickas bara en gång. Meddelandet kan inte ändras förrän det är klart.',
      { id: 'form.problem.outcome-unknown' },
    ),
  signedOut: () =>
    msg('Du har blivit utloggad. Logga in igen och tryck sedan på Försök igen. Ditt meddelande finns kvar.', {
      id: 'form.problem.auth-required',
    }),
  signedInAgain: () =>
    msg('Du är inloggad igen. Meddelandet har inte skickats. Tryck på Försök igen för att skicka det.', {
      id: 'form.problem.signed-in-again',
    }),
  userChanged: () =>
    msg(
      'Du är inloggad som en annan användare än den som skrev meddelandet. Meddelandet har tagits bort och skickades inte.',
      { id: 'form.notice.user-changed' },
    ),
  configFailed: () =>
    msg('Inställningarna för meddelanden kunde inte läsas in. Försök igen.', {
      id: 'form.problem.config',
    }),
};

/** The words for a field's problem (message-form.ts): the same at the field and in the summary. */
export function fieldProblemText(field: MessageField, problem: FieldProblem): string {
  switch (problem.code) {
    case 'required':
      return field === 'organisation' ? formTexts.chooseOrganisation() : formTexts.chooseSubject();
    case 'check':
      return validationText(problem.problem);
    case 'invalid':
      return problem.text;
    case 'refused':
      return describeError(problem.error);
  }
}

/** The words for the form's problem that is not about one field (message-form.ts). */
export function formProblemText(problem: FormProblem): string {
  switch (problem.code) {
    case 'outcome-unknown':
      return formTexts.outcomeUnknown();
    case 'signed-out':
      return formTexts.signedOut();
    case 'signed-in-again':
      return formTexts.signedInAgain();
    case 'config-failed':
      return formTexts.configFailed();
    case 'failed':
      return describeError(problem.error);
  }
}

/** The status exactly as the manual words it. */
export function statusText(status: Status): string {
  switch (status) {
    case 'new':
      return msg('Nytt meddelande', { id: 'status.new' });
    case 'sent':
      return msg('Skickat', { id: 'status.sent' });
    case 'answered':
      return msg('Besvarat', { id: 'status.answered' });
    case 'reply-received':
      return msg('Svar inkommit', { id: 'status.reply-received' });
    case 'closed':
      return msg('Avslutad', { id: 'status.closed' });
  }
}

/** The words for a value the domain does not accept (src/domain/validators.ts), saying how to put it right. */
export function validationText(problem: ValidationProblem): string {
  switch (problem.code) {
    case 'message-number.required':
    case 'message-number.format':
      return msg('Meddelandenumret ska vara fem siffror, till exempel 69743.', {
        id: 'validation.message-number',
      });
    case 'user-id.required':
    case 'user-id.format':
      return msg('Ange handläggarens användar-id med fyra bokstäver och två siffror, till exempel ABCD01.', {
        id: 'validation.user-id',
      });
    case 'body.required':
      return msg('Skriv ett meddelande.', { id: 'validation.body.required' });
    case 'body.too-long': {
      const max = formatNumber(problem.max);
      return msg(str`Meddelandet får vara högst ${max} tecken.`, { id: 'validation.body.too-long' });
    }
    case 'attachment.no-extension': {
      const allowed = problem.allowed;
      return msg(str`Filen saknar filändelse. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.no-extension',
      });
    }
    case 'attachment.type': {
      const { allowed } = problem;
      const shown = `.${problem.extension}`;
      return msg(str`Filtypen ${shown} är inte tillåten. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.type',
      });
    }
    case 'attachment.mime-mismatch': {
      const { allowed } = problem;
      const shown = problem.extension.toUpperCase();
      return msg(str`Filen är inte en riktig ${shown}-fil. Tillåtna filtyper: ${allowed}.`, {
        id: 'validation.attachment.mime-mismatch',
      });
    }
    case 'attachment.empty':
      return msg('Filen är tom.', { id: 'validation.attachment.empty' });
    case 'attachment.too-large': {
      const max = formatFileSize(problem.maxBytes);
      return msg(str`Filen är för stor. Den får vara högst ${max}.`, {
        id: 'validation.attachment.too-large',
      });
    }
    case 'attachment.too-many': {
      const max = problem.max;
      if (max <= 0) return msg('Du kan inte bifoga filer.', { id: 'validation.attachment.none-allowed' });
      if (max === 1) return msg('Du kan bifoga högst 1 fil.', { id: 'validation.attachment.too-many.one' });
      return msg(str`Du kan bifoga högst ${max} filer.`, { id: 'validation.attachment.too-many.other' });
    }
    case 'personnummer.format':
      return msg('Skriv personnumret med tio eller tolv siffror, till exempel 19121212-1212.', {
        id: 'personnummer.format',
      });
    case 'personnummer.date':
      return msg('Personnumret innehåller inget giltigt datum.', { id: 'personnummer.date' });
    case 'personnummer.checksum':
      return msg('Personnumret stämmer inte. Kontrollera siffrorna.', { id: 'personnummer.checksum' });
  }
}

const num = (n: number): string => formatNumber(n, getLocale());

/** The texts of the message fields (message-fields.ts), shared by the new-message and reply forms. */
export const fieldTexts = {
  summaryTitle: () => msg('Rätta följande innan du skickar:', { id: 'form.summary.title' }),
  warningPrefix: () => msg('Varning:', { id: 'form.warning.prefix' }),
  remaining: (n: number) => msg(str`Tecken kvar: ${num(n)}`, { id: 'form.counter.remaining' }),
  over: (n: number) => msg(str`${num(n)} tecken för mycket`, { id: 'form.counter.over' }),
  attach: () => msg('Bifoga fil', { id: 'form.attach' }),
  attachHint: (types: string, max: string) =>
    msg(str`Valfritt. Tillåtna filtyper: ${types}. Högst ${max} per fil.`, { id: 'form.attach.hint' }),
  attachHintMany: (n: number) =>
    msg(str`Du kan bifoga upp till ${n} filer.`, { id: 'form.attach.hint.many' }),
  chosenFiles: () => msg('Valda filer', { id: 'form.attach.chosen' }),
  remove: () => msg('Ta bort', { id: 'form.attach.remove' }),
  send: () => msg('Skicka', { id: 'form.send' }),
  sending: () => msg('Skickar meddelandet …', { id: 'form.sending' }),
  waiting: () =>
    msg('Det gick inte att skicka just nu. Vi försöker igen automatiskt …', { id: 'form.waiting' }),
};

import { msg, str } from '@lit/localize';
import { getLocale } from '../../localization/index.js';
import {
  formatFileSize,
  formatNumber,
  type ReaderStatus,
  type ValidationProblem,
} from '../../domain/index.js';
import { errorKind, isErrorKind } from '../../adapter/errors.js';
import type { FieldProblem, FormProblem, MessageField } from '../../controllers/message-form.js';

/**
 * The texts every element shares (Swedish source locale; lit-localize derives each text's id from
 * its Swedish words, so one text written once serves every element). An element's own texts are in
 * its `<tag>-texts.ts`; the wording of the typed errors is `errorTexts` (one entry per kind).
 */
export const sharedTexts = {
  retry: () => msg('Försök igen'),
  /** Read before every field error by screen readers only ("Fel: Välj ämne."). */
  errorPrefix: () => msg('Fel:'),
};

/** The names of a conversation's parts, the same in the list, the conversation and the form. */
export const words = {
  newMessage: () => msg('Nytt meddelande'),
  messageNumber: () => msg('Meddelandenummer'),
  subject: () => msg('Ämne'),
  status: () => msg('Status'),
  organisation: () => msg('Organisation'),
  organisationValue: (name: string, customerNumber: string) =>
    msg(str`${name} (kundnummer ${customerNumber})`),
  /** The organisation search's hint and its error (organisation-field.ts). */
  organisationHint: () => msg('Skriv namn, organisationsnummer eller kundnummer och välj i listan.'),
  organisationUnknown: () => msg('Ingen organisation heter så. Välj en i listan.'),
  noAssignee: () => msg('Ingen ansvarig'),
  message: () => msg('Meddelande'),
  messages: () => msg('Meddelanden'),
};

/**
 * The words for each kind of typed error. An error's own `message` is for developers and is never
 * shown: the adapter words nothing, so every text follows the locale of the moment it is shown.
 */
export const errorTexts = {
  network: (): string => msg('Det gick inte att nå servern. Kontrollera din anslutning och försök igen.'),
  networkOutcomeUnknown: (): string =>
    msg('Svaret från servern kom inte fram, så det är oklart om ändringen hann sparas. Försök igen.'),
  authRequired: (): string => msg('Du har blivit utloggad. Logga in igen för att fortsätta.'),
  forbidden: (): string => msg('Du har inte behörighet att göra detta.'),
  notFound: (): string =>
    msg('Konversationen eller filen finns inte, eller så har du inte tillgång till den.'),
  conflict: (): string => msg('Någon annan har ändrat ärendet. Läs in det igen och försök på nytt.'),
  validation: (): string => msg('Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.'),
  tooLarge: (): string => msg('Filen är för stor för att skickas.'),
  unsupportedType: (): string => msg('Filtypen kan inte skickas.'),
  server: (): string => msg('Något gick fel hos oss. Försök igen om en stund.'),
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
  chooseSubject: () => msg('Välj ämne.'),
  chooseOrganisation: () => msg('Välj organisation.'),
  checkPersonnummer: (value: string) =>
    msg(str`Kontrollera personnumret ${value}. Datumet eller kontrollsiffran stämmer inte.`),
  outcomeUnknown: () =>
    msg(
      'Det är oklart om meddelandet kom fram. Tryck på Försök igen – det skickas bara en gång. Meddelandet kan inte ändras förrän det är klart.',
    ),
  signedOut: () =>
    msg('Du har blivit utloggad. Logga in igen och tryck sedan på Försök igen. Ditt meddelande finns kvar.'),
  signedInAgain: () =>
    msg('Du är inloggad igen. Meddelandet har inte skickats. Tryck på Försök igen för att skicka det.'),
  userChanged: () =>
    msg(
      'Du är inloggad som en annan användare än den som skrev meddelandet. Meddelandet har tagits bort och skickades inte.',
    ),
  configFailed: () => msg('Inställningarna för meddelanden kunde inte läsas in. Försök igen.'),
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

/**
 * A status as its reader names it (`readerStatus`): the employer's five exactly as the manual
 * words them; KPA staff's in the manual's vocabulary, saying whom the conversation waits for.
 */
export function statusText(status: ReaderStatus): string {
  switch (status) {
    case 'new':
      return words.newMessage();
    case 'sent':
      return msg('Skickat');
    case 'answered':
      return msg('Besvarat');
    case 'reply-received':
      return msg('Svar inkommit');
    case 'closed':
      return msg('Avslutad');
    case 'waiting-for-kpa':
      return msg('Väntar på KPA');
    case 'waiting-for-employer':
      return msg('Väntar på arbetsgivaren');
  }
}

/** The words for a value the domain does not accept (src/domain/validators.ts), saying how to put it right. */
export function validationText(problem: ValidationProblem): string {
  switch (problem.code) {
    case 'message-number.required':
    case 'message-number.format':
      return msg('Meddelandenumret ska vara fem siffror, till exempel 69743.');
    case 'user-id.required':
    case 'user-id.format':
      return msg('Ange handläggarens användar-id med fyra bokstäver och två siffror, till exempel ABCD01.');
    case 'body.required':
      return msg('Skriv ett meddelande.');
    case 'body.too-long': {
      const max = formatNumber(problem.max);
      return msg(str`Meddelandet får vara högst ${max} tecken.`);
    }
    case 'attachment.no-extension': {
      const allowed = problem.allowed;
      return msg(str`Filen saknar filändelse. Tillåtna filtyper: ${allowed}.`);
    }
    case 'attachment.type': {
      const { allowed } = problem;
      const shown = `.${problem.extension}`;
      return msg(str`Filtypen ${shown} är inte tillåten. Tillåtna filtyper: ${allowed}.`);
    }
    case 'attachment.mime-mismatch': {
      const { allowed } = problem;
      const shown = problem.extension.toUpperCase();
      return msg(str`Filen är inte en riktig ${shown}-fil. Tillåtna filtyper: ${allowed}.`);
    }
    case 'attachment.empty':
      return msg('Filen är tom.');
    case 'attachment.too-large': {
      const max = formatFileSize(problem.maxBytes);
      return msg(str`Filen är för stor. Den får vara högst ${max}.`);
    }
    case 'attachment.too-many': {
      const max = problem.max;
      if (max <= 0) return msg('Du kan inte bifoga filer.');
      if (max === 1) return msg('Du kan bifoga högst 1 fil.');
      return msg(str`Du kan bifoga högst ${max} filer.`);
    }
    case 'personnummer.format':
      return msg('Skriv personnumret med tio eller tolv siffror, till exempel 19121212-1212.');
    case 'personnummer.date':
      return msg('Personnumret innehåller inget giltigt datum.');
    case 'personnummer.checksum':
      return msg('Personnumret stämmer inte. Kontrollera siffrorna.');
  }
}

const num = (n: number): string => formatNumber(n, getLocale());

/** The texts of the message fields (message-fields.ts), shared by the new-message and reply forms. */
export const fieldTexts = {
  summaryTitle: () => msg('Rätta följande innan du skickar:'),
  warningPrefix: () => msg('Varning:'),
  remaining: (n: number) => msg(str`Tecken kvar: ${num(n)}`),
  over: (n: number) => msg(str`${num(n)} tecken för mycket`),
  attach: () => msg('Bifoga fil'),
  attachHint: (types: string, max: string) =>
    msg(str`Valfritt. Tillåtna filtyper: ${types}. Högst ${max} per fil.`),
  attachHintMany: (n: number) => msg(str`Du kan bifoga upp till ${n} filer.`),
  chosenFiles: () => msg('Valda filer'),
  remove: () => msg('Ta bort'),
  send: () => msg('Skicka'),
  sending: () => msg('Skickar meddelandet …'),
  waiting: () => msg('Det gick inte att skicka just nu. Vi försöker igen automatiskt …'),
};

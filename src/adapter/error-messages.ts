import { msg, str } from '@lit/localize';
import { isolated } from '../domain/format.js';
import type { UserRef } from '../domain/types.js';

/**
 * The human-readable texts of the typed errors (Swedish source locale, stable ids). Functions, so
 * that `msg()` runs at call time in the active locale. Elements may show `error.message` as is, or
 * word their own text from the error's `kind`.
 */
export const errorMessages = {
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
  conflictAssignee: (assignee: UserRef): string => {
    const name = isolated(assignee.name);
    return msg(str`Ärendet hanteras redan av ${name} (${assignee.id}).`, { id: 'error.conflict.assignee' });
  },
  validation: (): string =>
    msg('Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.', { id: 'error.validation' }),
  tooLarge: (): string => msg('Filen är för stor för att skickas.', { id: 'error.too-large' }),
  unsupportedType: (): string => msg('Filtypen kan inte skickas.', { id: 'error.unsupported-type' }),
  server: (): string => msg('Något gick fel hos oss. Försök igen om en stund.', { id: 'error.server' }),
  badResponse: (): string =>
    msg('Servern gav ett oväntat svar. Försök igen om en stund.', { id: 'error.bad-response' }),
};

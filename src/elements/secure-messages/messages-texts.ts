import { msg } from '@lit/localize';

/** The texts of `<secure-messages>` (Swedish source locale, stable ids). */
export const texts = {
  back: () => msg('Tillbaka till Säkra meddelanden', { id: 'messages.back' }),
  inbox: () => msg('Säkra meddelanden', { id: 'messages.inbox' }),
};

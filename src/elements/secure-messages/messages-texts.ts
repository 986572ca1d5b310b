import { msg } from '@lit/localize';

/** The texts of `<secure-messages>` (Swedish source locale). */
export const texts = {
  back: () => msg('Tillbaka till Säkra meddelanden'),
  inbox: () => msg('Säkra meddelanden'),
};

import { msg, str } from '@lit/localize';
import { words } from '../shared/texts.js';

/** Every text of `<secure-compose>` (Swedish source locale); called at render time. */
export const texts = {
  title: words.newMessage,
  gdprNote: () =>
    msg('Vi använder endast funktionen Säkra meddelanden då meddelandet innehåller GDPR-känsliga uppgifter.'),
  obs: () => msg('OBS!'),
  subject: words.subject,
  chooseSubject: () => msg('Välj ämne'),
  subjectHint: () => msg('Ämnet avgör vilken avdelning på KPA Pension som tar emot meddelandet.'),
  organisation: words.organisation,
  organisationHint: words.organisationHint,
  organisationUnknown: words.organisationUnknown,
  message: words.message,
  replyTime: (days: number) =>
    days === 1
      ? msg('Vi svarar normalt inom 1 arbetsdag.')
      : msg(str`Vi svarar normalt inom ${days} arbetsdagar.`),
  loading: () => msg('Läser in …'),
  loadFailed: () => msg('Formuläret kunde inte läsas in.'),
  sentTitle: () => msg('Ditt meddelande har skickats.'),
  sentNumber: () => msg('Meddelandenummer:'),
  sentHint: () => msg('Spara numret om du vill kunna hitta konversationen med filtreringen.'),
  openConversation: () => msg('Öppna konversationen'),
  writeAnother: () => msg('Skriv ett nytt meddelande'),
};

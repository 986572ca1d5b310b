import { msg, str } from '@lit/localize';

/** Every text of `<secure-compose>` (Swedish source locale, stable ids); called at render time. */
export const texts = {
  title: () => msg('Nytt meddelande', { id: 'compose.title' }),
  gdprNote: () =>
    msg(
      'Vi använder endast funktionen Säkra meddelanden då meddelandet innehåller GDPR-känsliga uppgifter.',
      {
        id: 'compose.gdpr-note',
      },
    ),
  obs: () => msg('OBS!', { id: 'compose.obs' }),
  subject: () => msg('Ämne', { id: 'compose.subject' }),
  chooseSubject: () => msg('Välj ämne', { id: 'compose.subject.choose' }),
  subjectHint: () =>
    msg('Ämnet avgör vilken avdelning på KPA Pension som tar emot meddelandet.', {
      id: 'compose.subject.hint',
    }),
  organisation: () => msg('Organisation', { id: 'compose.organisation' }),
  chooseOrganisation: () => msg('Välj organisation', { id: 'compose.organisation.choose' }),
  organisationOption: (name: string, customerNumber: string) =>
    msg(str`${name} (kundnummer ${customerNumber})`, { id: 'compose.organisation.option' }),
  message: () => msg('Meddelande', { id: 'compose.message' }),
  replyTime: (days: number) =>
    days === 1
      ? msg('Vi svarar normalt inom 1 arbetsdag.', { id: 'compose.reply-time.one' })
      : msg(str`Vi svarar normalt inom ${days} arbetsdagar.`, { id: 'compose.reply-time.other' }),
  loading: () => msg('Läser in …', { id: 'compose.loading' }),
  loadFailed: () => msg('Formuläret kunde inte läsas in.', { id: 'compose.load-failed' }),
  sentTitle: () => msg('Ditt meddelande har skickats.', { id: 'compose.sent.title' }),
  sentNumber: () => msg('Meddelandenummer:', { id: 'compose.sent.number' }),
  sentHint: () =>
    msg('Spara numret om du vill kunna hitta konversationen med filtreringen.', { id: 'compose.sent.hint' }),
  openConversation: () => msg('Öppna konversationen', { id: 'compose.sent.open' }),
  writeAnother: () => msg('Skriv ett nytt meddelande', { id: 'compose.sent.another' }),
};

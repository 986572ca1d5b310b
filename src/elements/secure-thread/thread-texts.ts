import { msg, str } from '@lit/localize';
import { formatNumber, isolated, type UserRef } from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';
import { words } from '../shared/texts.js';

/**
 * A person as the thread names them: `Namn Efternamn (NAEF00)`, or `KPA Pension, Katarina
 * Hallberg`. The name is a bidi isolate, so that it cannot reorder the sentence it is put into.
 */
export function personName(person: UserRef): string {
  const name = isolated(person.name);
  if (person.side === 'kpa') return msg(str`KPA Pension, ${name}`);
  const id = person.id;
  return msg(str`${name} (${id})`);
}

/**
 * Every text of `<secure-thread>` (Swedish source locale). Functions, so that msg()
 * runs at render time in the active locale.
 */
export const texts = {
  title: (number: string) => msg(str`Konversation ${number}`),
  number: words.messageNumber,
  subject: words.subject,
  status: words.status,
  assignee: () => msg('Ansvarig handläggare'),
  noAssignee: words.noAssignee,
  organisation: words.organisation,
  organisationValue: (organisation: string, customerNumber: string) =>
    words.organisationValue(isolated(organisation), customerNumber),
  kpaPension: () => msg('KPA Pension'),

  // Messages and history
  messages: words.messages,
  attachments: () => msg('Bifogade filer'),
  download: () => msg('Ladda ner'),
  downloading: () => msg('Hämtar filen …'),
  downloaded: (fileName: string) => {
    const name = isolated(fileName);
    return msg(str`Filen ${name} har laddats ner.`);
  },
  downloadFailed: (fileName: string) => {
    const name = isolated(fileName);
    return msg(str`Filen ${name} kunde inte hämtas.`);
  },
  historyClaimed: (who: string) => msg(str`${who} arbetar med ärendet.`),
  historyReleased: (who: string) => msg(str`${who} arbetar inte längre med ärendet.`),
  historyTakenOver: (who: string, previous: string) => msg(str`${who} tog över ärendet från ${previous}.`),
  historyTakenOverNoPrevious: (who: string) => msg(str`${who} tog över ärendet.`),
  historyClosed: (who: string) => msg(str`${who} markerade konversationen som avslutad.`),
  historyReopened: (who: string) => msg(str`${who} återupptog konversationen genom att svara.`),

  // Actions
  actions: () => msg('Hantera ärendet'),
  claim: () => msg('Jag arbetar med ärendet'),
  claimedByOther: (who: string) => msg(str`${who} arbetar med ärendet. Du kan ta över det.`),
  takeOver: () => msg('Jag tar över ärendet'),
  close: () => msg('Markera konversation som avslutad'),
  print: () => msg('Skriv ut'),
  cancel: () => msg('Avbryt'),
  takeOverTitle: () => msg('Ta över ärendet?'),
  takeOverText: (who: string) =>
    msg(str`${who} är ansvarig handläggare. Om du tar över blir du ansvarig i stället.`),
  takeOverConfirm: () => msg('Ja, ta över ärendet'),
  closeTitle: () => msg('Markera konversationen som avslutad?'),
  closeText: () => msg('Konversationen får status Avslutad. Den öppnas igen om någon svarar i den.'),
  closeConfirm: () => msg('Ja, markera som avslutad'),
  conflictSelf: () => msg('Du är redan ansvarig för ärendet.'),
  conflictAssignee: (assignee: UserRef) => {
    const name = isolated(assignee.name);
    return msg(str`Ärendet hanteras redan av ${name} (${assignee.id}).`);
  },

  // Announcements (polite live region)
  claimed: () => msg('Du arbetar nu med ärendet.'),
  released: () => msg('Du arbetar inte längre med ärendet.'),
  tookOver: () => msg('Du har tagit över ärendet.'),
  closed: () => msg('Konversationen är markerad som avslutad.'),
  sent: () => msg('Ditt svar har skickats.'),
  sentReopened: () => msg('Ditt svar har skickats och konversationen har öppnats igen.'),
  remoteMessages: (n: number) => {
    if (n === 1) return msg('Ett nytt meddelande har kommit.');
    const count = formatNumber(n, getLocale());
    return msg(str`${count} nya meddelanden har kommit.`);
  },
  remoteAssignee: (who: string) => msg(str`${who} är nu ansvarig handläggare.`),
  remoteNoAssignee: () => msg('Ärendet har inte längre någon ansvarig handläggare.'),
  remoteStatus: (status: string) => msg(str`Status är nu ${status}.`),

  // States
  loading: () => msg('Hämtar konversationen …'),
  notFoundTitle: () => msg('Konversationen hittades inte.'),
  notFound: () =>
    msg('Den finns inte, eller så har du inte tillgång till den. Kontrollera meddelandenumret.'),
  loadFailed: () => msg('Det gick inte att hämta konversationen.'),

  // Reply
  replyTitle: () => msg('Svara'),
  message: words.message,
  reopenEmployer: () =>
    msg('Konversationen är avslutad. Om du svarar öppnas den igen och får status Skickat.'),
  reopenKpa: () =>
    msg(
      'Konversationen är avslutad. Om du svarar öppnas den igen och arbetsgivaren ser status Svar inkommit.',
    ),
  replyLoading: () => msg('Läser in svarsformuläret …'),
  replyLoadFailed: () => msg('Svarsformuläret kunde inte läsas in.'),
};

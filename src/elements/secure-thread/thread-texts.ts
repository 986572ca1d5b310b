import { msg, str } from '@lit/localize';
import { formatNumber, isolated, type UserRef } from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';

/**
 * A person as the thread names them: `Namn Efternamn (NAEF00)`, or `KPA Pension, Katarina
 * Hallberg`. The name is a bidi isolate, so that it cannot reorder the sentence it is put into.
 */
export function personName(person: UserRef): string {
  const name = isolated(person.name);
  if (person.side === 'kpa') return msg(str`KPA Pension, ${name}`, { id: 'thread.person.kpa' });
  const id = person.id;
  return msg(str`${name} (${id})`, { id: 'thread.person' });
}

/**
 * Every text of `<secure-thread>` (Swedish source locale, stable ids). Functions, so that msg()
 * runs at render time in the active locale.
 */
export const texts = {
  title: (number: string) => msg(str`Konversation ${number}`, { id: 'thread.title' }),
  number: () => msg('Meddelandenummer', { id: 'thread.number' }),
  subject: () => msg('Ämne', { id: 'thread.subject' }),
  status: () => msg('Status', { id: 'thread.status' }),
  assignee: () => msg('Ansvarig handläggare', { id: 'thread.assignee' }),
  noAssignee: () => msg('Ingen ansvarig', { id: 'thread.assignee.none' }),
  organisation: () => msg('Organisation', { id: 'thread.organisation' }),
  organisationValue: (organisation: string, customerNumber: string) => {
    const name = isolated(organisation);
    return msg(str`${name} (kundnummer ${customerNumber})`, { id: 'thread.organisation.value' });
  },
  kpaPension: () => msg('KPA Pension', { id: 'thread.kpa' }),

  // Messages and history
  messages: () => msg('Meddelanden', { id: 'thread.messages' }),
  attachments: () => msg('Bifogade filer', { id: 'thread.attachments' }),
  download: () => msg('Ladda ner', { id: 'thread.download' }),
  downloading: () => msg('Hämtar filen …', { id: 'thread.downloading' }),
  downloaded: (fileName: string) => {
    const name = isolated(fileName);
    return msg(str`Filen ${name} har laddats ner.`, { id: 'thread.downloaded' });
  },
  downloadFailed: (fileName: string) => {
    const name = isolated(fileName);
    return msg(str`Filen ${name} kunde inte hämtas.`, { id: 'thread.download.failed' });
  },
  historyClaimed: (who: string) => msg(str`${who} arbetar med ärendet.`, { id: 'thread.history.claimed' }),
  historyReleased: (who: string) =>
    msg(str`${who} arbetar inte längre med ärendet.`, { id: 'thread.history.released' }),
  historyTakenOver: (who: string, previous: string) =>
    msg(str`${who} tog över ärendet från ${previous}.`, { id: 'thread.history.taken-over' }),
  historyTakenOverNoPrevious: (who: string) =>
    msg(str`${who} tog över ärendet.`, { id: 'thread.history.taken-over.no-previous' }),
  historyClosed: (who: string) =>
    msg(str`${who} markerade konversationen som avslutad.`, { id: 'thread.history.closed' }),
  historyReopened: (who: string) =>
    msg(str`${who} återupptog konversationen genom att svara.`, { id: 'thread.history.reopened' }),

  // Actions
  actions: () => msg('Hantera ärendet', { id: 'thread.actions' }),
  claim: () => msg('Jag arbetar med ärendet', { id: 'thread.claim' }),
  claimedByOther: (who: string) =>
    msg(str`${who} arbetar med ärendet. Du kan ta över det.`, { id: 'thread.claim.other' }),
  takeOver: () => msg('Jag tar över ärendet', { id: 'thread.take-over' }),
  close: () => msg('Markera konversation som avslutad', { id: 'thread.close' }),
  print: () => msg('Skriv ut', { id: 'thread.print' }),
  cancel: () => msg('Avbryt', { id: 'thread.cancel' }),
  takeOverTitle: () => msg('Ta över ärendet?', { id: 'thread.take-over.title' }),
  takeOverText: (who: string) =>
    msg(str`${who} är ansvarig handläggare. Om du tar över blir du ansvarig i stället.`, {
      id: 'thread.take-over.text',
    }),
  takeOverConfirm: () => msg('Ja, ta över ärendet', { id: 'thread.take-over.confirm' }),
  closeTitle: () => msg('Markera konversationen som avslutad?', { id: 'thread.close.title' }),
  closeText: () =>
    msg('Konversationen får status Avslutad. Den öppnas igen om någon svarar i den.', {
      id: 'thread.close.text',
    }),
  closeConfirm: () => msg('Ja, markera som avslutad', { id: 'thread.close.confirm' }),
  conflictSelf: () => msg('Du är redan ansvarig för ärendet.', { id: 'thread.conflict.self' }),
  conflictAssignee: (assignee: UserRef) => {
    const name = isolated(assignee.name);
    return msg(str`Ärendet hanteras redan av ${name} (${assignee.id}).`, { id: 'error.conflict.assignee' });
  },

  // Announcements (polite live region)
  claimed: () => msg('Du arbetar nu med ärendet.', { id: 'thread.announce.claimed' }),
  released: () => msg('Du arbetar inte längre med ärendet.', { id: 'thread.announce.released' }),
  tookOver: () => msg('Du har tagit över ärendet.', { id: 'thread.announce.taken-over' }),
  closed: () => msg('Konversationen är markerad som avslutad.', { id: 'thread.announce.closed' }),
  sent: () => msg('Ditt svar har skickats.', { id: 'thread.announce.sent' }),
  sentReopened: () =>
    msg('Ditt svar har skickats och konversationen har öppnats igen.', {
      id: 'thread.announce.sent.reopened',
    }),
  remoteMessages: (n: number) => {
    if (n === 1) return msg('Ett nytt meddelande har kommit.', { id: 'thread.announce.remote.message.one' });
    const count = formatNumber(n, getLocale());
    return msg(str`${count} nya meddelanden har kommit.`, { id: 'thread.announce.remote.message.other' });
  },
  remoteAssignee: (who: string) =>
    msg(str`${who} är nu ansvarig handläggare.`, { id: 'thread.announce.remote.assignee' }),
  remoteNoAssignee: () =>
    msg('Ärendet har inte längre någon ansvarig handläggare.', {
      id: 'thread.announce.remote.assignee.none',
    }),
  remoteStatus: (status: string) =>
    msg(str`Status är nu ${status}.`, { id: 'thread.announce.remote.status' }),

  // States
  loading: () => msg('Hämtar konversationen …', { id: 'thread.loading' }),
  notFoundTitle: () => msg('Konversationen hittades inte.', { id: 'thread.not-found.title' }),
  notFound: () =>
    msg('Den finns inte, eller så har du inte tillgång till den. Kontrollera meddelandenumret.', {
      id: 'thread.not-found',
    }),
  loadFailed: () => msg('Det gick inte att hämta konversationen.', { id: 'thread.load-failed' }),

  // Reply
  replyTitle: () => msg('Svara', { id: 'thread.reply.title' }),
  message: () => msg('Meddelande', { id: 'thread.reply.message' }),
  reopenEmployer: () =>
    msg('Konversationen är avslutad. Om du svarar öppnas den igen och får status Skickat.', {
      id: 'thread.reply.reopen.employer',
    }),
  reopenKpa: () =>
    msg(
      'Konversationen är avslutad. Om du svarar öppnas den igen och arbetsgivaren ser status Svar inkommit.',
      {
        id: 'thread.reply.reopen.kpa',
      },
    ),
  replyLoading: () => msg('Läser in svarsformuläret …', { id: 'thread.reply.loading' }),
  replyLoadFailed: () => msg('Svarsformuläret kunde inte läsas in.', { id: 'thread.reply.load-failed' }),
};

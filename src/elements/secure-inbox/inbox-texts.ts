import { msg, str } from '@lit/localize';
import { formatNumber, type SortKey } from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';
import { words } from '../shared/texts.js';

/** A whole number in the active locale's style (`1 000` in Swedish, `1,000` in English). */
const num = (n: number): string => formatNumber(n, getLocale());

const empty = (): string => msg('Inga meddelanden');

/**
 * Every text of `<secure-inbox>` (Swedish source locale). Functions, so that msg()
 * runs at render time in the active locale.
 */
export const texts = {
  newMessage: words.newMessage,
  showFilters: () => msg('Visa filtrering'),
  hideFilters: () => msg('Dölj filtrering'),
  filtersLabel: () => msg('Filtrering'),
  subject: words.subject,
  allSubjects: () => msg('Alla ämnen'),
  messageNumber: words.messageNumber,
  assignee: () => msg('Handläggare'),
  assigneeHint: () => msg('Användar-id, till exempel ABCD01.'),
  text: () => msg('Meddelandetext'),
  textHint: () => msg('Namn, personnummer eller annat som står i meddelandet.'),
  status: words.status,
  reset: () => msg('Återställ filter'),
  numberOnly: () => msg('Övriga filter används inte när du söker på meddelandenummer.'),
  caption: words.messages,
  column: (key: SortKey): string => {
    switch (key) {
      case 'number':
        return msg('Meddelandenr');
      case 'date':
        return msg('Datum');
      case 'organisation':
        return words.organisation();
      case 'subject':
        return words.subject();
      case 'waiting':
        return msg('Väntar sedan');
      case 'status':
        return words.status();
      case 'assignee':
        return msg('Ansvarig');
    }
  },
  myDepartment: (name: string) => msg(str`${name} (min avdelning)`),
  organisationHint: words.organisationHint,
  organisationUnknown: words.organisationUnknown,
  responsible: () => msg('Ansvarig'),
  everyone: () => msg('Alla'),
  mine: () => msg('Mina'),
  unassignedOnes: () => msg('Ej tilldelade'),
  unassigned: () => msg('Ej tilldelad'),
  waitingDays: (n: number): string => {
    if (n === 0) return msg('Sedan i dag');
    if (n === 1) return msg('1 arbetsdag');
    return msg(str`${n} arbetsdagar`);
  },
  overdue: () => msg('Över svarstiden'),
  replyTime: (days: number) =>
    days === 1
      ? msg('Svarstid till arbetsgivare: 1 arbetsdag.')
      : msg(str`Svarstid till arbetsgivare: ${days} arbetsdagar.`),
  attention: () => msg('Behöver hanteras'),
  noAssignee: words.noAssignee,
  count: (n: number): string => {
    if (n === 0) return empty();
    if (n === 1) return msg('1 meddelande');
    const count = num(n);
    return msg(str`${count} meddelanden`);
  },
  empty: () => empty(),
  emptyHint: () => msg('Ändra eller återställ filtren för att se fler.'),
  loading: () => msg('Hämtar meddelanden …'),
  error: () => msg('Det gick inte att hämta meddelandena.'),
  pager: () => msg('Sidor'),
  pageSize: () => msg('Antal per sida'),
  range: (from: number, to: number, total: number): string => {
    const [first, last, all] = [num(from), num(to), num(total)];
    return msg(str`Visar ${first}–${last} av ${all}`);
  },
  previous: () => msg('Föregående sida'),
  next: () => msg('Nästa sida'),
};

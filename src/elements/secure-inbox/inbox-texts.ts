import { msg, str } from '@lit/localize';
import { formatNumber, type SortKey } from '../../domain/index.js';
import { getLocale } from '../../localization/index.js';

/** A whole number in the active locale's style (`1 000` in Swedish, `1,000` in English). */
const num = (n: number): string => formatNumber(n, getLocale());

const empty = (): string => msg('Inga meddelanden', { id: 'inbox.empty' });

/**
 * Every text of `<secure-inbox>` (Swedish source locale, stable ids). Functions, so that msg()
 * runs at render time in the active locale.
 */
export const texts = {
  newMessage: () => msg('Nytt meddelande', { id: 'inbox.new-message' }),
  showFilters: () => msg('Visa filtrering', { id: 'inbox.filters.show' }),
  hideFilters: () => msg('Dölj filtrering', { id: 'inbox.filters.hide' }),
  filtersLabel: () => msg('Filtrering', { id: 'inbox.filters.label' }),
  subject: () => msg('Ämne', { id: 'inbox.filter.subject' }),
  allSubjects: () => msg('Alla ämnen', { id: 'inbox.filter.subject.all' }),
  messageNumber: () => msg('Meddelandenummer', { id: 'inbox.filter.message-number' }),
  assignee: () => msg('Handläggare', { id: 'inbox.filter.assignee' }),
  assigneeHint: () => msg('Användar-id, till exempel ABCD01.', { id: 'inbox.filter.assignee.hint' }),
  text: () => msg('Meddelandetext', { id: 'inbox.filter.text' }),
  textHint: () =>
    msg('Namn, personnummer eller annat som står i meddelandet.', { id: 'inbox.filter.text.hint' }),
  status: () => msg('Status', { id: 'inbox.filter.status' }),
  reset: () => msg('Återställ filter', { id: 'inbox.filter.reset' }),
  numberOnly: () =>
    msg('Övriga filter används inte när du söker på meddelandenummer.', { id: 'inbox.filter.number-only' }),
  caption: () => msg('Meddelanden', { id: 'inbox.caption' }),
  column: (key: SortKey): string => {
    switch (key) {
      case 'number':
        return msg('Meddelandenr', { id: 'inbox.column.number' });
      case 'date':
        return msg('Datum', { id: 'inbox.column.date' });
      case 'subject':
        return msg('Ämne', { id: 'inbox.column.subject' });
      case 'status':
        return msg('Status', { id: 'inbox.column.status' });
      case 'assignee':
        return msg('Ansvarig', { id: 'inbox.column.assignee' });
    }
  },
  attention: () => msg('Behöver hanteras', { id: 'inbox.attention' }),
  noAssignee: () => msg('Ingen ansvarig', { id: 'inbox.no-assignee' }),
  count: (n: number): string => {
    if (n === 0) return empty();
    if (n === 1) return msg('1 meddelande', { id: 'inbox.count.one' });
    const count = num(n);
    return msg(str`${count} meddelanden`, { id: 'inbox.count.other' });
  },
  empty: () => empty(),
  emptyHint: () => msg('Ändra eller återställ filtren för att se fler.', { id: 'inbox.empty.hint' }),
  loading: () => msg('Hämtar meddelanden …', { id: 'inbox.loading' }),
  error: () => msg('Det gick inte att hämta meddelandena.', { id: 'inbox.error' }),
  pager: () => msg('Sidor', { id: 'inbox.pager.label' }),
  pageSize: () => msg('Antal per sida', { id: 'inbox.pager.page-size' }),
  range: (from: number, to: number, total: number): string => {
    const [first, last, all] = [num(from), num(to), num(total)];
    return msg(str`Visar ${first}–${last} av ${all}`, { id: 'inbox.pager.range' });
  },
  previous: () => msg('Föregående sida', { id: 'inbox.pager.previous' }),
  next: () => msg('Nästa sida', { id: 'inbox.pager.next' }),
};

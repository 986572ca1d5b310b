import { msg, str } from '@lit/localize';

/** The texts of `<notice-badge>` (Swedish source locale, stable ids). */
export const badgeTexts = {
  /** The feature's name, the default label. */
  label: () => msg('Säkra meddelanden', { id: 'badge.label' }),
  /** "inga ärenden att hantera" / "1 ärende att hantera" / "28 ärenden att hantera". */
  count: (count: number): string => {
    if (count === 0) return msg('inga ärenden att hantera', { id: 'badge.count.zero' });
    if (count === 1) return msg('1 ärende att hantera', { id: 'badge.count.one' });
    return msg(str`${count} ärenden att hantera`, { id: 'badge.count.other' });
  },
  announceIncrease: (count: number) => {
    const text = badgeTexts.count(count);
    return msg(str`Nytt i Säkra meddelanden: ${text}`, { id: 'badge.announce.increase' });
  },
  announceChange: (count: number) => {
    const text = badgeTexts.count(count);
    return msg(str`Säkra meddelanden: ${text}`, { id: 'badge.announce.change' });
  },
};

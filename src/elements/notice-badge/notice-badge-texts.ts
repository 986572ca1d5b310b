import { msg, str } from '@lit/localize';

/** The texts of `<notice-badge>` (Swedish source locale). */
export const badgeTexts = {
  /** The feature's name, the default label. */
  label: () => msg('Säkra meddelanden'),
  /** "inga ärenden att hantera" / "1 ärende att hantera" / "28 ärenden att hantera". */
  count: (count: number): string => {
    if (count === 0) return msg('inga ärenden att hantera');
    if (count === 1) return msg('1 ärende att hantera');
    return msg(str`${count} ärenden att hantera`);
  },
  announceIncrease: (count: number) => {
    const text = badgeTexts.count(count);
    return msg(str`Nytt i Säkra meddelanden: ${text}`);
  },
  announceChange: (count: number) => {
    const text = badgeTexts.count(count);
    return msg(str`Säkra meddelanden: ${text}`);
  },
};

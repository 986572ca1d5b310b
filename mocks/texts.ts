/**
 * Swedish message texts for the seed: what payroll staff and KPA case officers write to each other
 * about employments, salaries, pension calculations and payments. Every text is a function of a
 * small context so that 100,000 conversations are cheap to build.
 */
export interface TextContext {
  /** The employee the conversation is about: "Förnamn Efternamn". */
  person: string;
  /** The employee's personnummer, as the author happened to write it. */
  pnr: string;
  /** e.g. "mars 2024". */
  period: string;
  /** e.g. "2024-03-27". */
  date: string;
  /** e.g. "34 500". */
  salary: string;
  /** e.g. "12 480". */
  amount: string;
  /** e.g. "75". */
  percent: string;
  /** Author's first name, for signatures. */
  signature: string;
}

type Text = (c: TextContext) => string;

/** First message of a conversation started by the employer, per subject id. */
export const EMPLOYER_OPENERS: Readonly<Record<string, readonly Text[]>> = {
  'anstallning-och-lon': [
    (c) =>
      `Hej!\nVi har registrerat fel anställningsdatum för ${c.person} (${c.pnr}). Rätt datum är ${c.date}. Kan ni hjälpa oss att rätta det?\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\n${c.person}, ${c.pnr}, har fått ny månadslön ${c.salary} kr från ${c.period}. Ska vi rapportera ändringen på nytt eller räcker årsrapporten?\n\nHälsningar ${c.signature}`,
    (c) =>
      `Hej!\nAnställningen för ${c.person} (${c.pnr}) upphörde ${c.date} men syns fortfarande som aktiv hos er. Vad behöver vi göra?\n\n/${c.signature}`,
    (c) =>
      `Hej,\nVi har ändrat sysselsättningsgraden för ${c.person} ${c.pnr} till ${c.percent} % från ${c.period}. Behöver ni ett nytt anställningsavtal?\n\nMvh ${c.signature}`,
  ],
  berakning: [
    (c) =>
      `Hej!\nKan ni göra en beräkning av tjänstepensionen för ${c.person} (${c.pnr}) vid avgång ${c.date}? Hen funderar på att gå i pension tidigare.\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\nBeräkningen för ${c.person}, ${c.pnr}, bygger på lönen ${c.salary} kr. Den korrekta pensionsgrundande lönen är högre. Kan ni räkna om?\n\nHälsningar ${c.signature}`,
    (c) =>
      `Hej!\nVi undrar hur föräldraledighet under ${c.period} påverkar den förmånsbestämda pensionen för ${c.person} (${c.pnr}).\n\n/${c.signature}`,
  ],
  utbetalning: [
    (c) =>
      `Hej!\n${c.person} (${c.pnr}) har inte fått sin pension utbetald för ${c.period}. Kan ni undersöka vad som har hänt?\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\nUtbetalningen till ${c.person}, ${c.pnr}, blev ${c.amount} kr i ${c.period}, vilket är lägre än väntat. Vad beror skillnaden på?\n\nHälsningar ${c.signature}`,
    (c) =>
      `Hej!\nVi behöver stoppa utbetalningen av särskild avtalspension för ${c.person} (${c.pnr}) från ${c.date}, eftersom hen har återgått i arbete.\n\n/${c.signature}`,
  ],
  ovrigt: [
    (c) =>
      `Hej!\nVi har fått en fråga från ${c.person} (${c.pnr}) om efterlevandeskydd. Vart ska vi hänvisa hen?\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\nKan ni skicka ett intyg om pensionsgrundande anställning för ${c.person}, ${c.pnr}? Hen behöver det till Försäkringskassan.\n\nHälsningar ${c.signature}`,
  ],
  'ekonomi-och-fakturor': [
    (c) =>
      `Hej!\nFakturan för ${c.period} är ${c.amount} kr högre än föregående månad. Vi tror att premien för ${c.person} (${c.pnr}) har dubblerats.\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\nVi har betalat fakturan för ${c.period} två gånger. Kan ni återbetala ${c.amount} kr eller kvitta mot nästa faktura?\n\nHälsningar ${c.signature}`,
  ],
  rapportering: [
    (c) =>
      `Hej!\nÅrsrapporten för ${c.person} (${c.pnr}) blev fel: vi rapporterade ${c.salary} kr i stället för rätt lön. Hur gör vi en rättelse?\n\nMvh ${c.signature}`,
    (c) =>
      `Hej,\nVi får ett felmeddelande när vi rapporterar sjukperioden ${c.date} för ${c.person}, ${c.pnr}. Vad betyder det?\n\nHälsningar ${c.signature}`,
    (c) =>
      `Hej!\n${c.person} (${c.pnr}) saknas i vår rapportering för ${c.period}. Ska vi komplettera i efterhand?\n\n/${c.signature}`,
  ],
};

/** First message of a conversation started by KPA (status Nytt meddelande). */
export const KPA_OPENERS: readonly Text[] = [
  (c) =>
    `Hej!\nVi saknar uppgift om slutdatum för anställningen för ${c.person} (${c.pnr}). Kan ni komplettera med datum och orsak?\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nI er rapportering för ${c.period} har ${c.person}, ${c.pnr}, en lön på ${c.salary} kr som avviker kraftigt från tidigare år. Stämmer uppgiften?\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej!\n${c.person} (${c.pnr}) har ansökt om pension från ${c.date}. Vi behöver ett intyg om sista anställningsdag innan vi kan godkänna ansökan.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nVi har fått in en sjukperiod för ${c.person}, ${c.pnr}, men sysselsättningsgraden ${c.percent} % stämmer inte med anställningen. Kan ni kontrollera?\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
];

/** KPA's answers. */
export const KPA_REPLIES: readonly Text[] = [
  (c) =>
    `Hej!\nTack för ditt meddelande. Vi har nu rättat uppgifterna för ${c.person}. Ändringen syns i KPA Direkt inom ett par dagar.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nVi har gjort en ny beräkning. Med avgång ${c.date} blir den månatliga pensionen cirka ${c.amount} kr före skatt. Beräkningen finns bifogad.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej!\nFör att kunna hjälpa er behöver vi lönespecifikationen för ${c.period}. Bifoga den gärna i ett svar här.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nUtbetalningen för ${c.period} stoppades eftersom ett kontonummer saknades. Den kommer nu att göras den ${c.date}.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej!\nSkillnaden beror på att skatteavdraget har ändrats. Bruttobeloppet är oförändrat, ${c.amount} kr.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nVi har krediterat fakturan för ${c.period} och skickar en ny med rätt belopp.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
];

/** KPA's second message in a row, or a follow-up after the employer's answer. */
export const KPA_FOLLOW_UPS: readonly Text[] = [
  (c) =>
    `Hej igen!\nVi påminner om uppgifterna för ${c.person}. Utan dem kan vi inte gå vidare med ärendet.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Tack! Vi har nu registrerat uppgifterna och ärendet är klart från vår sida.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
  (c) =>
    `Hej,\nEtt tillägg: beslutet skickas även med post till ${c.person} inom en vecka.\n\nVänliga hälsningar\n${c.signature}, KPA Pension`,
];

/** The employer's answers and follow-ups. */
export const EMPLOYER_REPLIES: readonly Text[] = [
  (c) => `Tack för snabbt svar!\n\nMvh ${c.signature}`,
  (c) =>
    `Hej!\nHär kommer lönespecifikationen för ${c.period} för ${c.person} (${c.pnr}).\n\nMvh ${c.signature}`,
  (c) =>
    `Hej,\nSista anställningsdag för ${c.person} är ${c.date}. Orsaken är egen uppsägning.\n\nHälsningar ${c.signature}`,
  (c) =>
    `Hej!\nVi har kontrollerat uppgifterna. Rätt sysselsättningsgrad är ${c.percent} %.\n\n/${c.signature}`,
  (c) =>
    `Hej igen,\nVi har fortfarande inte sett någon ändring för ${c.person}, ${c.pnr}. Kan ni titta på det igen?\n\nMvh ${c.signature}`,
  (c) => `Hej,\nEn följdfråga: gäller detta även retroaktivt från ${c.period}?\n\nHälsningar ${c.signature}`,
];

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Attachment names with their type; sizes are drawn by the seed. */
export const ATTACHMENT_NAMES: readonly { name: string; extension: string }[] = [
  { name: 'Lönespecifikation', extension: 'pdf' },
  { name: 'Anställningsbevis', extension: 'pdf' },
  { name: 'Tjänstgöringsintyg', extension: 'docx' },
  { name: 'Löneunderlag', extension: 'xlsx' },
  { name: 'Beräkning tjänstepension', extension: 'pdf' },
  { name: 'Skärmbild felmeddelande', extension: 'png' },
  { name: 'Intyg sista anställningsdag', extension: 'jpg' },
  { name: 'Rapportering sjukperioder', extension: 'csv' },
];

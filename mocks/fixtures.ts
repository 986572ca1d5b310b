/** Fixed reference data of the mock backend: users, organisations, subjects and server config. */
import type { ServerConfig } from '../src/domain/config.js';
import type { Department, Organisation, Subject, User, UserRef } from '../src/domain/types.js';

export const MOCK_USER_IDS = {
  employer: 'NAEF00',
  colleague: 'ABCD01',
  colleague2: 'EFGH02',
  officer: 'KPAH01',
  otherOrganisation: 'OTOR01',
  /** A case officer of the other department, who sees only its Ämnen. */
  otherOfficer: 'KPJL02',
} as const;

/** The organisation of the manual's screenshots. */
export const HOME_ORGANISATION: Organisation = Object.freeze({
  customerNumber: '0000',
  organisationNumber: '0000000000',
  name: 'Kundnamnet',
});

/** Made-up customer organisations (fictitious names; no real municipality). */
const OTHER_ORGANISATION_LIST: readonly Organisation[] = [
  { customerNumber: '1042', organisationNumber: '2120009871', name: 'Sjöviks kommun' },
  { customerNumber: '1107', organisationNumber: '2120009889', name: 'Ekbacka kommun' },
  { customerNumber: '1153', organisationNumber: '2320009897', name: 'Region Norrmark' },
  { customerNumber: '1218', organisationNumber: '2120009905', name: 'Lövsala kommun' },
  { customerNumber: '1276', organisationNumber: '2220009913', name: 'Björkvikens kommunalförbund' },
  { customerNumber: '1334', organisationNumber: '5560009921', name: 'Åsby Energi AB' },
  { customerNumber: '1389', organisationNumber: '2120009939', name: 'Strandby kommun' },
  { customerNumber: '1425', organisationNumber: '2120009947', name: 'Hallsta kommun' },
  { customerNumber: '1490', organisationNumber: '5560009954', name: 'Ekbacka Bostäder AB' },
].map((o) => Object.freeze(o));

/** The check digit of a Swedish organisation number (the Luhn algorithm over its first nine digits). */
function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

const PLACE_STARTS = [
  'Al',
  'Berg',
  'Dal',
  'Ek',
  'Fager',
  'Gran',
  'Hag',
  'Hol',
  'Lind',
  'Mal',
  'Nor',
  'Ros',
  'Sand',
  'Sil',
  'Sol',
  'Stor',
  'Sund',
  'Tall',
  'Ulv',
  'Äng',
];
const PLACE_ENDS = [
  'by',
  'sta',
  'vik',
  'holm',
  'åker',
  'berga',
  'näs',
  'ås',
  'fors',
  'torp',
  'tuna',
  'hamn',
  'köping',
  'dal',
];

/**
 * Made-up municipalities and regions, so that KPA staff pick among as many organisations as KPA
 * serves (290 with the ten above): every fourteenth a region, the rest municipalities.
 */
const GENERATED_ORGANISATION_LIST: readonly Organisation[] = Array.from({ length: 280 }, (_, i) => {
  const place = PLACE_STARTS[i % PLACE_STARTS.length]! + PLACE_ENDS[Math.floor(i / PLACE_STARTS.length)]!;
  const region = i % 14 === 13;
  const nine = `${region ? '232' : '212'}${String(100_000 + i * 7).slice(0, 6)}`;
  return Object.freeze({
    customerNumber: String(2000 + i),
    organisationNumber: `${nine}${luhnDigit(nine)}`,
    name: region ? `Region ${place}` : `${place} kommun`,
  });
});

export const ORGANISATIONS: readonly Organisation[] = Object.freeze([
  HOME_ORGANISATION,
  ...OTHER_ORGANISATION_LIST,
  ...GENERATED_ORGANISATION_LIST,
]);

export const SUBJECTS: readonly Subject[] = Object.freeze(
  [
    { id: 'anstallning-och-lon', name: 'Anställning och lön' },
    { id: 'berakning', name: 'Beräkning' },
    { id: 'utbetalning', name: 'Utbetalning' },
    { id: 'ovrigt', name: 'Övrigt' },
    { id: 'ekonomi-och-fakturor', name: 'Ekonomi och fakturor' },
    { id: 'rapportering', name: 'Rapportering' },
  ].map((s) => Object.freeze(s)),
);

/** KPA's departments: the Ämne of a conversation decides which one answers it. */
export const DEPARTMENTS: readonly Department[] = Object.freeze(
  [
    {
      id: 'arbetsgivarservice',
      name: 'Arbetsgivarservice',
      subjectIds: ['anstallning-och-lon', 'rapportering', 'ekonomi-och-fakturor', 'ovrigt'],
    },
    { id: 'pension', name: 'Pension och utbetalning', subjectIds: ['berakning', 'utbetalning'] },
  ].map((d) => Object.freeze(d)),
);

const EMPLOYER_CAPABILITIES = Object.freeze({
  canClose: false,
  canAssign: true,
  canChooseOrganisation: false,
});
const OFFICER_CAPABILITIES = Object.freeze({ canClose: true, canAssign: true, canChooseOrganisation: true });

function employer(id: string, name: string, organisation: Organisation): User {
  return { id, name, side: 'employer', organisation, capabilities: { ...EMPLOYER_CAPABILITIES } };
}

function officer(id: string, name: string, department: Department, canSeeAllDepartments: boolean): User {
  return {
    id,
    name,
    side: 'kpa',
    organisation: null,
    department: { ...department, subjectIds: [...department.subjectIds] },
    capabilities: { ...OFFICER_CAPABILITIES, canSeeAllDepartments },
  };
}

/** The users one can switch between (`MockBackend.setCurrentUser`). */
export function createMockUsers(): User[] {
  return [
    employer(MOCK_USER_IDS.employer, 'Namn Efternamn', HOME_ORGANISATION),
    employer(MOCK_USER_IDS.colleague, 'Anna Berglund', HOME_ORGANISATION),
    employer(MOCK_USER_IDS.colleague2, 'Erik Holmberg', HOME_ORGANISATION),
    // Arbetsgivarservice's officer, whom the server lets see every department (their list still
    // starts with their own department's queue).
    officer(MOCK_USER_IDS.officer, 'Katarina Hallberg', DEPARTMENTS[0]!, true),
    employer(MOCK_USER_IDS.otherOrganisation, 'Oskar Torstensson', OTHER_ORGANISATION_LIST[0]!),
    // Pension och utbetalning's officer, who sees only its Ämnen.
    officer(MOCK_USER_IDS.otherOfficer, 'Jonas Lindström', DEPARTMENTS[1]!, false),
  ];
}

/** Further employer-side people per organisation: authors and assignees in the seed. */
const EXTRA_EMPLOYER_NAMES: Readonly<Record<string, readonly [string, string][]>> = {
  '0000': [
    ['MALU03', 'Maria Lundqvist'],
    ['JOSA04', 'Johan Sandberg'],
  ],
  '1042': [
    ['LESJ01', 'Lena Sjöberg'],
    ['PEHA02', 'Peter Hansson'],
  ],
  '1107': [
    ['KAAN01', 'Karin Andersson'],
    ['MINI02', 'Mikael Nilsson'],
    ['SOEK03', 'Sofia Ek'],
  ],
  '1153': [
    ['ANJO01', 'Annika Johansson'],
    ['THLA02', 'Thomas Larsson'],
  ],
  '1218': [
    ['HEKA01', 'Helena Karlsson'],
    ['STOL02', 'Stefan Olsson'],
  ],
  '1276': [
    ['CAPE01', 'Camilla Persson'],
    ['MASV02', 'Magnus Svensson'],
  ],
  '1334': [
    ['LIGU01', 'Linda Gustafsson'],
    ['NIJA02', 'Niklas Jakobsson'],
  ],
  '1389': [
    ['ULMA01', 'Ulrika Magnusson'],
    ['BJPE02', 'Björn Pettersson'],
    ['JEHE03', 'Jenny Hedberg'],
  ],
  '1425': [
    ['AGLI01', 'Agneta Lindberg'],
    ['ROAX02', 'Robert Axelsson'],
  ],
  '1490': [
    ['SUMO01', 'Susanne Mattsson'],
    ['TOBE02', 'Tobias Berg'],
  ],
};

/** Every employer-side person of each organisation (customer number → people), mock users first. */
export function employerPeopleByOrganisation(users: readonly User[]): Map<string, UserRef[]> {
  const map = new Map<string, UserRef[]>();
  for (const org of ORGANISATIONS) map.set(org.customerNumber, []);
  for (const u of users) {
    if (u.side === 'employer' && u.organisation) {
      map.get(u.organisation.customerNumber)!.push({ id: u.id, name: u.name, side: 'employer' });
    }
  }
  for (const [customerNumber, people] of Object.entries(EXTRA_EMPLOYER_NAMES)) {
    for (const [id, name] of people) map.get(customerNumber)!.push({ id, name, side: 'employer' });
  }
  // Two made-up people in each generated organisation (ids from the organisation's place).
  GENERATED_ORGANISATION_LIST.forEach((org, i) => {
    const name = (k: number) =>
      `${GENERATED_FIRST_NAMES[(i + k) % GENERATED_FIRST_NAMES.length]!} ${GENERATED_LAST_NAMES[(i + 3 * k) % GENERATED_LAST_NAMES.length]!}`;
    const letters = [...org.customerNumber.slice(1)].map((d) => 'ABCDEFGHIJ'[Number(d)]).join('') + 'X';
    map
      .get(org.customerNumber)!
      .push(
        { id: `${letters}01`, name: name(0), side: 'employer' },
        { id: `${letters}02`, name: name(4), side: 'employer' },
      );
  });
  return map;
}

const GENERATED_FIRST_NAMES = ['Eva', 'Lars', 'Anna', 'Per', 'Karin', 'Nils', 'Ingrid', 'Olof', 'Maja'];
const GENERATED_LAST_NAMES = [
  'Ek',
  'Lund',
  'Strand',
  'Berg',
  'Holm',
  'Dahl',
  'Nord',
  'Sjö',
  'Viklund',
  'Ström',
  'Moberg',
];

/** KPA staff who write in the seeded conversations (the switchable officer first). */
export const KPA_STAFF: readonly UserRef[] = Object.freeze([
  { id: MOCK_USER_IDS.officer, name: 'Katarina Hallberg', side: 'kpa' },
  { id: 'KPJL02', name: 'Jonas Lindström', side: 'kpa' },
  { id: 'KPMS03', name: 'Marie Sandström', side: 'kpa' },
  { id: 'KPAN04', name: 'Anders Nyström', side: 'kpa' },
  { id: 'KPLW05', name: 'Louise Wallin', side: 'kpa' },
] satisfies UserRef[]);

export const MEGABYTE = 1024 * 1024;

export function createServerConfig(): ServerConfig {
  return {
    attachments: {
      maxBytes: 10 * MEGABYTE,
      maxFiles: 1,
      allowedTypes: [
        { extension: 'pdf', mimeTypes: ['application/pdf'] },
        { extension: 'jpg', mimeTypes: ['image/jpeg'] },
        { extension: 'jpeg', mimeTypes: ['image/jpeg'] },
        { extension: 'png', mimeTypes: ['image/png'] },
        {
          extension: 'docx',
          mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        },
        {
          extension: 'xlsx',
          mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
        { extension: 'txt', mimeTypes: ['text/plain'] },
        // Windows browsers report CSV files as application/vnd.ms-excel.
        { extension: 'csv', mimeTypes: ['text/csv', 'application/vnd.ms-excel'] },
      ],
    },
    messageMaxLength: 5000,
    expectedReplyWorkingDays: 3,
  };
}

/**
 * Test personnummer published by Skatteverket (the Swedish Tax Agency) as open data
 * ("Testpersonnummer", dataset 147 in Skatteverket's open data catalogue,
 * https://skatteverket.entryscape.net/catalog/9/datasets/147). They are reserved for testing and
 * belong to no real person. These twenty entries were taken from that list as mirrored in
 * ActiveLogin.Identity (src/ActiveLogin.Identity.Swedish.TestData/AllPins.fs, generated from
 * Skatteverket's CSV files) and each passes the Luhn check (asserted in the mock tests).
 *
 * The mock data never contains any other personnummer. The names are made up and only chosen
 * to match the legal gender digit (odd = man, even = woman).
 */
export interface TestPerson {
  /** Twelve digits, YYYYMMDDNNNC. */
  personnummer: string;
  firstName: string;
  lastName: string;
}

export const TEST_PERSONS: readonly TestPerson[] = Object.freeze([
  { personnummer: '195512262667', firstName: 'Birgitta', lastName: 'Lindholm' },
  { personnummer: '195710312686', firstName: 'Margareta', lastName: 'Ek' },
  { personnummer: '195808052384', firstName: 'Gunilla', lastName: 'Åberg' },
  { personnummer: '196005272809', firstName: 'Ingrid', lastName: 'Nordström' },
  { personnummer: '196009172336', firstName: 'Lars', lastName: 'Hedlund' },
  { personnummer: '196011242820', firstName: 'Eva', lastName: 'Sundqvist' },
  { personnummer: '196507132758', firstName: 'Mats', lastName: 'Blom' },
  { personnummer: '196606063193', firstName: 'Per', lastName: 'Öberg' },
  { personnummer: '197910209290', firstName: 'Fredrik', lastName: 'Strand' },
  { personnummer: '198003219295', firstName: 'Jonas', lastName: 'Wikström' },
  { personnummer: '198307259294', firstName: 'Daniel', lastName: 'Engström' },
  { personnummer: '198610279880', firstName: 'Sara', lastName: 'Falk' },
  { personnummer: '198910272395', firstName: 'Andreas', lastName: 'Lund' },
  { personnummer: '199010192392', firstName: 'Emil', lastName: 'Sjögren' },
  { personnummer: '199012182391', firstName: 'Viktor', lastName: 'Holm' },
  { personnummer: '199101072388', firstName: 'Emma', lastName: 'Dahlberg' },
  { personnummer: '199209102392', firstName: 'Oscar', lastName: 'Bergman' },
  { personnummer: '199505152380', firstName: 'Elin', lastName: 'Nyberg' },
  { personnummer: '199509192390', firstName: 'Filip', lastName: 'Eklund' },
  { personnummer: '199805082394', firstName: 'Hugo', lastName: 'Forsberg' },
] as const);

/** The twelve-digit forms, for membership checks. */
export const TEST_PERSONNUMMER: ReadonlySet<string> = new Set(TEST_PERSONS.map((p) => p.personnummer));

/** The ways people write a personnummer in free text; all must be found by the text search. */
export const PERSONNUMMER_FORMS = ['long-dash', 'short-dash', 'long', 'short'] as const;
export type PersonnummerForm = (typeof PERSONNUMMER_FORMS)[number];

export function writePersonnummer(twelveDigits: string, form: PersonnummerForm): string {
  const date = twelveDigits.slice(0, 8);
  const tail = twelveDigits.slice(8);
  switch (form) {
    case 'long-dash':
      return `${date}-${tail}`; // 19121212-1212
    case 'short-dash':
      return `${date.slice(2)}-${tail}`; // 121212-1212
    case 'long':
      return twelveDigits; // 191212121212
    case 'short':
      return `${date.slice(2)}${tail}`; // 1212121212
  }
}

import { expect } from '@open-wc/testing';
import {
  findOrganisation,
  formatOrganisationNumber,
  organisationLabel,
} from '../../src/domain/organisations.js';
import type { Organisation } from '../../src/domain/types.js';

const list: Organisation[] = [
  { customerNumber: '1042', organisationNumber: '2120009871', name: 'Sjöviks kommun' },
  { customerNumber: '2013', organisationNumber: '2321000912', name: 'Region Sjövik' },
  { customerNumber: '3000', organisationNumber: '5560009921', name: 'Åsby Energi AB' },
  { customerNumber: '3001', organisationNumber: '5560009939', name: 'Åsby Energi AB' },
];

describe('domain/organisations', () => {
  it('writes organisation numbers with the hyphen and labels organisations with them', () => {
    expect(formatOrganisationNumber('2120009871')).to.equal('212000-9871');
    expect(formatOrganisationNumber('12345')).to.equal('12345');
    expect(organisationLabel(list[0]!)).to.equal('Sjöviks kommun (212000-9871)');
  });

  const found: [string, string | undefined][] = [
    ['Sjöviks kommun (212000-9871)', '1042'],
    ['sjöviks kommun  (212000-9871)', '1042'],
    ['  sjöviks   KOMMUN ', '1042'],
    ['212000-9871', '1042'],
    ['2120009871', '1042'],
    ['1042', '1042'],
    ['region sjövik', '2013'],
    ['Sjövik', undefined],
    ['', undefined],
    // Two organisations of the same name: only the number tells them apart.
    ['Åsby Energi AB', undefined],
    ['Åsby Energi AB (556000-9939)', '3001'],
  ];
  for (const [text, customerNumber] of found) {
    it(`"${text}" → ${customerNumber ?? 'none'}`, () =>
      expect(findOrganisation(list, text)?.customerNumber).to.equal(customerNumber));
  }
});

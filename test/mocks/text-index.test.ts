import { expect } from '@open-wc/testing';
import { indexConversationText, matchesText } from '../../mocks/search.js';
import { createMockBackend } from '../../mocks/index.js';
import { TextIndex } from '../../mocks/text-index.js';
import { PERSONNUMMER_FORMS, TEST_PERSONS, writePersonnummer } from '../../mocks/test-personnummer.js';
import { NOW } from './helpers.js';

const conversation = (...bodies: string[]) => ({ index: indexConversationText(bodies) });

describe('mock store: the Meddelandetext index', () => {
  const records = createMockBackend({ seed: 11, size: 600, now: NOW }).store.records();
  const person = TEST_PERSONS.find((p) => records.some((r) => r.index.personnummer.has(p.personnummer)))!;
  const queries = [
    '',
    'a',
    'mars',
    'LÖN  för',
    'lönerapportering',
    'finns inte i något meddelande',
    '1212',
    '20',
    ...PERSONNUMMER_FORMS.map((form) => writePersonnummer(person.personnummer, form)),
    'x\u0001y',
  ];

  for (const query of queries) {
    it(`answers ${JSON.stringify(query)} as asking each conversation would`, () => {
      const numbers = (list: readonly (typeof records)[number][]) => list.map((r) => r.summary.number);
      const expected = numbers(records.filter((r) => matchesText(r.index, query)));
      expect(numbers(new TextIndex(records).matching(query))).to.deep.equal(expected);
    });
  }

  it('finds nothing across the end of one conversation and the start of the next', () => {
    const list = [conversation('Lön för mars'), conversation('april gäller')];
    const index = new TextIndex(list);
    expect(index.matching('mars april')).to.deep.equal([]);
    expect(index.matching('marsapril')).to.deep.equal([]);
    expect(index.matching('mars')).to.deep.equal([list[0]]);
    expect(index.matching('april')).to.deep.equal([list[1]]);
  });

  it('knows when its list or a conversation in it has changed', () => {
    const list = [conversation('Lön för mars'), conversation('april')];
    const index = new TextIndex(list);
    expect(index.isCurrentFor(list)).to.equal(true);
    expect(index.isCurrentFor([...list])).to.equal(false);
    list[1] = conversation('april', 'maj');
    expect(index.isCurrentFor(list)).to.equal(false);
    list.push(conversation('juni'));
    expect(index.isCurrentFor(list)).to.equal(false);
  });
});

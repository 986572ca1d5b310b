import { expect } from '@open-wc/testing';
import * as domain from '../../src/domain/index.js';

describe('domain/index', () => {
  // One export per module proves each module is re-exported.
  const names = [
    'CONVERSATION_EVENTS', // transitions
    'nextStatus',
    'validateMessageBody', // validators
    'parsePersonnummer', // personnummer
    'validateFilters', // filters
    'formatFileSize', // format
    'STATUSES', // status
    'DEFAULT_FILTERS', // query
    'SIDES', // types
  ];
  for (const name of names) {
    it(`re-exports ${name}`, () => {
      expect(domain).to.have.property(name).that.is.not.equal(undefined);
    });
  }
});

import { expect } from '@open-wc/testing';
import * as domain from '../../src/domain/index.js';

describe('domain/index', () => {
  it('exports exactly what a host needs: the vocabulary, its validators and formatters', () => {
    // Types leave no trace at run time; every value the public entry gives is listed here, so a
    // module re-exported whole by mistake (form checks, permissions, the mock's status table) fails.
    expect(Object.keys(domain).sort()).to.deep.equal(
      [
        'DEFAULT_FILTERS',
        'DEFAULT_SORT',
        'HISTORY_ACTIONS',
        'PAGE_SIZES',
        'READER_STATUSES',
        'readerStatus',
        'statusesOf',
        'SIDES',
        'SORT_DIRECTIONS',
        'SORT_KEYS',
        'STATUSES',
        'formatDate',
        'formatDateTime',
        'formatFileSize',
        'formatNumber',
        'isStatus',
        'isolated',
        'needsAttention',
        'normalisePersonnummer',
        'parsePersonnummer',
        'plainFileName',
        'validateMessageNumber',
        'validateUserId',
        'workingDaysSince',
      ].sort(),
    );
  });
});

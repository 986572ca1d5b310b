import { expect } from '@open-wc/testing';
import { conversation } from '../../fixtures.js';
import { timelineOf } from '../../../src/elements/secure-thread/thread-timeline.js';

const author = { id: 'NAEF00', name: 'Namn Efternamn', side: 'employer' as const };

describe('timelineOf', () => {
  it('orders messages and history by time; a history entry comes first at the same instant', () => {
    const c = conversation({
      messages: [
        { id: 'm1', author, sentAt: '2026-03-01T10:00:00Z', body: 'a', attachments: [] },
        { id: 'm2', author, sentAt: '2026-03-01T12:00:00Z', body: 'b', attachments: [] },
      ],
      history: [
        { action: 'claimed', actor: author, at: '2026-03-01T11:00:00Z' },
        { action: 'reopened', actor: author, at: '2026-03-01T12:00:00Z' },
      ],
    });
    expect(timelineOf(c).map((i) => (i.kind === 'message' ? i.message.id : i.entry.action))).to.deep.equal([
      'm1',
      'claimed',
      'reopened',
      'm2',
    ]);
  });
});

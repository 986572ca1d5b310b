import { expect } from '@open-wc/testing';
import type { Conversation } from '../../../src/domain/index.js';
import { timelineOf } from '../../../src/elements/secure-thread/thread-timeline.js';

const author = { id: 'NAEF00', name: 'Namn Efternamn', side: 'employer' as const };

function conversation(extra: Partial<Conversation>): Conversation {
  return {
    number: '10001',
    subject: { id: 'berakning', name: 'Beräkning' },
    status: 'new',
    lastActivityAt: '2026-03-01T10:00:00Z',
    assignee: null,
    organisation: { customerNumber: '0000', organisationNumber: '0000000000', name: 'Kundnamnet' },
    messages: [],
    history: [],
    version: 'v1',
    ...extra,
  };
}

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

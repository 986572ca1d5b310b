import { expect } from '@open-wc/testing';
import { STATUSES, type Status } from '../../src/domain/status.js';
import {
  CONVERSATION_EVENTS,
  InvalidTransitionError,
  nextStatus,
  type ConversationEvent,
} from '../../mocks/transitions.js';

describe('mocks/transitions', () => {
  describe('nextStatus: one case per cell of the PRODUCT.md table', () => {
    // [current, employer sends, KPA sends, KPA closes]; null in the last column = impossible.
    const table: [Status | null, Status, Status, Status | null][] = [
      [null, 'sent', 'new', null],
      ['new', 'answered', 'new', 'closed'],
      ['sent', 'sent', 'reply-received', 'closed'],
      ['answered', 'answered', 'reply-received', 'closed'],
      ['reply-received', 'sent', 'reply-received', 'closed'],
      ['closed', 'sent', 'reply-received', 'closed'],
    ];

    it('covers every status and every event', () => {
      expect(table.map((row) => row[0])).to.have.members([null, ...STATUSES]);
      expect(CONVERSATION_EVENTS).to.deep.equal(['employer-sends', 'kpa-sends', 'kpa-closes']);
    });

    for (const [current, ...expected] of table) {
      CONVERSATION_EVENTS.forEach((event, column) => {
        const next = expected[column];
        if (next === null) {
          it(`${current ?? '(new)'} + ${event} throws InvalidTransitionError`, () => {
            let caught: unknown;
            try {
              nextStatus(current, event);
            } catch (error) {
              caught = error;
            }
            expect(caught).to.be.instanceOf(InvalidTransitionError);
            expect(caught).to.be.instanceOf(Error);
            const e = caught as InvalidTransitionError;
            expect(e.name).to.equal('InvalidTransitionError');
            expect(e.current).to.equal(current);
            expect(e.event).to.equal(event);
            expect(e.message).to.contain(event);
          });
        } else {
          it(`${current ?? '(new)'} + ${event} → ${next}`, () => {
            expect(nextStatus(current, event)).to.equal(next);
          });
        }
      });
    }

    it('names the status in the error message of an impossible transition from a status', () => {
      // No such cell exists in the table today; the message format is checked on a constructed error.
      const error = new InvalidTransitionError('sent', 'kpa-closes' as ConversationEvent);
      expect(error.message).to.contain('status "sent"');
      expect(new InvalidTransitionError(null, 'kpa-closes').message).to.contain('a new conversation');
    });

    it('reopens a closed conversation when the employer replies', () => {
      expect(nextStatus(nextStatus('closed', 'employer-sends'), 'kpa-sends')).to.equal('reply-received');
    });
  });
});

import { expect } from '@open-wc/testing';
import { STATUSES, type Status } from '../../src/domain/status.js';
import {
  CONVERSATION_EVENTS,
  InvalidTransitionError,
  canClaim,
  canClose,
  canRelease,
  canTakeOver,
  nextStatus,
  sameUserId,
  type ConversationEvent,
} from '../../src/domain/transitions.js';
import type { User, UserRef } from '../../src/domain/types.js';
import { ref, user } from './helpers.js';

describe('domain/transitions', () => {
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

  describe('sameUserId', () => {
    const cases: [string, string, boolean][] = [
      ['NAEF00', 'NAEF00', true],
      ['naef00', 'NAEF00', true],
      ['NaEf00', 'nAeF00', true],
      [' NAEF00 ', 'naef00', true],
      ['NAEF00', 'NAEF01', false],
      ['ABCD01', 'NAEF00', false],
      ['', '', true],
    ];
    for (const [a, b, expected] of cases) {
      it(`"${a}" vs "${b}" → ${expected}`, () => {
        expect(sameUserId(a, b)).to.equal(expected);
        expect(sameUserId(b, a)).to.equal(expected);
      });
    }
  });

  describe('claim, release and take over', () => {
    const employer = user('NAEF00', { canAssign: true });
    const officer = user('KPAH01', { canClose: true, canChooseOrganisation: true }, 'kpa');
    const assignees: [string, (u: User) => UserRef | null][] = [
      ['nobody', () => null],
      ['the user (id in other case)', (u) => ref(u.id.toLowerCase())],
      ['someone else', () => ref('ABCD01')],
    ];
    // [user, assignee label, canClaim, canRelease, canTakeOver]
    const cases: [User, string, boolean, boolean, boolean][] = [
      [employer, 'nobody', true, false, false],
      [employer, 'the user (id in other case)', false, true, false],
      [employer, 'someone else', false, false, true],
      [officer, 'nobody', false, false, false],
      [officer, 'the user (id in other case)', false, false, false],
      [officer, 'someone else', false, false, false],
    ];
    for (const [u, label, claim, release, takeOver] of cases) {
      it(`${u.side} user (canAssign ${u.capabilities.canAssign}), assignee ${label}`, () => {
        const assignee = assignees.find(([l]) => l === label)![1](u);
        const c = { assignee };
        expect(canClaim(u, c), 'canClaim').to.equal(claim);
        expect(canRelease(u, c), 'canRelease').to.equal(release);
        expect(canTakeOver(u, c), 'canTakeOver').to.equal(takeOver);
      });
    }
  });

  describe('canClose', () => {
    const employer = user('NAEF00', { canAssign: true });
    const officer = user('KPAH01', { canClose: true }, 'kpa');
    for (const status of STATUSES) {
      it(`status ${status}: KPA ${status !== 'closed'}, employer false`, () => {
        expect(canClose(officer, { status })).to.equal(status !== 'closed');
        expect(canClose(employer, { status })).to.equal(false);
      });
    }
  });
});

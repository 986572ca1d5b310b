import { expect } from '@open-wc/testing';
import { STATUSES } from '../../src/domain/status.js';
import { canClaim, canClose, canRelease, canTakeOver, sameUserId } from '../../src/domain/permissions.js';
import type { User, UserRef } from '../../src/domain/types.js';
import { ref, user } from './helpers.js';

describe('domain/permissions', () => {
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

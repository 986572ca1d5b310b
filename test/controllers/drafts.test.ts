import { expect } from '@open-wc/testing';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import {
  emptyDraft,
  hasUnsentContent,
  NEW_CONVERSATION_DRAFT,
  replyDraftKey,
} from '../../src/controllers/drafts.js';
import { discardDraft, getDraft } from '../../src/controllers/session.js';

const adapter = () => ({}) as SecureMessagesAdapter;

describe('drafts (in memory per adapter)', () => {
  it('gives the same draft for the same adapter and key, another for another adapter or key', () => {
    const a = adapter();
    const b = adapter();
    const draft = getDraft(a, NEW_CONVERSATION_DRAFT);
    draft.body = 'text';
    expect(getDraft(a, NEW_CONVERSATION_DRAFT)).to.equal(draft);
    expect(getDraft(b, NEW_CONVERSATION_DRAFT).body).to.equal('');
    expect(getDraft(a, replyDraftKey('60001')).body).to.equal('');
  });

  it('forgets a discarded draft', () => {
    const a = adapter();
    getDraft(a, replyDraftKey('60001')).body = 'svar';
    discardDraft(a, replyDraftKey('60001'));
    expect(getDraft(a, replyDraftKey('60001')).body).to.equal('');
  });

  const cases: [string, Partial<ReturnType<typeof emptyDraft>>, boolean][] = [
    ['empty', {}, false],
    ['white space only', { body: ' \n ' }, false],
    ['a subject only', { subjectId: 'berakning' }, false],
    ['text', { body: 'Hej' }, true],
    ['a file', { files: [new File(['x'], 'a.pdf')] }, true],
  ];
  for (const [name, patch, expected] of cases) {
    it(`hasUnsentContent: ${name} → ${expected}`, () => {
      expect(hasUnsentContent({ ...emptyDraft(), ...patch })).to.equal(expected);
    });
  }
});

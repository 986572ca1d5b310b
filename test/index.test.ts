import { expect } from '@open-wc/testing';
import * as library from '../src/index.js';

/** The main entry point gives the classes without registering anything (no side effects). */
describe('the main entry point', () => {
  const classes = [
    ['secure-adapter-provider', library.SecureAdapterProvider],
    ['secure-inbox', library.SecureInbox],
    ['secure-compose', library.SecureCompose],
    ['secure-thread', library.SecureThread],
    ['secure-messages', library.SecureMessages],
    ['notice-badge', library.NoticeBadge],
  ] as const;

  for (const [tag, ctor] of classes) {
    it(`exports the class of <${tag}> and does not register it`, () => {
      expect(ctor.prototype).to.be.instanceOf(HTMLElement);
      expect(customElements.get(tag)).to.equal(undefined);
    });
  }

  it('lets a host register a class under a tag of its own', () => {
    library.defineElement('kpa-inbox-under-test', library.SecureInbox);
    expect(customElements.get('kpa-inbox-under-test')).to.equal(library.SecureInbox);
  });

  it('exports the public API only: the elements, their events, defineElement and forgetSession', () => {
    expect(new library.SecureMessageSentEvent({ number: '60001', reply: false }).type).to.equal(
      'secure-message-sent',
    );
    // Values only (types leave nothing at run time). The adapter and the domain have entries of
    // their own; anything else here would be internals made public by accident.
    expect(Object.keys(library).sort()).to.deep.equal(
      [
        'NoticeBadge',
        'SecureAdapterProvider',
        'SecureAuthRequiredEvent',
        'SecureComposeOpenEvent',
        'SecureCompose',
        'SecureConversationChangedEvent',
        'SecureConversationOpenEvent',
        'SecureInbox',
        'SecureInboxQueryChangedEvent',
        'SecureMessageSentEvent',
        'SecureMessages',
        'SecureThread',
        'defineElement',
        'forgetSession',
      ].sort(),
    );
  });
});

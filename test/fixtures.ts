/**
 * Builders of domain objects for tests that need a conversation or an inbox row without a
 * backend. Every builder fills in a plausible default and takes overrides for what a test is about.
 */
import type { Status } from '../src/domain/status.js';
import type { Conversation, ConversationSummary, Organisation } from '../src/domain/types.js';

/** The employer organisation of the manual's screenshots. */
export const ORGANISATION: Organisation = {
  customerNumber: '0000',
  organisationNumber: '0000000000',
  name: 'Kundnamnet',
};

/** An inbox row. */
export function summary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    number: '10000',
    subject: { id: 'ovrigt', name: 'Övrigt' },
    status: 'sent',
    lastActivityAt: '2026-01-01T10:00:00.000Z',
    assignee: null,
    organisation: ORGANISATION,
    ...overrides,
  };
}

/** A whole conversation, with no messages or history unless given. */
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    number: '10001',
    subject: { id: 'berakning', name: 'Beräkning' },
    status: 'new',
    lastActivityAt: '2026-03-01T10:00:00Z',
    assignee: null,
    organisation: ORGANISATION,
    messages: [],
    history: [],
    version: 'v1',
    ...overrides,
  };
}

/** The statuses as the manual words them, written out by hand (what a user reads and finds by). */
export const STATUS_WORDS: Readonly<Record<Status, string>> = {
  new: 'Nytt meddelande',
  sent: 'Skickat',
  answered: 'Besvarat',
  'reply-received': 'Svar inkommit',
  closed: 'Avslutad',
};

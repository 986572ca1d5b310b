/**
 * The named fixtures of every test: the mock backend's people and organisation (one name per id,
 * from `mocks/fixtures.ts`), and builders of domain objects for tests that need a conversation or
 * an inbox row without a backend. Every builder fills in a plausible default and takes overrides
 * for what a test is about.
 */
import { createMockUsers, HOME_ORGANISATION, KPA_STAFF, MOCK_USER_IDS } from '../mocks/fixtures.js';
import type { Status } from '../src/domain/status.js';
import type { Conversation, ConversationSummary, Organisation, User, UserRef } from '../src/domain/types.js';

export { MOCK_USER_IDS };

const USERS = createMockUsers();

function user(id: string): User {
  const found = USERS.find((u) => u.id === id);
  if (!found) throw new Error(`no mock user ${id}`);
  return found;
}

function ref(id: string): UserRef {
  const { name, side } = [...USERS, ...KPA_STAFF].find((u) => u.id === id) ?? user(id);
  return { id, name, side };
}

/** The employer organisation of the manual's screenshots. */
export const ORGANISATION: Organisation = HOME_ORGANISATION;

/** The signed-in employer user (Namn Efternamn, NAEF00). */
export const USER: User = user(MOCK_USER_IDS.employer);

/** A colleague in the same organisation (Anna Berglund, ABCD01): an author or an assignee. */
export const COLLEAGUE: UserRef = ref(MOCK_USER_IDS.colleague);

/** The KPA officer one can sign in as (Katarina Hallberg, KPAH01). */
export const OFFICER: UserRef = ref(MOCK_USER_IDS.officer);

/** Another KPA officer who writes in the seeded conversations (Jonas Lindström, KPJL02). */
export const SECOND_OFFICER: UserRef = ref('KPJL02');

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
    ...summary({
      number: '10001',
      subject: { id: 'berakning', name: 'Beräkning' },
      status: 'new',
      lastActivityAt: '2026-03-01T10:00:00Z',
    }),
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

/** The same statuses as KPA staff read them: whom the conversation waits for. */
export const OFFICER_STATUS_WORDS: Readonly<Record<Status, string>> = {
  new: 'Väntar på arbetsgivaren',
  sent: 'Väntar på KPA',
  answered: 'Väntar på KPA',
  'reply-received': 'Väntar på arbetsgivaren',
  closed: 'Avslutad',
};

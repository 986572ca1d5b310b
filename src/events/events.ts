import type { ConversationFilters, PageSize, Sort } from '../domain/query.js';
import type { Status } from '../domain/status.js';

/**
 * The events the elements fire outward. Every one bubbles and is composed, so a host listens on
 * any ancestor, across shadow roots. Names are `secure-<noun>-<verb>`: past tense for facts,
 * present tense and cancelable for intents the host may take over (call `preventDefault()`).
 * Details carry ids and plain data, never DOM nodes and never message text.
 */

const init = { bubbles: true, composed: true } as const;

export interface ConversationOpenDetail {
  /** Meddelandenummer of the conversation to open. */
  number: string;
}

/** Intent: the user chose a conversation. Cancel it to open the conversation yourself. */
export class SecureConversationOpenEvent extends CustomEvent<ConversationOpenDetail> {
  static readonly eventName = 'secure-conversation-open';
  constructor(number: string) {
    super(SecureConversationOpenEvent.eventName, { ...init, cancelable: true, detail: { number } });
  }
}

/** Intent: the user chose Nytt meddelande. Cancel it to show your own compose view. */
export class SecureComposeOpenEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'secure-compose-open';
  constructor() {
    super(SecureComposeOpenEvent.eventName, { ...init, cancelable: true, detail: {} });
  }
}

/**
 * Fact: the backend answered 401. The host should let the user sign in again; the element keeps
 * everything the user typed and retries when asked.
 */
export class SecureAuthRequiredEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'secure-auth-required';
  constructor() {
    super(SecureAuthRequiredEvent.eventName, { ...init, detail: {} });
  }
}

/** The inbox query as the `secure-inbox-query-change` event tells it: everything but the search text. */
export interface InboxQueryChangeDetail {
  /** The filters without Meddelandetext (free text is personal data and never leaves the element in events). */
  filters: Omit<ConversationFilters, 'text'>;
  /** True when a Meddelandetext filter is in force (read the element's `query` property for the text itself). */
  hasText: boolean;
  sort: Sort;
  /** 1-based page. */
  page: number;
  pageSize: PageSize;
}

/**
 * Fact: the user changed the inbox's filters, sort, page or page size, and a new search was sent.
 * The detail leaves out the search text on purpose; a host that wants to keep the whole state (in
 * memory only) reads `query` from the element.
 */
export class SecureInboxQueryChangeEvent extends CustomEvent<InboxQueryChangeDetail> {
  static readonly eventName = 'secure-inbox-query-change';
  constructor(detail: InboxQueryChangeDetail) {
    super(SecureInboxQueryChangeEvent.eventName, { ...init, detail });
  }
}

export interface MessageSentDetail {
  /** Meddelandenummer of the conversation the message went to (new or existing). */
  number: string;
  /** True for a reply in an existing conversation, false for a new conversation. */
  reply: boolean;
}

/** Fact: a message was stored by the server (exactly once, however often it was retried). */
export class SecureMessageSentEvent extends CustomEvent<MessageSentDetail> {
  static readonly eventName = 'secure-message-sent';
  constructor(detail: MessageSentDetail) {
    super(SecureMessageSentEvent.eventName, { ...init, detail });
  }
}

export interface ConversationChangeDetail {
  /** Meddelandenummer of the conversation. */
  number: string;
  /** What the user did. */
  change: 'claimed' | 'released' | 'taken-over' | 'closed' | 'replied';
  /** The conversation's status afterwards. */
  status: Status;
  /** Ansvarig afterwards (user id), or null. */
  assigneeId: string | null;
}

/** Fact: the user changed a conversation's assignment or status (or replied to it). */
export class SecureConversationChangeEvent extends CustomEvent<ConversationChangeDetail> {
  static readonly eventName = 'secure-conversation-change';
  constructor(detail: ConversationChangeDetail) {
    super(SecureConversationChangeEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-conversation-open': SecureConversationOpenEvent;
    'secure-compose-open': SecureComposeOpenEvent;
    'secure-auth-required': SecureAuthRequiredEvent;
    'secure-inbox-query-change': SecureInboxQueryChangeEvent;
    'secure-message-sent': SecureMessageSentEvent;
    'secure-conversation-change': SecureConversationChangeEvent;
  }
}

import type { ConversationFilters, PageSize, Sort } from '../domain/query.js';
import { bubbling } from './init.js';

/** The inbox query as the `secure-inbox-query-changed` event tells it: everything but the search text. */
export interface InboxQueryChangedDetail {
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
export class SecureInboxQueryChangedEvent extends CustomEvent<InboxQueryChangedDetail> {
  static readonly eventName = 'secure-inbox-query-changed';
  constructor(detail: InboxQueryChangedDetail) {
    super(SecureInboxQueryChangedEvent.eventName, { ...bubbling, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-inbox-query-changed': SecureInboxQueryChangedEvent;
  }
}

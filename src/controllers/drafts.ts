/**
 * Drafts being written, kept in memory per adapter instance so that they survive moving between
 * views inside the feature (a new element on the same adapter finds the draft again) and every
 * failed send. Deliberately never written to localStorage, sessionStorage, IndexedDB or cookies:
 * a draft holds personal data, and it is gone when the page is.
 */

export interface MessageDraft {
  /** Ämne (new conversations only); '' until chosen. */
  subjectId: string;
  /** Recipient organisation's kundnummer (new conversations by KPA staff only); '' until chosen. */
  organisationCustomerNumber: string;
  /** The text exactly as typed. */
  body: string;
  /** Chosen attachments, in the order chosen. */
  files: File[];
  /**
   * The Idempotency-Key of this draft: made on the first send and reused for every retry, so the
   * server stores the message once. Dropped when the user edits the draft after a send that
   * certainly stored nothing.
   */
  idempotencyKey: string | undefined;
  /**
   * A send may have reached the server without the answer reaching us. Until a retry with the same
   * key tells what happened, the draft must not change (a changed draft under the same key would be
   * a different message).
   */
  outcomeUnknown: boolean;
}

/** The key of the draft of a new conversation. */
export const NEW_CONVERSATION_DRAFT = 'new';

/** The key of the reply draft of conversation `number`. */
export function replyDraftKey(number: string): string {
  return `reply:${number}`;
}

export function emptyDraft(): MessageDraft {
  return {
    subjectId: '',
    organisationCustomerNumber: '',
    body: '',
    files: [],
    idempotencyKey: undefined,
    outcomeUnknown: false,
  };
}

const drafts = new WeakMap<object, Map<string, MessageDraft>>();

/** The draft under `key` for this adapter, made empty on first use; the same object every time. */
export function getDraft(adapter: object, key: string): MessageDraft {
  let byKey = drafts.get(adapter);
  if (!byKey) {
    byKey = new Map();
    drafts.set(adapter, byKey);
  }
  let draft = byKey.get(key);
  if (!draft) {
    draft = emptyDraft();
    byKey.set(key, draft);
  }
  return draft;
}

/** Forgets the draft under `key` (after it was sent). */
export function discardDraft(adapter: object, key: string): void {
  drafts.get(adapter)?.delete(key);
}

/** True when the draft holds something the user would lose: text or files. */
export function hasUnsentContent(draft: MessageDraft): boolean {
  return draft.body.trim() !== '' || draft.files.length > 0;
}

import type { ServerConfig } from '../domain/config.js';
import type { SearchQuery, SearchResult } from '../domain/query.js';
import type { Conversation, Organisation, Subject, User } from '../domain/types.js';

/** Progress of an upload, in bytes. `total` is 0 when unknown. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of a write that creates a message. */
export interface SendOptions {
  signal: AbortSignal;
  /**
   * One key per draft, reused on every retry of that draft, so that the server stores the
   * message once however often it is sent (sent as the `Idempotency-Key` header).
   */
  idempotencyKey: string;
  onProgress?: (progress: UploadProgress) => void;
}

/** Options of a read. */
export interface ReadOptions {
  /**
   * True when no user asked for this request: polling, a refresh after a change elsewhere, the
   * tab showing again. The REST adapter sends it as `X-Background-Request: 1`, and a server must
   * not let such a request extend an idle session (api/openapi.yaml).
   */
  background?: boolean;
}

/** A new conversation as the user wrote it. */
export interface NewConversationDraft {
  subjectId: string;
  body: string;
  files: File[];
  /** KPA staff only: the recipient organisation's customer number. */
  organisationCustomerNumber?: string;
}

export interface ReplyDraft {
  body: string;
  files: File[];
}

/** A downloaded attachment: the bytes and the name to save them under. */
export interface DownloadedAttachment {
  blob: Blob;
  name: string;
}

/** What changed, so that other elements on the page can refresh (e.g. the notice badge). */
export interface ConversationChange {
  type: 'created' | 'replied' | 'claimed' | 'released' | 'taken-over' | 'closed';
  /** Meddelandenummer of the conversation that changed. */
  number: string;
}

export type ChangeListener = (change: ConversationChange) => void;

/**
 * What the server's live stream (`GET /events`) says: numbers, versions and counts only, each with
 * the event's id for resuming. `alive` is any other sign of life (a heartbeat, a `retry:`).
 */
export type LiveEvent =
  | { type: 'conversation'; id: string; number: string; version: string }
  | { type: 'notices'; id: string; count: number }
  | { type: 'reset'; id: string }
  | { type: 'alive' };

/**
 * Everything the elements need from a backend. Elements never call `fetch`; they get an object
 * implementing this interface, as a property or from `<secure-adapter-provider>`.
 *
 * Every call takes an `AbortSignal`; an aborted call rejects with the signal's reason. Failures
 * reject with one of the typed errors in `errors.ts`.
 */
export interface SecureMessagesAdapter {
  /** The signed-in user with capabilities. */
  getCurrentUser(signal: AbortSignal): Promise<User>;
  /** Ämnen, in the order the server gives them. */
  getSubjects(signal: AbortSignal): Promise<Subject[]>;
  /** Organisations a KPA case officer may write to (empty for employer users). */
  getOrganisations(signal: AbortSignal): Promise<Organisation[]>;
  /** Attachment limits, message length, expected reply time. */
  getServerConfig(signal: AbortSignal): Promise<ServerConfig>;
  /** One page of conversations; filtering, sorting and paging happen on the server. */
  searchConversations(query: SearchQuery, signal: AbortSignal, options?: ReadOptions): Promise<SearchResult>;
  /** One conversation by its Meddelandenummer. Reading never changes its status. */
  getConversation(number: string, signal: AbortSignal, options?: ReadOptions): Promise<Conversation>;
  /** Starts a conversation; the server gives it its Meddelandenummer. */
  createConversation(draft: NewConversationDraft, options: SendOptions): Promise<Conversation>;
  /** Adds a message; a reply to an Avslutad conversation reopens it. */
  reply(number: string, draft: ReplyDraft, options: SendOptions): Promise<Conversation>;
  /** Jag arbetar med ärendet: the current user becomes assignee of an unassigned conversation. */
  claim(number: string, version: string, signal: AbortSignal): Promise<Conversation>;
  /** Unticking Jag arbetar med ärendet: the current user stops being assignee. */
  release(number: string, version: string, signal: AbortSignal): Promise<Conversation>;
  /** Jag tar över ärendet: the current user replaces another assignee. */
  takeOver(number: string, version: string, signal: AbortSignal): Promise<Conversation>;
  /** Markera konversation som avslutad (KPA staff only). */
  close(number: string, version: string, signal: AbortSignal): Promise<Conversation>;
  /** Number of conversations needing attention (Nytt meddelande, Svar inkommit). */
  getNoticeCount(signal: AbortSignal, options?: ReadOptions): Promise<number>;
  /** The bytes of one attachment, for saving; never rendered inline. */
  downloadAttachment(
    number: string,
    attachmentId: string,
    signal: AbortSignal,
  ): Promise<DownloadedAttachment>;
  /**
   * Called after every change this adapter makes (or learns of); returns an unsubscribe function.
   * All elements sharing one adapter instance see each other's changes.
   */
  subscribe(listener: ChangeListener): () => void;
  /**
   * Optional: the server's live updates. Opens the stream, after the event `lastEventId` when
   * given, calls `onEvent` for every event and sign of life, and resolves when the server ends the
   * stream. Rejects with a typed error (NotFoundError: the server has no stream, so the elements
   * poll) or, once `signal` aborts, with its reason. Without it the elements poll.
   */
  streamEvents?(
    onEvent: (event: LiveEvent) => void,
    signal: AbortSignal,
    lastEventId?: string,
  ): Promise<void>;
  /**
   * Optional: names the backend and its session, e.g. the API's absolute URL. The tabs of one
   * origin whose adapters have the same key share one live stream, and a session that ends in one
   * of them ends in all. Without it each tab keeps to itself.
   */
  readonly channelKey?: string;
  /**
   * Optional: drops whatever the adapter itself keeps about the signed-in user's data (the REST
   * adapter's attachment names). Called when the session ends (a 401, or `forgetSession`).
   */
  forget?(): void;
}

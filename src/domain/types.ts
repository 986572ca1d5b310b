import type { Status } from './status.js';

/** Which side of the conversation a user is on. */
export const SIDES = ['employer', 'kpa'] as const;
export type Side = (typeof SIDES)[number];

/** A customer organisation (kund) of KPA Pension. */
export interface Organisation {
  /** Kundnummer. */
  customerNumber: string;
  /** Organisationsnummer, ten digits. */
  organisationNumber: string;
  /** Kundnamn. */
  name: string;
}

/** A reference to a person, as shown in lists and headers: name and user id (e.g. `NAEF00`). */
export interface UserRef {
  /** User id: four letters and two digits, upper case (`NAEF00`). */
  id: string;
  name: string;
  side: Side;
}

/** What the current user may do; the server decides, the UI follows. */
export interface Capabilities {
  /** May mark conversations as closed (KPA staff only). */
  canClose: boolean;
  /** May claim, release and take over conversations among the people of their own side. */
  canAssign: boolean;
  /** Picks the recipient organisation when starting a conversation (KPA staff). */
  canChooseOrganisation: boolean;
  /**
   * KPA staff whom the server lets see every department's conversations, not only their own
   * department's Ämnen. Absent: false.
   */
  canSeeAllDepartments?: boolean;
}

/** A KPA department: the Ämnen whose conversations it answers. */
export interface Department {
  id: string;
  name: string;
  /** The ids of its Ämnen (`Subject.id`). */
  subjectIds: string[];
}

/** The signed-in user. Employer users act for exactly one organisation; KPA staff for none. */
export interface User extends UserRef {
  organisation: Organisation | null;
  /** KPA staff: the department they work in (its queue is their list's default). Employer users: null or absent. */
  department?: Department | null;
  capabilities: Capabilities;
}

/** Ämne: routes a conversation to a KPA department. */
export interface Subject {
  id: string;
  name: string;
}

export interface Attachment {
  id: string;
  /** File name as uploaded; display as text only. */
  name: string;
  /** Size in bytes. */
  size: number;
  mimeType: string;
}

export interface Message {
  id: string;
  author: UserRef;
  /** ISO 8601 instant. */
  sentAt: string;
  /** Plain text; line breaks are significant. Never HTML. */
  body: string;
  attachments: Attachment[];
}

/** What happened to the assignment or status of a conversation, besides messages. */
export const HISTORY_ACTIONS = ['claimed', 'released', 'taken-over', 'closed', 'reopened'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface HistoryEntry {
  action: HistoryAction;
  /** Who did it. */
  actor: UserRef;
  /** ISO 8601 instant. */
  at: string;
  /** For `taken-over`: who had the case before. */
  previousAssignee?: UserRef | null;
}

/** One row of the inbox. */
export interface ConversationSummary {
  /** Meddelandenummer: five digits, unique, given by the server. */
  number: string;
  subject: Subject;
  status: Status;
  /** ISO 8601 instant of the latest message or status change. */
  lastActivityAt: string;
  /**
   * Ansvarig: the person of the reader's own side working on the case, or null. Each side assigns
   * among its own people: an employer user reads the employer's assignee, KPA staff read KPA's.
   */
  assignee: UserRef | null;
  organisation: Organisation;
  /**
   * Väntar sedan: when the oldest message KPA has not answered was sent (the employer's first
   * message since KPA last wrote), or null when the conversation does not wait for KPA. Absent
   * from servers that do not report it.
   */
  waitingSince?: string | null;
}

/** One whole conversation. */
export interface Conversation extends ConversationSummary {
  messages: Message[];
  history: HistoryEntry[];
  /** Opaque version for optimistic concurrency (sent back as `If-Match`). */
  version: string;
}

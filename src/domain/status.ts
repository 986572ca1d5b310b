/**
 * The five statuses of a conversation, as the employer sees them (the manual's terms).
 * Wire values are stable English codes; labels are the manual's Swedish words, localised.
 */
export const STATUSES = ['new', 'sent', 'answered', 'reply-received', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The statuses that need the employer's attention and are counted in the notice badge
 * (the manual's "Notiser"): a new message from KPA, or KPA's answer.
 */
export const ATTENTION_STATUSES = ['new', 'reply-received'] as const satisfies readonly Status[];

/** The mirror image for KPA staff: the employer wrote or answered, and KPA is to act. */
export const STAFF_ATTENTION_STATUSES = ['sent', 'answered'] as const satisfies readonly Status[];

/** The manual's recommendation: every status but Avslutad. */
export const DEFAULT_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== 'closed');

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Which side of the conversation a reader is on (see `Side` in types.ts). */
type ReaderSide = 'employer' | 'kpa';

/**
 * A status as its reader names it. An employer user reads the manual's five statuses. KPA staff
 * read whom the conversation waits for: the employer wrote last (*Skickat*, *Besvarat* on the
 * employer's side), so it waits for KPA; KPA wrote last (*Nytt meddelande*, *Svar inkommit*), so
 * it waits for the employer; or it is closed.
 */
export type ReaderStatus = Status | 'waiting-for-kpa' | 'waiting-for-employer';

/** The statuses a reader of each side tells apart, in the order a list sorted by status shows them. */
export const READER_STATUSES = {
  employer: STATUSES,
  kpa: ['waiting-for-kpa', 'waiting-for-employer', 'closed'],
} as const satisfies Record<ReaderSide, readonly ReaderStatus[]>;

/** How a reader of `side` names a conversation in `status`. */
export function readerStatus(status: Status, side: ReaderSide): ReaderStatus {
  if (side === 'employer' || status === 'closed') return status;
  return (STAFF_ATTENTION_STATUSES as readonly Status[]).includes(status)
    ? 'waiting-for-kpa'
    : 'waiting-for-employer';
}

/** The statuses behind a reader's status (what a status filter sends to the server). */
export function statusesOf(reader: ReaderStatus): Status[] {
  return STATUSES.filter((s) => readerStatus(s, 'kpa') === reader || s === reader);
}

/**
 * True when a conversation in this status counts as a notice ("Aktuella ärenden") for a user of
 * the given side: for an employer *Nytt meddelande* and *Svar inkommit*, for KPA staff a
 * conversation waiting for KPA. Reading a conversation never changes this; answering or closing
 * it does.
 */
export function needsAttention(status: Status, side: ReaderSide = 'employer'): boolean {
  const statuses: readonly Status[] = side === 'employer' ? ATTENTION_STATUSES : STAFF_ATTENTION_STATUSES;
  return statuses.includes(status);
}

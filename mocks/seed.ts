/**
 * Deterministic seed data: the same seed, size and `now` always give the same conversations.
 *
 * Conversations are created in time order over the two years before `now` (denser towards
 * `now`), numbered in that order like a real server would. Old conversations are mostly closed,
 * recent ones more often open. Each conversation's messages alternate between the employer and
 * KPA so that replaying them through `nextStatus` (transitions.ts) gives the conversation's status;
 * the last event always explains the status. Message texts mention people only by Skatteverket's
 * test personnummer, written in varying forms.
 */
import type { ServerConfig } from '../src/domain/config.js';
import { nextStatus, type ConversationEvent } from './transitions.js';
import { indexConversationText } from './search.js';
import type { Status } from '../src/domain/status.js';
import type {
  Attachment,
  HistoryEntry,
  Message,
  Organisation,
  Subject,
  UserRef,
} from '../src/domain/types.js';
import { HOME_ORGANISATION, KPA_STAFF } from './fixtures.js';
import { createRandom, type Random } from './prng.js';
import { formatMessageNumber, type ConversationRecord } from './store.js';
import { PERSONNUMMER_FORMS, TEST_PERSONS, writePersonnummer } from './test-personnummer.js';
import {
  ATTACHMENT_NAMES,
  EMPLOYER_OPENERS,
  EMPLOYER_REPLIES,
  KPA_FOLLOW_UPS,
  KPA_OPENERS,
  KPA_REPLIES,
  MONTHS,
  type TextContext,
} from './texts.js';

export interface SeedOptions {
  seed: number;
  /** Number of conversations, 0..100,000. */
  size: number;
  now: Date;
  subjects: readonly Subject[];
  organisations: readonly Organisation[];
  /** Employer-side people per customer number (authors and assignees). */
  people: ReadonlyMap<string, readonly UserRef[]>;
  config: ServerConfig;
}

export interface SeedData {
  records: ConversationRecord[];
  /** First number to try for new conversations. */
  nextNumber: number;
}

export const MAX_SEED_SIZE = 100_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN_DAYS = 730;
/** Share of the random conversations that belong to the demo user's organisation. */
const HOME_SHARE = 0.3;

/**
 * The most recent conversations of the demo organisation get these statuses, so the demo inbox
 * always shows KPA-initiated new conversations and answers waiting to be read.
 */
const FORCED_HOME_STATUSES: readonly Status[] = [
  'reply-received',
  'new',
  'sent',
  'reply-received',
  'answered',
  'new',
  'reply-received',
  'closed',
  'reply-received',
  'new',
  'answered',
  'reply-received',
];

/** Status weights by the conversation's age: old ones are mostly closed. */
const STATUS_WEIGHTS_BY_AGE: readonly { maxDays: number; weights: Record<Status, number> }[] = [
  { maxDays: 30, weights: { new: 12, sent: 16, answered: 24, 'reply-received': 20, closed: 28 } },
  { maxDays: 120, weights: { new: 4, sent: 6, answered: 26, 'reply-received': 9, closed: 55 } },
  { maxDays: Infinity, weights: { new: 1, sent: 1, answered: 18, 'reply-received': 3, closed: 77 } },
];

/** Event patterns per target status: E = employer message, K = KPA message, C = KPA closes. */
const PATTERNS: Readonly<Record<Status, readonly [pattern: string, weight: number][]>> = {
  new: [
    ['K', 85],
    ['KK', 15],
  ],
  sent: [
    ['E', 55],
    ['EKE', 30],
    ['KEKE', 5],
    ['EKEKE', 10],
  ],
  answered: [
    ['KE', 70],
    ['KEE', 10],
    ['KKE', 20],
  ],
  'reply-received': [
    ['EK', 55],
    ['EKEK', 25],
    ['KEK', 10],
    ['EKK', 10],
  ],
  closed: [
    ['EKC', 40],
    ['EKEKC', 14],
    ['EKEC', 8],
    ['EC', 5],
    ['KEC', 10],
    ['KC', 5],
    ['EKEKEKC', 3],
    ['EKCEKC', 10],
    ['EKCEC', 5],
  ],
};

/** Chance that a conversation in this status has an assignee. */
const ASSIGNED_CHANCE: Readonly<Record<Status, number>> = {
  new: 0.25,
  sent: 0.5,
  answered: 0.7,
  'reply-received': 0.5,
  closed: 0.75,
};

const EVENT_OF: Readonly<Record<string, ConversationEvent>> = {
  E: 'employer-sends',
  K: 'kpa-sends',
  C: 'kpa-closes',
};

/** Number of the first seeded conversation: leaves room for new ones after the seed. */
function firstNumber(size: number): number {
  return Math.max(0, Math.min(60_000, MAX_SEED_SIZE - size - 1_000));
}

function pickPattern(random: Random, status: Status): string {
  const options = PATTERNS[status];
  let total = 0;
  for (const [, w] of options) total += w;
  let r = random.next() * total;
  for (const [pattern, w] of options) {
    r -= w;
    if (r < 0) return pattern;
  }
  return options[options.length - 1]![0];
}

function pickStatus(random: Random, ageDays: number): Status {
  for (const bucket of STATUS_WEIGHTS_BY_AGE) {
    if (ageDays <= bucket.maxDays) return random.weighted(bucket.weights);
  }
  return 'closed';
}

/** Gap in hours before the next event, by who acts after whom. */
function gapHours(random: Random, previous: string, next: string): number {
  if (next === 'C') return random.int(24, 480);
  if (previous === 'E' && next === 'K') return random.int(3, 96);
  if (previous === 'K' && next === 'E') return random.int(2, 240);
  if (previous === 'C') return random.int(72, 1200);
  return random.int(24, 240);
}

const dayPrefixes = new Map<number, string>();

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `new Date(ms).toISOString()`, several times faster for the many timestamps of a large seed. */
export function isoInstant(instant: number): string {
  const ms = Math.floor(instant);
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest - seconds * 1000, 3)}Z`;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function firstName(ref: UserRef): string {
  return ref.name.split(' ')[0]!;
}

function subjectTexts(subjectId: string): readonly ((c: TextContext) => string)[] {
  return EMPLOYER_OPENERS[subjectId] ?? EMPLOYER_OPENERS.ovrigt!;
}

export function generateSeed(options: SeedOptions): SeedData {
  const size = Math.floor(options.size);
  if (!(size >= 0 && size <= MAX_SEED_SIZE))
    throw new RangeError(`size must be 0..${MAX_SEED_SIZE}, got ${options.size}`);
  const random = createRandom(options.seed);
  const nowMs = options.now.getTime();
  const base = firstNumber(size);
  // The other organisations, the first ten (the named ones) thirty times over: about half of the
  // other organisations' conversations go to them, the rest spread over the many. One draw picks.
  const others = options.organisations
    .filter((o) => o.customerNumber !== HOME_ORGANISATION.customerNumber)
    .flatMap((o, i) => (i < 9 ? Array.from({ length: 30 }, () => o) : [o]));
  const home =
    options.organisations.find((o) => o.customerNumber === HOME_ORGANISATION.customerNumber) ??
    options.organisations[0]!;
  const forcedCount = Math.min(FORCED_HOME_STATUSES.length, Math.floor(size / 5));
  const mimeByExtension = new Map(
    options.config.attachments.allowedTypes.map((t) => [t.extension, t.mimeTypes[0]!]),
  );
  const records: ConversationRecord[] = new Array(size);

  for (let i = 0; i < size; i++) {
    const number = formatMessageNumber(base + i);
    const forcedIndex = i - (size - forcedCount);
    const forced = forcedIndex >= 0 ? FORCED_HOME_STATUSES[forcedIndex]! : null;

    // Age: quadratic towards `now`, so recent months are busier than two years ago.
    const position = 1 - (i + 0.5) / size;
    const ageMs = Math.floor(SPAN_DAYS * DAY * position * position) + random.int(0, 8) * HOUR;
    const startMs = Math.min(nowMs - 10 * 60_000, nowMs - ageMs);
    const ageDays = (nowMs - startMs) / DAY;

    const organisation = forced
      ? home
      : random.chance(HOME_SHARE) || others.length === 0
        ? home
        : random.pick(others);
    const status: Status = forced ?? pickStatus(random, ageDays);
    const pattern = pickPattern(random, status);
    const subject = random.pick(options.subjects);
    const people = options.people.get(organisation.customerNumber) ?? [];
    const starter = people.length > 0 ? random.pick(people) : null;
    const officer = random.chance(0.35) ? KPA_STAFF[0]! : random.pick(KPA_STAFF);

    // Times of the events, squeezed into the time left before `now` when needed.
    const gaps: number[] = [];
    let total = 0;
    for (let k = 1; k < pattern.length; k++) {
      const g = gapHours(random, pattern[k - 1]!, pattern[k]!) * HOUR + random.int(0, 59) * 60_000;
      gaps.push(g);
      total += g;
    }
    const available = nowMs - startMs - 60_000;
    const scale = total > available ? available / total : 1;
    const times: number[] = [startMs];
    for (const g of gaps) times.push(times[times.length - 1]! + Math.floor(g * scale));

    // Assignee (employer side), sometimes after a colleague had it first.
    let assignee: UserRef | null = null;
    const history: HistoryEntry[] = [];
    if (people.length > 0 && random.chance(ASSIGNED_CHANCE[status])) {
      assignee = random.pick(people);
      const firstEmployerIndex = pattern.indexOf('E');
      const claimFrom = times[firstEmployerIndex >= 0 ? firstEmployerIndex : 0]!;
      const claimTo = times[times.length - 1]!;
      const claimAt = claimFrom + Math.floor((claimTo - claimFrom) * random.next() * 0.5);
      const previous = random.chance(0.15) ? random.pick(people) : assignee;
      if (previous.id !== assignee.id) {
        history.push({ action: 'claimed', actor: previous, at: isoInstant(claimAt) });
        const takeOverAt = claimAt + Math.floor((claimTo - claimAt) * random.next());
        history.push({
          action: 'taken-over',
          actor: assignee,
          at: isoInstant(takeOverAt),
          previousAssignee: previous,
        });
      } else {
        history.push({ action: 'claimed', actor: assignee, at: isoInstant(claimAt) });
      }
    } else if (people.length > 1 && random.chance(0.04)) {
      // Someone claimed it and let go again.
      const who = random.pick(people);
      const at = times[0]! + Math.floor((times[times.length - 1]! - times[0]!) * random.next());
      history.push({ action: 'claimed', actor: who, at: isoInstant(at) });
      history.push({ action: 'released', actor: who, at: isoInstant(Math.min(at + 2 * HOUR, nowMs)) });
    }

    // Texts: one employee per conversation, personnummer written as each author likes it.
    const person = random.pick(TEST_PERSONS);
    const periodDate = new Date(startMs - random.int(0, 90) * DAY);
    const context: TextContext = {
      person: `${person.firstName} ${person.lastName}`,
      pnr: '',
      period: `${MONTHS[periodDate.getUTCMonth()]} ${periodDate.getUTCFullYear()}`,
      date: isoInstant(Math.min(nowMs, startMs + random.int(-150, 20) * DAY)).slice(0, 10),
      salary: thousands(random.int(240, 580) * 100),
      amount: thousands(random.int(1800, 26000)),
      percent: String(random.pick([50, 60, 75, 80, 90, 100])),
      signature: '',
    };

    const messages: Message[] = [];
    const bodies: string[] = [];
    let current: Status | null = null;
    let employerMessages = 0;
    let kpaMessages = 0;
    for (let k = 0; k < pattern.length; k++) {
      const event = pattern[k]!;
      const previousStatus: Status | null = current;
      current = nextStatus(current, EVENT_OF[event]!);
      const at = isoInstant(times[k]!);
      if (event === 'C') {
        history.push({ action: 'closed', actor: officer, at });
        continue;
      }
      const author: UserRef =
        event === 'K'
          ? officer
          : employerMessages > 0 && assignee
            ? assignee
            : (starter ?? { id: 'OKAN00', name: 'Okänd Användare', side: 'employer' });
      if (previousStatus === 'closed' && current !== 'closed')
        history.push({ action: 'reopened', actor: author, at });
      context.pnr = writePersonnummer(person.personnummer, random.pick(PERSONNUMMER_FORMS));
      context.signature = firstName(author);
      let body: string;
      if (k === 0)
        body =
          event === 'K' ? random.pick(KPA_OPENERS)(context) : random.pick(subjectTexts(subject.id))(context);
      else if (event === 'E') body = random.pick(EMPLOYER_REPLIES)(context);
      else
        body = (
          kpaMessages > 0 && pattern[k - 1] === 'K' ? random.pick(KPA_FOLLOW_UPS) : random.pick(KPA_REPLIES)
        )(context);
      if (event === 'E') employerMessages++;
      else kpaMessages++;

      const attachments: Attachment[] = [];
      if (random.chance(event === 'E' ? 0.05 : 0.02)) {
        const file = random.pick(ATTACHMENT_NAMES);
        // Shaped as the contract's attachment ids (lower-case UUID v4); fixed, so the seed stays
        // the same data for every run (ids the mock hands out for uploads are random).
        const id = `5eed0000-0000-4000-8000-0${number}${String(k + 1).padStart(6, '0')}`;
        attachments.push({
          id,
          name: `${file.name} ${person.lastName}.${file.extension}`,
          size: random.int(18, 2400) * 1024 + random.int(0, 1023),
          mimeType: mimeByExtension.get(file.extension) ?? 'application/octet-stream',
        });
      }
      messages.push({ id: `m${number}-${k + 1}`, author, sentAt: at, body, attachments });
      bodies.push(body);
    }
    if (current !== status) throw new Error(`Seed pattern ${pattern} gives ${current}, not ${status}`);
    // KPA's assignee: the writing officer, claimed when KPA first wrote (or at the employer's first
    // message), for three conversations in five. Chosen by number, not drawn from the generator,
    // so that the rest of the seed stays as it was before KPA assigned.
    let kpaAssignee: UserRef | null = null;
    if ((base + i) % 5 >= 2) {
      kpaAssignee = officer;
      const firstKpa = pattern.indexOf('K');
      history.push({
        action: 'claimed',
        actor: officer,
        at: isoInstant(times[firstKpa >= 0 ? firstKpa : 0]!),
      });
    }
    history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

    records[i] = {
      summary: {
        number,
        subject,
        status,
        lastActivityAt: isoInstant(times[times.length - 1]!),
        assignee,
        organisation,
      },
      messages,
      history,
      kpaAssignee,
      revision: 1,
      index: indexConversationText(bodies),
    };
  }
  return { records, nextNumber: base + size };
}

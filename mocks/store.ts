/**
 * The in-memory state of the mock backend and every operation of the HTTP contract, independent
 * of HTTP. Status changes go through the domain's `nextStatus`, permissions through the domain's
 * predicates and input checks through the domain's validators, so that the mock cannot drift from
 * the rules the elements follow. Failures are thrown as `ProblemError`s.
 */
import type { ServerConfig } from '../src/domain/config.js';
import { canClaim, canClose, canRelease, canTakeOver } from '../src/domain/permissions.js';
import { isPageSize, validateFilters } from '../src/domain/filters.js';
import { needsAttention, STAFF_ATTENTION_STATUSES } from '../src/domain/status.js';
import { nextStatus, type ConversationEvent } from './transitions.js';
import { validateAttachments, validateMessageBody } from '../src/domain/validators.js';
// The same Swedish words for a refused value as the elements use (the mock answers like a server).
import { validationText } from '../src/elements/shared/texts.js';
import {
  compareSummaries,
  effectiveFilters,
  indexConversationText,
  matchesFilters,
  type SearchIndexEntry,
} from './search.js';
import {
  DEFAULT_FILTERS,
  SORT_DIRECTIONS,
  SORT_KEYS,
  type ConversationFilters,
  type SearchQuery,
  type SearchResult,
  type Sort,
} from '../src/domain/query.js';
import { isStatus } from '../src/domain/status.js';
import type {
  Attachment,
  Conversation,
  ConversationSummary,
  Department,
  HistoryAction,
  HistoryEntry,
  Message,
  Organisation,
  Side,
  Subject,
  User,
  UserRef,
} from '../src/domain/types.js';
import { ChangeLog } from './events.js';
import { ProblemError } from './problem.js';
import { RuleSwitches, type RuleSwitch } from './rules.js';
import { contentTypeOf } from './sniff.js';
import { TextIndex } from './text-index.js';

/**
 * One conversation as the store keeps it. `summary` is the inbox row as an employer user reads it
 * and is updated in place; KPA staff read it with `kpaAssignee` as the assignee
 * (`assignment.per-side`).
 */
export interface ConversationRecord {
  summary: ConversationSummary;
  messages: Message[];
  /** Both sides' entries; each side is shown its own claims, releases and take-overs. */
  history: HistoryEntry[];
  /** The KPA officer working on the case, or null. */
  kpaAssignee: UserRef | null;
  /** Bumped on every change; the version (ETag) derives from it. */
  revision: number;
  /** Precomputed searchable text, rebuilt on every new message. */
  index: SearchIndexEntry;
}

/** An uploaded file as the handlers hand it to the store. */
export interface UploadedFile {
  name: string;
  /** MIME type as the client sent it (may be empty). Never trusted: the type comes from the bytes. */
  type: string;
  bytes: Uint8Array;
}

/** How long an Idempotency-Key is remembered (the contract's minimum). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface NewConversationInput {
  subjectId: string;
  body: string;
  /** Required for KPA staff; employer users may leave it out (or give their own). */
  organisationCustomerNumber?: string | null;
  files: UploadedFile[];
}

export interface ReplyInput {
  body: string;
  files: UploadedFile[];
}

/** The answer to a create or reply: the conversation, and whether it is a replay of an earlier answer. */
export interface WriteResult {
  conversation: Conversation;
  replayed: boolean;
}

export interface DownloadableAttachment {
  name: string;
  mimeType: string;
  blob: Blob;
}

export interface MockStoreInit {
  records: ConversationRecord[];
  subjects: readonly Subject[];
  organisations: readonly Organisation[];
  config: ServerConfig;
  /** The clock for new messages and history entries. */
  clock: () => Date;
  /** The first number tried for new conversations. */
  nextNumber: number;
  /** Test-only: contract rules turned off (see rules.ts). */
  rules?: RuleSwitches;
}

const NUMBER_SPACE = 100_000;

/** The test-only switches (rules.ts) of another organisation's 404 on release and take-over. */
const ORGANISATION_CLAUSE: Partial<Record<HistoryAction, RuleSwitch>> = {
  released: 'authz.organisation-404:release',
  'taken-over': 'authz.organisation-404:take-over',
};

export function formatMessageNumber(n: number): string {
  return String(n).padStart(5, '0');
}

export function versionOf(record: ConversationRecord): string {
  return `v${record.revision}`;
}

function userRef(user: UserRef): UserRef {
  return { id: user.id, name: user.name, side: user.side };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One member of an `If-Match` header: `*`, or an entity tag with whether it is weak. */
export type IfMatchTag = { wildcard: true } | { wildcard: false; weak: boolean; value: string };

/** The members of an `If-Match` header: a list of (weak or strong) entity tags, or `*`. */
export function parseIfMatch(header: string): IfMatchTag[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
    .map((tag): IfMatchTag => {
      if (tag === '*') return { wildcard: true };
      const weak = tag.startsWith('W/');
      const quoted = weak ? tag.slice(2) : tag;
      const value =
        quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted;
      return { wildcard: false, weak, value };
    });
}

export class MockStore {
  /** Settings given to clients; tests may change them (e.g. a smaller `maxBytes`). */
  config: ServerConfig;
  /** Every write since the store was made, for the live-updates streams (events.ts). */
  readonly changes = new ChangeLog();
  readonly subjects: readonly Subject[];
  readonly organisations: readonly Organisation[];

  readonly #all: ConversationRecord[];
  readonly #byNumber = new Map<string, ConversationRecord>();
  readonly #byOrganisation = new Map<string, ConversationRecord[]>();
  /** Per set of Ämnen (ids joined by NUL, sorted): its conversations, for KPA departments. */
  readonly #byScope = new Map<string, ConversationRecord[]>();
  /** Per list of visible conversations (all, or one organisation's): its Meddelandetext index. */
  readonly #textIndexes = new WeakMap<readonly ConversationRecord[], TextIndex<ConversationRecord>>();
  /** Bytes of uploaded attachments; seeded attachments are synthesised on download. */
  readonly #attachmentData = new Map<string, Uint8Array>();
  /** (user id, Idempotency-Key) → what the first request asked for and what it was answered. */
  readonly #idempotency = new Map<string, IdempotencyEntry>();
  readonly #clock: () => Date;
  readonly #rules: RuleSwitches;
  #nextNumber: number;
  #uploadCounter = 0;

  constructor(init: MockStoreInit) {
    this.config = init.config;
    this.subjects = init.subjects;
    this.organisations = init.organisations;
    this.#clock = init.clock;
    this.#nextNumber = init.nextNumber;
    this.#rules = init.rules ?? new RuleSwitches();
    this.#all = [];
    for (const org of init.organisations) this.#byOrganisation.set(org.customerNumber, []);
    for (const record of init.records) this.#insert(record);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading (for tests and handlers)

  /** Number of conversations. */
  get size(): number {
    return this.#all.length;
  }

  /** Number of messages over all conversations. */
  messageCount(): number {
    let n = 0;
    for (const r of this.#all) n += r.messages.length;
    return n;
  }

  /** Every conversation's inbox row (copies), in creation order. */
  summaries(): ConversationSummary[] {
    return this.#all.map((r) => ({ ...r.summary }));
  }

  /** A conversation regardless of visibility (tests only; copies). */
  peek(number: string): Conversation | undefined {
    const r = this.#byNumber.get(number);
    return r ? toConversation(r) : undefined;
  }

  /** The stored record (tests only; mutate at your own risk). */
  record(number: string): ConversationRecord | undefined {
    return this.#byNumber.get(number);
  }

  /** Every stored record, in creation order (read-only view). */
  records(): readonly ConversationRecord[] {
    return this.#all;
  }

  isVisible(user: User, record: ConversationRecord): boolean {
    if (user.side === 'kpa') {
      const scope = this.#scopeOf(user);
      return scope === null || scope.has(record.summary.subject.id);
    }
    if (!this.#enforced('authz.organisation-404')) return true;
    return (
      user.organisation !== null &&
      record.summary.organisation.customerNumber === user.organisation.customerNumber
    );
  }

  /** Organisations a user may write to: all for KPA staff, none for employer users. */
  organisationsFor(user: User): Organisation[] {
    return user.capabilities.canChooseOrganisation ? this.organisations.map((o) => ({ ...o })) : [];
  }

  getConversation(user: User, number: string): Conversation {
    return this.#view(this.#require(user, number), user.side);
  }

  /** Employer users: their organisation's notices. KPA staff: what waits for KPA in their department (`queue.notices`). */
  noticeCount(user: User): number {
    let count = 0;
    const records =
      user.side === 'kpa' && this.#enforced('queue.notices')
        ? this.#departmentRecords(user)
        : this.#visibleRecords(user);
    for (const r of records) if (needsAttention(r.summary.status, user.side)) count++;
    return count;
  }

  search(user: User, raw: unknown): SearchResult {
    const query = this.#parseQuery(raw);
    const filters = effectiveFilters(query.filters);
    let matches: ConversationSummary[];
    if (filters.messageNumber !== null) {
      // A message number finds exactly that conversation, closed or not: no scan needed.
      const r = this.#byNumber.get(filters.messageNumber);
      const summary = r && this.#summary(r, user.side);
      matches =
        r && summary && this.isVisible(user, r) && matchesFilters(summary, r.index, filters) ? [summary] : [];
    } else {
      matches = [];
      // KPA staff's department queue (`queue.department-only`), unless an Ämne is chosen.
      const queue =
        user.side === 'kpa' &&
        user.department &&
        query.filters.departmentOnly &&
        filters.subjectId === null &&
        this.#enforced('queue.department-only');
      // A Meddelandetext query asks the text index first; the other filters then look only at
      // the conversations whose text matched.
      const visible = queue ? this.#departmentRecords(user) : this.#visibleRecords(user);
      const candidates = filters.text === null ? visible : this.#textIndex(visible).matching(filters.text);
      const rest = filters.text === null ? filters : { ...filters, text: null };
      for (const r of candidates) {
        const summary = this.#summary(r, user.side);
        if (matchesFilters(summary, r.index, rest)) matches.push(summary);
      }
      const sort = query.sort;
      matches.sort((a, b) => compareSummaries(a, b, sort, user.side));
    }
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matches.slice(start, start + query.pageSize).map((s) => copySummary(s)),
      total: matches.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** An attachment of the conversation in the path; an id of another conversation is 404. */
  attachment(user: User, number: string, attachmentId: string): DownloadableAttachment {
    const r = this.#require(user, number);
    const searched = this.#enforced('attachments.belong-to-conversation') ? [r] : this.#all;
    for (const record of searched) {
      for (const m of record.messages) {
        for (const a of m.attachments) {
          if (a.id === attachmentId) {
            const data = this.#attachmentData.get(a.id);
            const blob = data ? new Blob([data as BlobPart], { type: a.mimeType }) : synthesiseAttachment(a);
            return { name: a.name, mimeType: a.mimeType, blob };
          }
        }
      }
    }
    throw new ProblemError(404, { detail: 'Bilagan finns inte.' });
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  createConversation(user: User, input: NewConversationInput, idempotencyKey: string | null): WriteResult {
    const key = requireIdempotencyKey(idempotencyKey);
    const text = toLf(input.body);
    const fingerprint = JSON.stringify([
      'create',
      input.subjectId,
      text,
      input.organisationCustomerNumber ?? null,
      input.files.map((f) => [f.name, f.bytes.length]),
    ]);
    const replay = this.#replay(user, key, fingerprint, input.files);
    if (replay) return replay;

    this.#checkFiles(input.files);
    const errors: Record<string, string> = {};
    const subject = this.subjects.find((s) => s.id === input.subjectId);
    if (!subject) errors.subjectId = input.subjectId ? 'Ämnet finns inte.' : 'Välj ämne.';
    const body = validateMessageBody(text, this.config.messageMaxLength);
    if (!body.ok) errors.body = validationText(body);
    let organisation: Organisation | undefined;
    const requested = input.organisationCustomerNumber?.trim() || null;
    if (user.side === 'kpa') {
      if (!requested) errors.organisationCustomerNumber = 'Välj organisation.';
      else {
        organisation = this.organisations.find((o) => o.customerNumber === requested);
        if (!organisation) errors.organisationCustomerNumber = 'Organisationen finns inte.';
      }
    } else {
      organisation = user.organisation ?? undefined;
      const foreign = requested !== null && requested !== organisation?.customerNumber;
      if (foreign && !this.#enforced('authz.create-own-organisation')) {
        organisation = this.organisations.find((o) => o.customerNumber === requested) ?? organisation;
      } else if (!organisation || foreign) {
        errors.organisationCustomerNumber = 'Du kan bara skriva för din egen organisation.';
      }
    }
    if (Object.keys(errors).length > 0 || !subject || !organisation || !body.ok) {
      const named = this.#enforced('authz.create-own-organisation:errors');
      throw new ProblemError(422, { detail: 'Kontrollera uppgifterna.', ...(named ? { errors } : {}) });
    }

    const number = this.#allocateNumber();
    const at = this.#clock().toISOString();
    const message = this.#newMessage(user, number, 1, body.value, input.files, at);
    const record: ConversationRecord = {
      summary: {
        number,
        subject,
        status: nextStatus(null, eventOf(user)),
        lastActivityAt: at,
        assignee: null,
        organisation,
      },
      messages: [message],
      history: [],
      kpaAssignee: null,
      revision: 1,
      index: indexConversationText([message.body]),
    };
    this.#insert(record);
    this.#changed(record);
    return this.#remember(user, key, fingerprint, input.files, record);
  }

  reply(user: User, number: string, input: ReplyInput, idempotencyKey: string | null): WriteResult {
    const key = requireIdempotencyKey(idempotencyKey);
    const r = this.#require(user, number);
    const text = toLf(input.body);
    const fingerprint = JSON.stringify([
      'reply',
      number,
      text,
      input.files.map((f) => [f.name, f.bytes.length]),
    ]);
    const replay = this.#enforced('idempotency.replay:reply')
      ? this.#replay(user, key, fingerprint, input.files)
      : null;
    if (replay) return replay;

    this.#checkFiles(input.files);
    const body = validateMessageBody(text, this.config.messageMaxLength);
    if (!body.ok)
      throw new ProblemError(422, {
        detail: 'Kontrollera uppgifterna.',
        errors: { body: validationText(body) },
      });

    const at = this.#clock().toISOString();
    const previous = r.summary.status;
    const status = nextStatus(previous, eventOf(user));
    const message = this.#newMessage(user, number, r.messages.length + 1, body.value, input.files, at);
    r.messages.push(message);
    if (previous === 'closed' && status !== 'closed')
      r.history.push({ action: 'reopened', actor: userRef(user), at });
    r.summary.status = status;
    r.summary.lastActivityAt = at;
    r.summary.waitingSince = this.#waitingSince(r);
    r.revision++;
    r.index = indexConversationText(r.messages.map((m) => m.body));
    this.#changed(r);
    return this.#remember(user, key, fingerprint, input.files, r);
  }

  /** Jag arbetar med ärendet. */
  claim(user: User, number: string, ifMatch: string | null): Conversation {
    return this.#assignmentWrite(user, number, ifMatch, 'claimed');
  }

  /** Unticking Jag arbetar med ärendet. */
  release(user: User, number: string, ifMatch: string | null): Conversation {
    return this.#assignmentWrite(user, number, ifMatch, 'released');
  }

  /** Jag tar över ärendet. */
  takeOver(user: User, number: string, ifMatch: string | null): Conversation {
    return this.#assignmentWrite(user, number, ifMatch, 'taken-over');
  }

  /** Markera konversation som avslutad (KPA staff only). */
  close(user: User, number: string, ifMatch: string | null): Conversation {
    const r = this.#require(user, number, 'authz.organisation-404:close');
    if ((user.side !== 'kpa' || !user.capabilities.canClose) && this.#enforced('authz.close-staff-only')) {
      throw new ProblemError(403, { detail: 'Endast KPA Pension kan avsluta konversationer.' });
    }
    this.#checkVersion(r, ifMatch, user.side);
    if (!canClose(user, r.summary)) {
      throw new ProblemError(409, {
        detail: 'Konversationen är redan avslutad.',
        ...conflictInfo(r, user.side),
      });
    }
    const at = this.#clock().toISOString();
    r.summary.status = nextStatus(r.summary.status, 'kpa-closes');
    r.summary.lastActivityAt = at;
    r.summary.waitingSince = this.#waitingSince(r);
    r.history.push({ action: 'closed', actor: userRef(user), at });
    r.revision++;
    this.#changed(r);
    return this.#view(r, user.side);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  #changed(record: ConversationRecord): void {
    this.changes.add(record.summary.number, versionOf(record));
  }

  #insert(record: ConversationRecord): void {
    record.summary.waitingSince = this.#waitingSince(record);
    this.#all.push(record);
    for (const [scope, list] of this.#byScope) {
      if (scope.split('\u0000').includes(record.summary.subject.id)) list.push(record);
    }
    this.#byNumber.set(record.summary.number, record);
    const customerNumber = record.summary.organisation.customerNumber;
    let list = this.#byOrganisation.get(customerNumber);
    if (!list) this.#byOrganisation.set(customerNumber, (list = []));
    list.push(record);
  }

  /** The text index of a list of conversations, built on first use and again after a change. */
  #textIndex(records: readonly ConversationRecord[]): TextIndex<ConversationRecord> {
    let index = this.#textIndexes.get(records);
    if (!index?.isCurrentFor(records)) {
      index = new TextIndex(records);
      this.#textIndexes.set(records, index);
    }
    return index;
  }

  /**
   * The Ämnen KPA staff may see (`authz.department-scope`): their department's, or null for every
   * Ämne when the server lets them see all departments (or the rule is switched off).
   */
  #scopeOf(user: User): ReadonlySet<string> | null {
    if (user.capabilities.canSeeAllDepartments || !this.#enforced('authz.department-scope')) return null;
    return new Set(user.department?.subjectIds ?? []);
  }

  /** Their department's conversations, for KPA staff's queue and notices. */
  #departmentRecords(user: User): readonly ConversationRecord[] {
    return this.#recordsOfSubjects(user.department ?? { id: '', name: '', subjectIds: [] });
  }

  /** The conversations of a department's Ämnen: one list per set of Ämnen, kept up to date by #insert. */
  #recordsOfSubjects(department: Department): readonly ConversationRecord[] {
    const key = [...department.subjectIds].sort().join('\u0000');
    let list = this.#byScope.get(key);
    if (!list) {
      const subjects = new Set(department.subjectIds);
      list = this.#all.filter((r) => subjects.has(r.summary.subject.id));
      this.#byScope.set(key, list);
    }
    return list;
  }

  /** `queue.waiting-since`: the employer's first message since KPA last wrote, while it waits for KPA. */
  #waitingSince(r: ConversationRecord): string | null {
    if (!(STAFF_ATTENTION_STATUSES as readonly string[]).includes(r.summary.status)) return null;
    let since: string | null = null;
    for (let i = r.messages.length - 1; i >= 0; i--) {
      const m = r.messages[i]!;
      if (m.author.side === 'kpa') break;
      since = m.sentAt;
    }
    if (!this.#enforced('queue.waiting-since')) return r.messages[r.messages.length - 1]?.sentAt ?? null;
    return since;
  }

  #visibleRecords(user: User): readonly ConversationRecord[] {
    if (user.side === 'kpa') {
      const scope = this.#scopeOf(user);
      return scope === null
        ? this.#all
        : this.#recordsOfSubjects({ id: '', name: '', subjectIds: [...scope] });
    }
    if (!user.organisation) return [];
    return this.#byOrganisation.get(user.organisation.customerNumber) ?? [];
  }

  /**
   * The conversation, or 404 when it does not exist or belongs to another organisation (`clause`:
   * the test-only switch of the operation asking).
   */
  #require(user: User, number: string, clause: RuleSwitch = 'authz.organisation-404'): ConversationRecord {
    const r = this.#byNumber.get(number);
    // (KPA staff's scope has its own switch, `authz.department-scope`, inside isVisible.)
    if (!r || (!this.isVisible(user, r) && (user.side === 'kpa' || this.#enforced(clause)))) {
      throw new ProblemError(404, { detail: 'Konversationen finns inte.' });
    }
    return r;
  }

  /**
   * Strong comparison only (RFC 9110 §13.1.1): `*` and weak tags never match, so that a blind write
   * cannot overwrite someone else's claim; a missing If-Match is 428.
   */
  #checkVersion(r: ConversationRecord, ifMatch: string | null, side: Side = 'employer'): void {
    if (ifMatch === null || ifMatch.trim() === '') {
      if (!this.#enforced('concurrency.if-match-required-428')) return;
      throw new ProblemError(428, { detail: 'If-Match med konversationens version krävs.' });
    }
    const current = versionOf(r);
    const matches = parseIfMatch(ifMatch).some((tag) => {
      if (tag.wildcard) return !this.#enforced('concurrency.if-match-star-412');
      if (tag.weak && this.#enforced('concurrency.if-match-weak-412')) return false;
      return tag.value === current || !this.#enforced('concurrency.stale-412');
    });
    if (!matches) {
      const { assignee, version } = conflictInfo(r, side);
      throw new ProblemError(412, {
        detail: 'Någon annan har ändrat ärendet.',
        ...(this.#enforced('concurrency.stale-412:assignee') ? { assignee } : {}),
        ...(this.#enforced('concurrency.stale-412:version') ? { version } : {}),
      });
    }
  }

  /** A conversation as a reader of `side` sees it (`assignment.per-side`, unless switched off). */
  #view(r: ConversationRecord, side: Side): Conversation {
    return toConversation(r, side, this.#enforced('assignment.per-side'));
  }

  /** An inbox row as a reader of `side` sees it (`assignment.per-side`, unless switched off). */
  #summary(r: ConversationRecord, side: Side): ConversationSummary {
    return this.#enforced('assignment.per-side') ? summaryFor(r, side) : r.summary;
  }

  #enforced(rule: RuleSwitch): boolean {
    return this.#rules.enforced(rule);
  }

  #assignmentWrite(user: User, number: string, ifMatch: string | null, action: HistoryAction): Conversation {
    const r = this.#require(user, number, ORGANISATION_CLAUSE[action]);
    if (!user.capabilities.canAssign) {
      throw new ProblemError(403, { detail: 'Du kan inte ta ansvar för ärenden.' });
    }
    this.#checkVersion(r, ifMatch, user.side);
    const at = this.#clock().toISOString();
    const actor = userRef(user);
    // Each side assigns among its own people (`assignment.per-side`); switched off, KPA staff's
    // writes land on the employer's assignee.
    const side: Side = this.#enforced('assignment.per-side') ? user.side : 'employer';
    const current = { assignee: side === 'kpa' ? r.kpaAssignee : r.summary.assignee };
    const assign = (assignee: UserRef | null) => {
      if (side === 'kpa') r.kpaAssignee = assignee;
      else r.summary.assignee = assignee;
    };
    const conflict = () => conflictInfo(r, side);
    switch (action) {
      case 'claimed':
        if (!canClaim(user, current))
          throw new ProblemError(409, { detail: 'Någon arbetar redan med ärendet.', ...conflict() });
        assign(actor);
        r.history.push({ action, actor, at });
        break;
      case 'released':
        if (!canRelease(user, current))
          throw new ProblemError(409, { detail: 'Du är inte ansvarig för ärendet.', ...conflict() });
        assign(null);
        r.history.push({ action, actor, at });
        break;
      case 'taken-over': {
        if (!canTakeOver(user, current)) {
          throw new ProblemError(409, {
            detail: current.assignee
              ? 'Du är redan ansvarig för ärendet.'
              : 'Ärendet har ingen ansvarig att ta över från.',
            ...conflict(),
          });
        }
        assign(actor);
        r.history.push({ action, actor, at, previousAssignee: current.assignee });
        break;
      }
      default:
        throw new Error(`Not an assignment action: ${action}`);
    }
    r.revision++;
    this.#changed(r);
    return this.#view(r, user.side);
  }

  /**
   * Attachment limits: 413 and 415 before anything is stored; other problems 422. The type that
   * counts is the one of the bytes (sniff.ts), never the name's or the one the client claimed.
   */
  #checkFiles(files: readonly UploadedFile[]): void {
    const rules = this.config.attachments;
    const result = validateAttachments(
      files.map((f) => ({
        name: f.name,
        size: this.#enforced('content.too-large-413')
          ? f.bytes.length
          : Math.min(f.bytes.length, rules.maxBytes),
        type: this.#storedType(f),
      })),
      rules,
    );
    if (result.ok) return;
    const message = validationText(result);
    if (result.code === 'attachment.too-large') {
      const named = this.#enforced('content.too-large-413:max-bytes');
      throw new ProblemError(413, { detail: message, ...(named ? { maxBytes: rules.maxBytes } : {}) });
    }
    if (
      result.code === 'attachment.type' ||
      result.code === 'attachment.no-extension' ||
      result.code === 'attachment.mime-mismatch'
    )
      throw new ProblemError(415, { detail: message });
    throw new ProblemError(422, { detail: message, errors: { files: message } });
  }

  #newMessage(
    user: User,
    number: string,
    ordinal: number,
    body: string,
    files: readonly UploadedFile[],
    at: string,
  ): Message {
    const attachments: Attachment[] = files.map((f) => {
      // Ids are random UUIDs (122 random bits), so that nobody can reach an attachment by counting.
      const id = !this.#enforced('attachments.unguessable-ids')
        ? `u${++this.#uploadCounter}-${number}`
        : this.#enforced('attachments.unguessable-ids:bits')
          ? crypto.randomUUID()
          : crypto.randomUUID().replace(/-/g, '').slice(0, 15);
      const mimeType = this.#storedType(f);
      this.#attachmentData.set(id, f.bytes);
      return { id, name: f.name, size: f.bytes.length, mimeType };
    });
    return { id: `m${number}-${ordinal}`, author: userRef(user), sentAt: at, body, attachments };
  }

  #allocateNumber(): string {
    for (let tries = 0; tries < NUMBER_SPACE; tries++) {
      const candidate = formatMessageNumber(this.#nextNumber % NUMBER_SPACE);
      this.#nextNumber = (this.#nextNumber + 1) % NUMBER_SPACE;
      if (!this.#byNumber.has(candidate)) return candidate;
    }
    throw new ProblemError(503, { detail: 'Det finns inga lediga meddelandenummer.' });
  }

  /** The type a file is stored and served with: what its bytes are, given its extension. */
  #storedType(f: UploadedFile): string {
    const extension = /\.([^.]+)$/.exec(f.name)?.[1]?.toLowerCase() ?? '';
    const entry = this.config.attachments.allowedTypes.find((t) => t.extension.toLowerCase() === extension);
    if (!this.#enforced('content.type-from-bytes')) {
      // What a server that trusts the claimed type, or else the name, would do.
      const claimed = f.type.split(';')[0]!.trim().toLowerCase();
      return claimed && claimed !== 'application/octet-stream'
        ? claimed
        : (entry?.mimeTypes[0] ?? 'application/octet-stream');
    }
    return contentTypeOf(f.bytes, entry);
  }

  #idempotencyScope(user: User, key: string): string {
    return this.#enforced('idempotency.per-user') ? idempotencyScope(user, key) : key;
  }

  #replay(user: User, key: string, fingerprint: string, files: readonly UploadedFile[]): WriteResult | null {
    const scope = this.#idempotencyScope(user, key);
    const earlier = this.#idempotency.get(scope);
    if (!earlier) return null;
    if (this.#clock().getTime() - earlier.at >= IDEMPOTENCY_KEY_TTL_MS) {
      this.#idempotency.delete(scope);
      return null;
    }
    const otherText = earlier.fingerprint !== fingerprint;
    const otherFiles = !otherText && !sameBytes(earlier.files, files);
    if (
      (otherText && this.#enforced('idempotency.other-content-422')) ||
      (otherFiles && this.#enforced('idempotency.file-bytes'))
    ) {
      const named = !otherText || this.#enforced('idempotency.other-content-422:errors');
      throw new ProblemError(422, {
        detail: 'Idempotency-Key har redan använts för ett annat meddelande.',
        ...(named ? { errors: { idempotencyKey: 'Nyckeln har redan använts för ett annat innehåll.' } } : {}),
      });
    }
    if (!this.#enforced('idempotency.replay')) return null;
    return { conversation: structuredClone(earlier.conversation), replayed: true };
  }

  #remember(
    user: User,
    key: string,
    fingerprint: string,
    files: readonly UploadedFile[],
    r: ConversationRecord,
  ): WriteResult {
    const conversation = this.#view(r, user.side);
    this.#idempotency.set(this.#idempotencyScope(user, key), {
      fingerprint,
      files: files.map((f) => f.bytes),
      at: this.#clock().getTime(),
      conversation: structuredClone(conversation),
    });
    return { conversation, replayed: false };
  }

  /** Every member of the SearchQuery is required (as in the OpenAPI document); 422 per field otherwise. */
  #parseQuery(raw: unknown): SearchQuery {
    if (!isObject(raw)) {
      throw new ProblemError(422, { detail: 'Sökfrågan saknas.', errors: { query: 'Sökfrågan saknas.' } });
    }
    const errors: Record<string, string> = {};
    const missing = 'Saknas.';
    const f = raw.filters;
    const filters: ConversationFilters = { ...DEFAULT_FILTERS, statuses: [...DEFAULT_FILTERS.statuses] };
    if (!isObject(f)) {
      errors.filters = f === undefined ? missing : 'Ogiltiga filter.';
    } else {
      if (f.subjectId === undefined) errors.subjectId = missing;
      else if (f.subjectId !== null) {
        if (typeof f.subjectId !== 'string') errors.subjectId = 'Ogiltigt ämne.';
        else if (!this.subjects.some((s) => s.id === f.subjectId)) errors.subjectId = 'Ämnet finns inte.';
        else filters.subjectId = f.subjectId;
      }
      for (const field of ['messageNumber', 'assigneeId', 'text'] as const) {
        const value = f[field];
        if (typeof value === 'string') filters[field] = value;
        else errors[field] = value === undefined ? missing : 'Ogiltigt värde.';
      }
      if (Array.isArray(f.statuses) && f.statuses.every(isStatus))
        filters.statuses = [...new Set(f.statuses)];
      else errors.statuses = f.statuses === undefined ? missing : 'Ogiltig status.';
      // The officer's filters may be left out: every organisation, every Ämne, assigned or not.
      if (f.customerNumber === undefined || f.customerNumber === null) filters.customerNumber = null;
      else if (typeof f.customerNumber === 'string') filters.customerNumber = f.customerNumber;
      else errors.customerNumber = 'Ogiltig organisation.';
      for (const field of ['departmentOnly', 'unassigned'] as const) {
        const value = f[field];
        if (value === undefined) filters[field] = false;
        else if (typeof value === 'boolean') filters[field] = value;
        else errors[field] = 'Ogiltigt värde.';
      }
      for (const [field, problem] of Object.entries(validateFilters(filters)))
        errors[field] ??= validationText(problem);
    }
    const page = raw.page;
    if (!(typeof page === 'number' && Number.isInteger(page) && page >= 1)) {
      errors.page = page === undefined ? missing : 'Sidan måste vara ett heltal från 1.';
    }
    const pageSize = raw.pageSize;
    if (!isPageSize(pageSize)) {
      errors.pageSize = pageSize === undefined ? missing : 'Antal per sida måste vara 25, 50 eller 100.';
    }
    const s = raw.sort;
    const sortValid =
      isObject(s) &&
      (SORT_KEYS as readonly unknown[]).includes(s.key) &&
      (SORT_DIRECTIONS as readonly unknown[]).includes(s.direction);
    if (!sortValid) errors.sort = s === undefined ? missing : 'Ogiltig sortering.';
    if (Object.keys(errors).length > 0 || !sortValid || !isPageSize(pageSize) || typeof page !== 'number') {
      throw new ProblemError(422, { detail: 'Kontrollera sökfrågan.', errors });
    }
    const sort: Sort = { key: s.key as Sort['key'], direction: s.direction as Sort['direction'] };
    return { filters, sort, page, pageSize };
  }
}

/** Multipart text parts arrive with CRLF line breaks; messages are stored and counted with LF. */
function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function eventOf(user: User): ConversationEvent {
  return user.side === 'kpa' ? 'kpa-sends' : 'employer-sends';
}

function requireIdempotencyKey(key: string | null): string {
  const trimmed = key?.trim() ?? '';
  if (trimmed === '') throw new ProblemError(400, { detail: 'Idempotency-Key saknas.' });
  return trimmed;
}

interface IdempotencyEntry {
  /** The request's text fields, file names and sizes. */
  fingerprint: string;
  /** The files' bytes: a retry must send the same files, not just the same names. */
  files: readonly Uint8Array[];
  /** When the key was first used (store clock, ms). */
  at: number;
  conversation: Conversation;
}

function sameBytes(a: readonly Uint8Array[], b: readonly UploadedFile[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((bytes, i) => {
    const other = b[i]!.bytes;
    if (bytes.length !== other.length) return false;
    for (let j = 0; j < bytes.length; j++) if (bytes[j] !== other[j]) return false;
    return true;
  });
}

function idempotencyScope(user: User, key: string): string {
  return `${user.id.toUpperCase()}\u0000${key}`;
}

function conflictInfo(r: ConversationRecord, side: Side): { assignee: UserRef | null; version: string } {
  const assignee = summaryFor(r, side).assignee;
  return { assignee: assignee ? userRef(assignee) : null, version: versionOf(r) };
}

/** The inbox row as a reader of `side` sees it: with that side's assignee (`assignment.per-side`). */
export function summaryFor(r: ConversationRecord, side: Side): ConversationSummary {
  return side === 'kpa' ? { ...r.summary, assignee: r.kpaAssignee } : r.summary;
}

function copySummary(s: ConversationSummary): ConversationSummary {
  return {
    number: s.number,
    subject: { ...s.subject },
    status: s.status,
    lastActivityAt: s.lastActivityAt,
    assignee: s.assignee ? userRef(s.assignee) : null,
    organisation: { ...s.organisation },
    waitingSince: s.waitingSince ?? null,
  };
}

const ASSIGNMENT_ACTIONS: readonly HistoryAction[] = ['claimed', 'released', 'taken-over'];

/**
 * The conversation as a reader of `side` sees it: that side's assignee, and of the history only
 * that side's claims, releases and take-overs (`perSide` false: everyone's, as a server that
 * breaks `assignment.per-side` would).
 */
export function toConversation(r: ConversationRecord, side: Side = 'employer', perSide = true): Conversation {
  return {
    ...copySummary(perSide ? summaryFor(r, side) : r.summary),
    messages: r.messages.map((m) => ({
      id: m.id,
      author: userRef(m.author),
      sentAt: m.sentAt,
      body: m.body,
      attachments: m.attachments.map((a) => ({ ...a })),
    })),
    history: r.history
      .filter((h) => !perSide || !ASSIGNMENT_ACTIONS.includes(h.action) || h.actor.side === side)
      .map((h) => {
        const entry: HistoryEntry = { action: h.action, actor: userRef(h.actor), at: h.at };
        if (h.previousAssignee !== undefined)
          entry.previousAssignee = h.previousAssignee ? userRef(h.previousAssignee) : null;
        return entry;
      }),
    version: versionOf(r),
  };
}

/** Bytes for a seeded attachment: a recognisable header, padded to the stated size. */
function synthesiseAttachment(a: Attachment): Blob {
  const header = new TextEncoder().encode(
    a.mimeType === 'application/pdf' ? `%PDF-1.4\n% Mock attachment ${a.id}\n` : `Mock attachment ${a.id}\n`,
  );
  const bytes = new Uint8Array(Math.max(a.size, header.length));
  bytes.fill(0x20);
  bytes.set(header);
  return new Blob([bytes], { type: a.mimeType });
}

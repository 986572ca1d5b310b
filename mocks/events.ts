/**
 * Live updates of the mock backend (`GET /events`, api/openapi.yaml rules `events.*`): the store's
 * log of changes, and the Server-Sent Events stream of one user over it. Events carry numbers,
 * versions and counts only; every event has an id made of the log's epoch and the change's place
 * in it, so that an id from before a reset (a new log) is never taken for one of this log.
 */
import type { User } from '../src/domain/types.js';
import type { RuleSwitches } from './rules.js';
import type { ConversationRecord, MockStore } from './store.js';

/** How long a client waits before reconnecting (`retry:`), in milliseconds. */
export const RETRY_MS = 3000;
/** How often an open stream sends a comment line (the contract's bound is 30 s). */
export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface Change {
  /** The event id: `<epoch>.<n>`. */
  readonly id: string;
  readonly number: string;
  readonly version: string;
}

/** What a stream hears: a change, or `null` when the log is closed (the store was replaced). */
type Listener = (change: Change | null) => void;

/** The last changes of a store, in order, for streams to tell and to resume from. */
export class ChangeLog {
  /** How many changes are kept for `Last-Event-ID`; an older id gets a `reset`. */
  static readonly KEPT = 1000;
  readonly #epoch = Math.random().toString(36).slice(2, 8);
  readonly #changes: Change[] = [];
  readonly #listeners = new Set<Listener>();
  #count = 0;

  /** The id of the latest change, or of the log's start. */
  get lastId(): string {
    return `${this.#epoch}.${this.#count}`;
  }

  add(number: string, version: string): void {
    const change = { id: `${this.#epoch}.${++this.#count}`, number, version };
    this.#changes.push(change);
    if (this.#changes.length > ChangeLog.KEPT) this.#changes.shift();
    for (const listener of this.#listeners) listener(change);
  }

  /** The changes after the event `id`, or null when `id` is not of this log or no longer kept. */
  since(id: string): Change[] | null {
    const [epoch, n] = id.split('.');
    const seen = Number(n);
    if (epoch !== this.#epoch || !Number.isInteger(seen) || seen < 0 || seen > this.#count) return null;
    const kept = this.#count - this.#changes.length;
    return seen < kept ? null : this.#changes.slice(seen - kept);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ends every stream open on this log (the store was replaced, or the demo's session ended). */
  close(): void {
    for (const listener of this.#listeners) listener(null);
    this.#listeners.clear();
  }
}

/** May `user` hear of this conversation? Staff hear of all, employer users of their organisation's. */
function inScope(user: User, record: ConversationRecord): boolean {
  return (
    user.side === 'kpa' || record.summary.organisation.customerNumber === user.organisation?.customerNumber
  );
}

export interface EventStreamOptions {
  store: MockStore;
  user: User;
  /** The request's `Last-Event-ID`, if any. */
  lastEventId: string | null;
  heartbeatMs: number;
  rules: RuleSwitches;
}

/** One user's `text/event-stream`: a `notices` event first, then every change in the user's scope. */
export function eventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { store, user, rules } = options;
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const event = (id: string, type: string, data: object) =>
        send(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
      let count: number | undefined;
      const notices = (id: string) => {
        const now = store.noticeCount(user);
        if (now !== count) event(id, 'notices', { count: (count = now) });
      };
      const tell = ({ id, number, version }: Change) => {
        const record = store.record(number);
        if (!record || (rules.enforced('events.organisation-scope') && !inScope(user, record))) return;
        // The switch plays a server that puts what the list shows into its events.
        const extra = rules.enforced('events.no-personal-data')
          ? {}
          : { subject: record.summary.subject.name, text: record.messages.at(-1)?.body };
        event(id, 'conversation', { number, version, ...extra });
      };

      const heartbeat = rules.enforced('events.heartbeat');
      if (heartbeat) send(`retry: ${RETRY_MS}\n\n`);
      const head = store.changes.lastId;
      const missed =
        options.lastEventId === null || !rules.enforced('events.resume')
          ? []
          : store.changes.since(options.lastEventId);
      if (missed === null) event(head, 'reset', {});
      else {
        // The latest version of each conversation that changed meanwhile, in the order they changed.
        const latest = new Map(missed.map((change) => [change.number, change]));
        for (const change of [...latest.values()].sort((a, b) => missed.indexOf(a) - missed.indexOf(b)))
          tell(change);
      }
      notices(head);

      const unsubscribe = store.changes.subscribe((change) => {
        if (change === null) {
          stop();
          controller.close();
        } else if (rules.enforced('events.changes')) {
          tell(change);
          notices(change.id);
        }
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const beat = () => {
        timer = setTimeout(() => {
          send(': heartbeat\n\n');
          beat();
        }, options.heartbeatMs);
      };
      if (heartbeat) beat();
      stop = () => {
        unsubscribe();
        clearTimeout(timer);
      };
    },
    cancel() {
      stop();
    },
  });
}

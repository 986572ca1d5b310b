/** The mock backend: store + handlers + faults + the switchable current user. */
import type { RequestHandler } from 'msw';
import type { User } from '../src/domain/types.js';
import { MockFaultController, type FaultController } from './faults.js';
import {
  createMockUsers,
  createServerConfig,
  employerPeopleByOrganisation,
  MOCK_USER_IDS,
  ORGANISATIONS,
  SUBJECTS,
} from './fixtures.js';
import { createHandlers, normaliseBasePath } from './handlers.js';
import { RuleSwitches, type RuleSwitch } from './rules.js';
import { generateSeed, MAX_SEED_SIZE } from './seed.js';
import { MockStore } from './store.js';

export const DEFAULT_BASE_PATH = '/api/secure-messages/v1';
export const DEFAULT_SEED = 1;
export const DEFAULT_SIZE = 60;

export interface MockBackendOptions {
  /** PRNG seed; the same seed, size and `now` give the same data. Default 1. */
  seed?: number;
  /** Number of seeded conversations, 0..100,000. Default 60. */
  size?: number;
  /** Default '/api/secure-messages/v1'. Fixed when the backend is created. */
  basePath?: string;
  /** The seed's "today"; default: the time of (re)seeding. New writes are stamped from it onwards. */
  now?: Date;
  /** Signed-in user; default the employer NAEF00. */
  currentUserId?: string;
  /**
   * Origins besides the request's own from which writes are accepted (e.g. the demo's origin
   * when the API is served elsewhere). A write with any other `Origin` answers 403. Fixed when the
   * backend is created.
   */
  allowedOrigins?: readonly string[];
  /**
   * The user of each request, for a server that keeps sessions (the mock HTTP server); null
   * answers 401. Default: `currentUser()` for every request. Fixed when the backend is created.
   */
  userFor?: (request: Request) => User | null;
  /**
   * TEST-ONLY: contract rules, or clauses of rules (`rule:clause`), the backend stops enforcing, so
   * that the conformance kit's tests can show the kit notices. Never use it anywhere else. Fixed
   * when the backend is created.
   */
  unenforcedRules?: readonly RuleSwitch[];
  /** How often an open event stream (`GET /events`) sends a heartbeat, in ms; default 15 s. */
  heartbeatMs?: number;
  /**
   * False: the backend has no live updates (`GET /events` answers 404) and the elements poll, as
   * against a server without them. Default true. Fixed when the backend is created.
   */
  liveUpdates?: boolean;
}

export interface MockBackend {
  /** msw `http` handlers matching `*${basePath}/...`. */
  readonly handlers: RequestHandler[];
  /** In-memory state, readable by tests (replaced on every reset). */
  readonly store: MockStore;
  readonly faults: FaultController;
  readonly users: readonly User[];
  currentUser(): User;
  /** Switches between employer users and the case officer (ids in any case). */
  setCurrentUser(id: string): void;
  /** Reseeds deterministically (options merged over the creation options), clears faults and replays. */
  reset(options?: MockBackendOptions): void;
}

function findUser(users: readonly User[], id: string): User {
  const user = users.find((u) => u.id.toUpperCase() === id.trim().toUpperCase());
  if (!user) throw new Error(`Unknown mock user ${id}; known: ${users.map((u) => u.id).join(', ')}`);
  return user;
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const creationOptions = { ...options };
  const basePath = normaliseBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const users: readonly User[] = Object.freeze(createMockUsers());
  const people = employerPeopleByOrganisation(users);
  const faults = new MockFaultController();
  const rules = new RuleSwitches(options.unenforcedRules);
  let store: MockStore;
  let current: User;

  const seed = (opts: MockBackendOptions) => {
    const size = opts.size ?? DEFAULT_SIZE;
    if (!(Number.isInteger(size) && size >= 0 && size <= MAX_SEED_SIZE)) {
      throw new RangeError(`size must be an integer 0..${MAX_SEED_SIZE}, got ${size}`);
    }
    const now = opts.now ?? new Date();
    const seededAt = Date.now();
    const config = createServerConfig();
    const data = generateSeed({
      seed: opts.seed ?? DEFAULT_SEED,
      size,
      now,
      subjects: SUBJECTS,
      organisations: ORGANISATIONS,
      people,
      config,
    });
    store = new MockStore({
      records: data.records,
      subjects: SUBJECTS,
      organisations: ORGANISATIONS,
      config,
      clock: () => new Date(now.getTime() + Math.max(0, Date.now() - seededAt)),
      nextNumber: data.nextNumber,
      rules,
    });
    current = findUser(users, opts.currentUserId ?? MOCK_USER_IDS.employer);
  };
  seed(creationOptions);

  const backend: MockBackend = {
    handlers: [],
    get store() {
      return store;
    },
    faults,
    users,
    currentUser: () => current,
    setCurrentUser(id: string) {
      current = findUser(users, id);
    },
    reset(resetOptions: MockBackendOptions = {}) {
      if (resetOptions.basePath !== undefined && normaliseBasePath(resetOptions.basePath) !== basePath) {
        throw new Error('basePath is fixed when the mock backend is created');
      }
      faults.clear();
      // Streams on the old store end; clients reconnect to the new one.
      store.changes.close();
      seed({ ...creationOptions, ...resetOptions });
    },
  };
  backend.handlers.push(
    ...createHandlers({
      basePath,
      get store() {
        return store;
      },
      faults,
      currentUser: () => current,
      ...(options.userFor ? { userFor: options.userFor } : {}),
      allowedOrigins: [...(options.allowedOrigins ?? [])],
      rules,
      ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
      ...(options.liveUpdates === undefined ? {} : { liveUpdates: options.liveUpdates }),
    }),
  );
  return backend;
}

/**
 * Fault injection for the mock backend: slow answers, no network, error statuses, requests that
 * never answer, and writes whose response is lost after the server did the work.
 */

export type FaultMatch = {
  /** HTTP method, any case. */
  method?: string;
  /**
   * Tested against the path after the base path, e.g. '/conversations' or
   * '/conversations/12345/claim'. A string must equal the path; a RegExp is tested against it.
   */
  path?: string | RegExp;
};

export type FaultStatus = 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 500 | 502 | 503 | 504;

/** Statuses a gateway in front of the server answers with. */
export type GatewayFaultStatus = 502 | 503 | 504;

/** The origin does the work (stores the message), then a gateway answers with an HTML error page. */
export type GatewayFault = { kind: 'gateway'; status: GatewayFaultStatus };

export type Fault =
  /** Delay every matching response. */
  | { kind: 'latency'; ms: number }
  /** Network error, nothing stored. */
  | { kind: 'offline' }
  /** Answer with this problem response, nothing stored. */
  | { kind: 'status'; status: FaultStatus; retryAfterSeconds?: number }
  /** Never answers (until the request is aborted, or the faults are cleared). */
  | { kind: 'hang' }
  /** The server stores/does the work, then the response is lost (network error). */
  | { kind: 'lost-response' }
  /** The server stores/does the work, then a gateway answers `status` with a small text/html page. */
  | GatewayFault;

export type FaultRule = Fault & {
  match?: FaultMatch;
  /** How many matching requests this fault affects; default: every matching request. */
  times?: number;
};

export interface FaultController {
  add(fault: FaultRule): void;
  clear(): void;
  readonly active: readonly Fault[];
}

/** What to do with one request. */
export interface FaultDecision {
  /** Total delay of the matching latency faults, in ms. */
  latencyMs: number;
  /** The first matching fault of another kind, if any. */
  fault: Exclude<Fault, { kind: 'latency' }> | null;
}

export function matchesFault(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path !== undefined) {
    if (typeof match.path === 'string') return match.path === path;
    match.path.lastIndex = 0;
    return match.path.test(path);
  }
  return true;
}

export class MockFaultController implements FaultController {
  #rules: FaultRule[] = [];
  readonly #hanging = new Set<() => void>();

  add(fault: FaultRule): void {
    if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
      throw new RangeError(`times must be a positive integer, got ${fault.times}`);
    }
    if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new RangeError(`ms must be ≥ 0, got ${fault.ms}`);
    if (fault.kind === 'gateway' && ![502, 503, 504].includes(fault.status)) {
      throw new RangeError(`a gateway fault's status is 502, 503 or 504, got ${String(fault.status)}`);
    }
    this.#rules.push({ ...fault });
  }

  /** Removes every fault and lets every hanging request end (with a network error). */
  clear(): void {
    this.#rules = [];
    for (const release of [...this.#hanging]) release();
    this.#hanging.clear();
  }

  /** The faults still in force (each with its match and remaining times). */
  get active(): readonly FaultRule[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  /** Picks the faults for one request and counts them down. */
  take(method: string, path: string): FaultDecision {
    let latencyMs = 0;
    let fault: FaultDecision['fault'] = null;
    const used = new Set<FaultRule>();
    for (const rule of this.#rules) {
      if (!matchesFault(rule.match, method, path)) continue;
      if (rule.kind === 'latency') {
        latencyMs += rule.ms;
        used.add(rule);
      } else if (fault === null) {
        fault = stripRule(rule);
        used.add(rule);
      }
    }
    if (used.size > 0) {
      this.#rules = this.#rules.filter((rule) => {
        if (!used.has(rule) || rule.times === undefined) return true;
        rule.times--;
        return rule.times > 0;
      });
    }
    return { latencyMs, fault };
  }

  /** Resolves when the signal aborts or the faults are cleared; never otherwise. */
  hang(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const release = () => {
        this.#hanging.delete(release);
        signal?.removeEventListener('abort', release);
        resolve();
      };
      this.#hanging.add(release);
      if (signal?.aborted) release();
      else signal?.addEventListener('abort', release, { once: true });
    });
  }
}

function stripRule(rule: FaultRule): Exclude<Fault, { kind: 'latency' }> {
  switch (rule.kind) {
    case 'status':
      return rule.retryAfterSeconds === undefined
        ? { kind: 'status', status: rule.status }
        : { kind: 'status', status: rule.status, retryAfterSeconds: rule.retryAfterSeconds };
    case 'gateway':
      return { kind: 'gateway', status: rule.status };
    case 'offline':
    case 'hang':
    case 'lost-response':
      return { kind: rule.kind };
    default:
      throw new Error(`Unknown fault kind: ${(rule as Fault).kind}`);
  }
}

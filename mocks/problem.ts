/** `application/problem+json` bodies (RFC 9457) as the mock backend answers them. */
import type { Problem } from '../src/adapter/problem.js';

/** The contract's problem body (the REST adapter reads the same type). */
export type ProblemDetails = Problem;

const TITLES: Readonly<Record<number, [slug: string, title: string]>> = {
  400: ['bad-request', 'Felaktig begäran'],
  401: ['unauthorized', 'Inloggning krävs'],
  403: ['forbidden', 'Behörighet saknas'],
  404: ['not-found', 'Hittades inte'],
  409: ['conflict', 'Konflikt'],
  412: ['precondition-failed', 'Ärendet har ändrats'],
  413: ['too-large', 'Filen är för stor'],
  415: ['unsupported-type', 'Filtypen stöds inte'],
  421: ['misdirected-request', 'Fel värdnamn'],
  422: ['validation', 'Ogiltiga uppgifter'],
  428: ['precondition-required', 'Version saknas'],
  500: ['server-error', 'Tekniskt fel'],
  502: ['bad-gateway', 'Tekniskt fel'],
  503: ['unavailable', 'Tjänsten är inte tillgänglig'],
  504: ['gateway-timeout', 'Tjänsten svarade inte i tid'],
};

export function problemType(status: number): string {
  const slug = TITLES[status]?.[0] ?? 'error';
  return `urn:kpa:secure-messages:problem:${slug}`;
}

export function problemDetails(
  status: number,
  extra: Partial<Omit<ProblemDetails, 'status'>> = {},
): ProblemDetails {
  return { type: problemType(status), title: TITLES[status]?.[1] ?? 'Fel', status, ...extra };
}

/** Thrown by the store; the handlers turn it into a problem response. */
export class ProblemError extends Error {
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    extra: Partial<Omit<ProblemDetails, 'status'>> = {},
    headers: Record<string, string> = {},
  ) {
    const problem = problemDetails(status, extra);
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.headers = headers;
  }
  get status(): number {
    return this.problem.status;
  }
}

/**
 * The mock backend over real HTTP (Node only): the MSW handlers answered through msw's
 * `getResponse`, with what a real server adds around them — sessions per cookie with a sign-in
 * that only this development server offers, an idle timeout that background requests
 * (`X-Background-Request: 1`) do not extend, a CSRF token or an allowed Origin on every write, a
 * CORS allowlist, and no trust in `Host`: a request naming a host that is not one of the server's
 * own names is 421, so that a DNS-rebinding page cannot drive it. The live-updates stream
 * (`GET /events`) is background traffic and ends with its session, at once on `/dev/sign-out`.
 * Since anyone who reaches it can
 * sign in without a password, it serves only loopback addresses unless told that anyone on the
 * network may sign in. `npm run mock-server` starts it (mocks/server-cli.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIPv4, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { getResponse } from 'msw';
import type { User } from '../src/domain/types.js';
import { createMockBackend, DEFAULT_BASE_PATH, type MockBackend } from './backend.js';
import { normaliseBasePath } from './handlers.js';
import { problemDetails } from './problem.js';
import { RuleSwitches, type RuleSwitch } from './rules.js';

export const SESSION_COOKIE = 'sm_dev_session';
export const CSRF_HEADER = 'X-CSRF-Token';
export const BACKGROUND_HEADER = 'X-Background-Request';
export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = ['http://localhost:5173', 'http://127.0.0.1:5173'];

export interface MockHttpServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Anything but a loopback address needs `anyoneOnTheNetworkCanSignIn`. */
  host?: string;
  /** Serve a `host` other than loopback: anyone who reaches it can sign in as any mock user. */
  anyoneOnTheNetworkCanSignIn?: boolean;
  seed?: number;
  size?: number;
  basePath?: string;
  /** Page origins allowed to call the API with credentials (CORS) and to write. */
  allowedOrigins?: readonly string[];
  /** A session ends after this long without a request that is not a background request. */
  idleTimeoutMs?: number;
  /** TEST-ONLY (see rules.ts): rules, or clauses of rules, this server stops enforcing. */
  unenforcedRules?: readonly RuleSwitch[];
  /** How often an open event stream sends a heartbeat, in ms; default 15 s. */
  heartbeatMs?: number;
  /** Told of every request, CORS preflights included, with its session's user (for tests and measurements). */
  onRequest?: (request: { method: string; path: string; userId: string | null }) => void;
}

export interface MockHttpServer {
  /** e.g. http://127.0.0.1:8787 */
  readonly origin: string;
  /** The API's base URL, e.g. http://127.0.0.1:8787/api/secure-messages/v1 */
  readonly baseUrl: string;
  readonly backend: MockBackend;
  /** Number of live sessions. */
  sessionCount(): number;
  /** Number of open event streams (`GET /events`). */
  streamCount(): number;
  close(): Promise<void>;
}

interface Session {
  userId: string;
  csrfToken: string;
  lastSeen: number;
}

/** 127.0.0.0/8, ::1 or localhost: only this machine reaches it. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || (isIPv4(name) && name.startsWith('127.'));
}

/** A host as it stands in a URL or a `Host` header: an IPv6 address in brackets. */
const urlHost = (name: string) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);

/**
 * The `host:port` names a server bound to `host` answers to: the loopback names, the host it was
 * given and, bound to every interface, the address of each.
 */
function ownHosts(host: string, address: AddressInfo): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', host, address.address];
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) names.push(...(list ?? []).map((i) => i.address));
  }
  return new Set(names.map((name) => `${urlHost(name)}:${address.port}`.toLowerCase()));
}

function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const bindTo = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(bindTo) && !options.anyoneOnTheNetworkCanSignIn) {
    throw new RangeError(
      `Refusing to serve ${bindTo}: anyone who reaches the mock server can sign in without a password.`,
    );
  }
  const rules = new RuleSwitches(options.unenforcedRules);
  const enforced = (rule: RuleSwitch) => rules.enforced(rule);
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const allowedOrigins = [...(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS)];
  const basePath = normaliseBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const sessions = new Map<string, Session>();
  /** The open event streams of each session, to end them when it ends. */
  const streams = new Map<string, Set<() => void>>();

  const sessionOf = (cookieHeader: string | null | undefined): Session | null => {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return null;
    if (Date.now() - session.lastSeen >= idleTimeoutMs) {
      sessions.delete(id);
      return null;
    }
    return session;
  };

  const backend = createMockBackend({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.size === undefined ? {} : { size: options.size }),
    basePath,
    allowedOrigins,
    ...(options.unenforcedRules ? { unenforcedRules: options.unenforcedRules } : {}),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
    // The session was checked before the handlers run; this only names its user.
    userFor: (request: Request): User | null => {
      const session = sessionOf(request.headers.get('Cookie'));
      const id = session?.userId ?? (enforced('auth.session-required') ? null : backend.currentUser().id);
      return backend.users.find((u) => u.id === id) ?? null;
    },
  });

  const cookie = (id: string, maxAgeSeconds: number): string =>
    [
      `${SESSION_COOKIE}=${id}`,
      'Path=/',
      `Max-Age=${maxAgeSeconds}`,
      'Secure',
      ...(enforced('auth.cookie-attributes') ? ['HttpOnly'] : []),
      'SameSite=Strict',
    ].join('; ');

  const corsOrigin = (origin: string | undefined, own: string): string | null => {
    if (!origin || origin === own) return null;
    if (allowedOrigins.includes(origin) || !enforced('cors.allowlist')) return origin;
    return null;
  };

  const send = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string | string[]>,
    body: string | Buffer = '',
  ): void => {
    res.writeHead(status, headers);
    res.end(body);
  };

  const problem = (res: ServerResponse, status: number, detail: string, extra: Record<string, string> = {}) =>
    send(
      res,
      status,
      { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...extra },
      JSON.stringify(problemDetails(status, { detail })),
    );

  const signIn = async (req: IncomingMessage, res: ServerResponse, own: string) => {
    const body = (await readBody(req, 10_000)).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    let userId = '';
    if (type.startsWith('application/json')) {
      try {
        userId = String((JSON.parse(body) as { user?: unknown }).user ?? '');
      } catch {
        userId = '';
      }
    } else {
      userId = new URLSearchParams(body).get('user') ?? '';
    }
    const origin = req.headers.origin;
    if (origin && origin !== own && !allowedOrigins.includes(origin)) {
      return problem(res, 403, 'Inloggningen kommer från en otillåten webbplats.');
    }
    const user = backend.users.find((u) => u.id === userId.trim().toUpperCase());
    if (!user) return problem(res, 422, 'Okänd användare.');
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    sessions.set(id, { userId: user.id, csrfToken, lastSeen: Date.now() });
    const headers = {
      'Set-Cookie': cookie(id, Math.ceil(idleTimeoutMs / 1000)),
      'Cache-Control': 'no-store',
    };
    if (type.startsWith('application/json')) {
      return send(
        res,
        200,
        { ...headers, 'Content-Type': 'application/json' },
        JSON.stringify({
          user: user.id,
          csrfToken,
          csrfHeader: CSRF_HEADER,
          cookie: `${SESSION_COOKIE}=${id}`,
        }),
      );
    }
    return send(
      res,
      200,
      { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
      `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Inloggad</title><p>Inloggad som ${escapeHtml(user.name)} (${user.id}). Den här fliken kan stängas.</p></html>`,
    );
  };

  const signInPage = (res: ServerResponse) => {
    const buttons = backend.users
      .map((u) => `<li><button name="user" value="${u.id}">${escapeHtml(u.name)} (${u.id})</button></li>`)
      .join('');
    send(
      res,
      200,
      { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Logga in (mockserver)</title><h1>Logga in på mockservern</h1><form method="post" action="/dev/sign-in"><ul>${buttons}</ul></form></html>`,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, own: string) => {
    const url = new URL(req.url ?? '/', own);
    const method = (req.method ?? 'GET').toUpperCase();
    const userId = sessions.get(cookieValue(req.headers.cookie, SESSION_COOKIE) ?? '')?.userId ?? null;
    options.onRequest?.({ method, path: url.pathname, userId });
    if (url.pathname === '/dev/sign-in') {
      if (method === 'GET') return signInPage(res);
      if (method === 'POST') return signIn(req, res, own);
    }
    if (url.pathname === '/dev/sign-out' && method === 'POST') {
      // The demo's Logga ut calls it from its own origin: refused from others, readable by allowed ones.
      const origin = req.headers.origin;
      const allowed = origin !== undefined && origin !== own && allowedOrigins.includes(origin);
      if (origin && origin !== own && !allowed)
        return problem(res, 403, 'Utloggningen kommer från en otillåten webbplats.');
      const id = cookieValue(req.headers.cookie, SESSION_COOKIE);
      if (id) sessions.delete(id);
      if (id && enforced('events.session-end')) for (const end of streams.get(id) ?? []) end();
      return send(res, 204, {
        'Set-Cookie': cookie('', 0),
        'Cache-Control': 'no-store',
        ...(allowed
          ? {
              'Access-Control-Allow-Origin': origin,
              'Access-Control-Allow-Credentials': 'true',
              Vary: 'Origin',
            }
          : {}),
      });
    }
    if (!(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      return problem(res, 404, 'Okänd resurs.');
    }

    const origin = req.headers.origin;
    const allowed = corsOrigin(origin, own);
    const cors: Record<string, string> = allowed
      ? { 'Access-Control-Allow-Origin': allowed, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
      : { Vary: 'Origin' };
    if (method === 'OPTIONS') {
      return send(res, 204, {
        ...cors,
        ...(allowed
          ? {
              'Access-Control-Allow-Methods': 'GET, POST',
              'Access-Control-Allow-Headers': `Content-Type, Accept, Idempotency-Key, If-Match, Last-Event-ID, ${CSRF_HEADER}, ${BACKGROUND_HEADER}`,
              'Access-Control-Max-Age': '600',
            }
          : {}),
        'Cache-Control': 'no-store',
      });
    }

    const session = sessionOf(req.headers.cookie);
    if (!session && enforced('auth.session-required')) return problem(res, 401, 'Inloggning krävs.', cors);
    const extra: Record<string, string> = { ...cors };
    const stream = url.pathname === `${basePath}/events`;
    if (session) {
      const background =
        req.headers[BACKGROUND_HEADER.toLowerCase()] === '1' || (stream && enforced('events.background'));
      if (!background || !enforced('auth.background-no-extend')) {
        session.lastSeen = Date.now();
        const id = cookieValue(req.headers.cookie, SESSION_COOKIE)!;
        extra['Set-Cookie'] = cookie(id, Math.ceil(idleTimeoutMs / 1000));
      }
      if (method !== 'GET' && method !== 'HEAD' && enforced('csrf.token')) {
        const token = req.headers[CSRF_HEADER.toLowerCase()];
        const tokenOk = typeof token === 'string' && sameSecret(token, session.csrfToken);
        const originOk = origin !== undefined && (origin === own || allowedOrigins.includes(origin));
        if (!tokenOk && !originOk) {
          return problem(res, 403, 'CSRF-token eller tillåten Origin saknas.', extra);
        }
      }
    }

    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, 64 * 1024 * 1024);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const request = new Request(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
    const response = await getResponse(backend.handlers, request);
    if (!response || response.type === 'error') {
      res.destroy();
      return;
    }
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    Object.assign(out, extra);
    if (!enforced('cors.allowlist:expose')) delete out['access-control-expose-headers'];
    if (stream && response.status === 200 && response.body) return pipeStream(req, res, out, response.body);
    send(res, response.status, out, Buffer.from(await response.arrayBuffer()));
  };

  /** An event stream, written as it comes, until the client goes, the server closes or the session ends. */
  const pipeStream = async (
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string | string[]>,
    body: ReadableStream<Uint8Array>,
  ) => {
    res.writeHead(200, headers);
    const id = cookieValue(req.headers.cookie, SESSION_COOKIE) ?? '';
    const reader = body.getReader();
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      const ends = streams.get(id);
      ends?.delete(end);
      if (ends?.size === 0) streams.delete(id);
      reader.cancel().catch(() => {});
      res.end();
    };
    streams.set(id, (streams.get(id) ?? new Set()).add(end));
    res.on('close', end);
    while (open) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done || !open) break;
      const session = sessionOf(req.headers.cookie);
      // Each heartbeat looks at the session; the switches play a server that does not.
      if (!session && enforced('events.session-end') && enforced('auth.session-required')) break;
      if (session && !enforced('events.background')) session.lastSeen = Date.now();
      res.write(value);
    }
    end();
  };

  // Set once listening: the server's own `host:port` names and origin.
  let hosts = new Set<string>();
  let serverOrigin = '';
  const server: Server = createServer((req, res) => {
    // `own` (what Origin is compared with, and the base of URLs) is the origin the request names
    // only when its Host is one of the server's names. The switches play a server that trusts Host.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host) && enforced('csrf.host-not-trusted:host')) {
      return problem(res, 421, 'Okänt värdnamn (Host): mockservern svarar bara på sina egna namn.');
    }
    const trusted = hosts.has(host) || !enforced('csrf.host-not-trusted');
    handle(req, res, trusted ? `http://${host}` : serverOrigin).catch(() => {
      if (!res.headersSent) problem(res, 500, 'Oväntat fel i mockservern.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, bindTo, () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = ownHosts(bindTo, address);
  serverOrigin = `http://${urlHost(address.address)}:${address.port}`;
  return {
    origin: serverOrigin,
    baseUrl: `${serverOrigin}${basePath}`,
    backend,
    sessionCount: () => sessions.size,
    streamCount: () => [...streams.values()].reduce((n, ends) => n + ends.size, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The conformance kit and the mock HTTP server, tested in Node over real HTTP on 127.0.0.1:
 * the kit passes against the mock server, and with any one rule switched off (the mock server's
 * test-only switch) it reports exactly that rule as failed. Run by `npm run test:contract`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startMockHttpServer, type MockHttpServer } from '../../mocks/http-server.js';
import { CONTRACT_RULES, type ContractRule } from '../../mocks/rules.js';
import { runConformance } from '../../conformance/kit.mjs';
import { RULES } from '../../conformance/rules.mjs';

interface RuleResult {
  id: string;
  ok: boolean | null;
  evidence?: string;
}

const ALLOWED_ORIGIN = 'http://localhost:5173';
const PARTY_USERS = {
  employer: 'NAEF00',
  colleague: 'ABCD01',
  otherOrganisation: 'OTOR01',
  officer: 'KPAH01',
};

async function signIn(server: MockHttpServer, user: string) {
  const response = await fetch(`${server.origin}/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { cookie: string; csrfToken: string };
  return {
    cookie: body.cookie,
    csrfToken: body.csrfToken,
    setCookie: response.headers.get('Set-Cookie') ?? '',
  };
}

async function kitAgainst(unenforced: ContractRule[], idleTimeoutSeconds?: number): Promise<RuleResult[]> {
  const server = await startMockHttpServer({
    port: 0,
    size: 20,
    allowedOrigins: [ALLOWED_ORIGIN],
    unenforcedRules: unenforced,
    ...(idleTimeoutSeconds ? { idleTimeoutMs: idleTimeoutSeconds * 1000 } : {}),
  });
  try {
    const parties = Object.fromEntries(
      await Promise.all(
        Object.entries(PARTY_USERS).map(async ([party, user]) => {
          const { cookie, csrfToken } = await signIn(server, user);
          return [party, { cookie, csrfToken }];
        }),
      ),
    );
    return (await runConformance({
      baseUrl: server.baseUrl,
      parties,
      allowedOrigin: ALLOWED_ORIGIN,
      ...(idleTimeoutSeconds ? { idleTimeoutSeconds } : {}),
    })) as RuleResult[];
  } finally {
    await server.close();
  }
}

const failed = (results: RuleResult[]) => results.filter((r) => r.ok === false).map((r) => r.id);

describe('conformance kit', () => {
  it('checks the same rules the mock backend knows', () => {
    assert.deepEqual(
      (RULES as { id: string }[]).map((r) => r.id),
      [...CONTRACT_RULES],
    );
  });

  it('passes every rule against the mock server', async () => {
    const results = await kitAgainst([], 2);
    assert.deepEqual(failed(results), [], JSON.stringify(results.filter((r) => r.ok !== true)));
    assert.equal(results.filter((r) => r.ok === true).length, CONTRACT_RULES.length);
  });

  for (const rule of CONTRACT_RULES) {
    it(`reports exactly ${rule} when the mock server does not enforce it`, async () => {
      const results = await kitAgainst([rule], rule === 'auth.background-no-extend' ? 2 : undefined);
      assert.deepEqual(failed(results), [rule], JSON.stringify(results.filter((r) => r.ok === false)));
      assert.ok(results.find((r) => r.id === rule)?.evidence, 'a failure comes with its evidence');
    });
  }

  it('as a command: one line per rule, a summary, exit 0; exit 1 on a failure', async () => {
    for (const [unenforced, code] of [
      [[], 0],
      [['download.nosniff'], 1],
    ] as [ContractRule[], number][]) {
      const server = await startMockHttpServer({ port: 0, size: 5, unenforcedRules: unenforced });
      try {
        const { status, stdout } = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['conformance/cli.mjs', '--base-url', server.baseUrl, '--dev-sign-in'],
            {
              stdio: ['ignore', 'pipe', 'inherit'],
            },
          );
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('close', (exit) => resolve({ status: exit, stdout: out }));
        });
        assert.equal(status, code, stdout);
        for (const id of CONTRACT_RULES)
          assert.match(stdout, new RegExp(`^[✓✗–] ${id.replace('.', '\\.')}:`, 'm'));
        assert.match(stdout, /^\d+ passed, \d+ failed, \d+ skipped$/m);
        if (code === 1)
          assert.match(
            stdout,
            /^✗ download\.nosniff: .*expected X-Content-Type-Options: nosniff, received null/m,
          );
      } finally {
        await server.close();
      }
    }
  });
});

describe('mock HTTP server', () => {
  let server: MockHttpServer;
  before(async () => {
    server = await startMockHttpServer({
      port: 0,
      size: 10,
      idleTimeoutMs: 1000,
      allowedOrigins: [ALLOWED_ORIGIN],
    });
  });
  after(() => server.close());

  const me = (cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/me`, { headers: { Cookie: cookie, ...headers } });

  it('signs a mock user in with a Secure, HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const { setCookie, csrfToken, cookie } = await signIn(server, 'naef00');
    assert.match(
      setCookie,
      /^sm_dev_session=[\w-]{43}; Path=\/; Max-Age=1; Secure; HttpOnly; SameSite=Strict$/,
    );
    assert.match(csrfToken, /^[\w-]{43}$/);
    assert.equal(((await (await me(cookie)).json()) as { id: string }).id, 'NAEF00');
    const unknown = await fetch(`${server.origin}/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: 'NOPE00' }),
    });
    assert.equal(unknown.status, 422);
  });

  it('keeps one session per cookie: an employer and a case officer on one backend', async () => {
    const employer = await signIn(server, 'NAEF00');
    const officer = await signIn(server, 'KPAH01');
    assert.equal(((await (await me(employer.cookie)).json()) as { side: string }).side, 'employer');
    assert.equal(((await (await me(officer.cookie)).json()) as { side: string }).side, 'kpa');
    assert.equal((await me('sm_dev_session=forged')).status, 401);
  });

  it('ends an idle session; background requests do not extend it, other requests do', async () => {
    // The server reads the time from Date.now(); the test holds it and moves it on instead of
    // waiting, so the idle time (1 s) passes exactly, however slow or fast the machine.
    const realNow = Date.now;
    const start = realNow();
    let offset = 0;
    Date.now = () => start + offset;
    try {
      const kept = await signIn(server, 'NAEF00');
      const idle = await signIn(server, 'NAEF00');
      for (let i = 0; i < 4; i++) {
        offset += 400;
        assert.equal((await me(kept.cookie)).status, 200, 'a normal request keeps the session');
        const background = await me(idle.cookie, { 'X-Background-Request': '1' });
        if (i === 0) {
          assert.equal(background.status, 200);
          assert.equal(
            background.headers.get('Set-Cookie'),
            null,
            'a background request does not renew the cookie',
          );
        }
      }
      assert.equal(
        (await me(idle.cookie)).status,
        401,
        'only background requests: signed out after the idle time',
      );
      assert.equal((await me(kept.cookie)).status, 200);
    } finally {
      Date.now = realNow;
    }
  });

  it('refuses writes without a CSRF token or an allowed Origin, and from foreign origins', async () => {
    const { cookie, csrfToken } = await signIn(server, 'NAEF00');
    const post = (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/conversations/search`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({
          filters: { subjectId: null, messageNumber: '', assigneeId: '', text: '', statuses: [] },
          sort: { key: 'date', direction: 'desc' },
          page: 1,
          pageSize: 25,
        }),
      });
    assert.equal((await post({})).status, 403);
    assert.equal((await post({ 'X-CSRF-Token': csrfToken })).status, 200);
    assert.equal((await post({ Origin: ALLOWED_ORIGIN })).status, 200);
    assert.equal((await post({ Origin: server.origin })).status, 200);
    assert.equal((await post({ 'X-CSRF-Token': csrfToken, Origin: 'https://evil.example' })).status, 403);
    assert.equal((await post({ 'X-CSRF-Token': csrfToken, 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  });

  it('answers CORS for the allowlist only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.baseUrl}/me`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    assert.equal(allowed.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /X-Background-Request/);
    assert.equal((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin'), null);
  });
});

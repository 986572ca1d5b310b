/**
 * The conformance kit and the mock HTTP server, tested in Node over real HTTP on 127.0.0.1:
 * the kit passes against the mock server, and with any one rule or clause of a rule switched off
 * (the mock server's test-only switch) it reports exactly that rule as failed. Run by
 * `npm run test:contract`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { isLoopbackHost, startMockHttpServer, type MockHttpServer } from '../../mocks/http-server.js';
import { CONTRACT_RULES, RULE_CLAUSES, type ContractRule, type RuleSwitch } from '../../mocks/rules.js';
import { exchange, openStream, runConformance, TEST_MARKER } from '../../conformance/kit.mjs';
import { RULES } from '../../conformance/rules.mjs';

interface RuleResult {
  id: string;
  outcome: 'pass' | 'fail' | 'unchecked' | 'skipped';
  evidence?: string;
}
type Party = 'employer' | 'colleague' | 'otherOrganisation' | 'officer' | 'otherOfficer';

const ALLOWED_ORIGIN = 'http://localhost:5173';
const PARTY_USERS: Record<Party, string> = {
  employer: 'NAEF00',
  colleague: 'ABCD01',
  otherOrganisation: 'OTOR01',
  officer: 'KPAH01',
  otherOfficer: 'KPJL02',
};
const CSRF_REFUSED = 'CSRF-token eller tillåten Origin saknas.';
/** The mock server's heartbeat in these tests; the kit is told to expect one at least every second. */
const HEARTBEAT_MS = 200;
/** The rules checked by letting a session run out. */
const IDLE_RULES: readonly string[] = [
  'auth.background-no-extend',
  'events.background',
  'events.session-end',
];

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

async function signInParties(server: MockHttpServer, withoutCsrf?: Party) {
  const parties = {} as Record<Party, { cookie: string; csrfToken?: string }>;
  for (const [party, user] of Object.entries(PARTY_USERS) as [Party, string][]) {
    const { cookie, csrfToken } = await signIn(server, user);
    parties[party] = party === withoutCsrf ? { cookie } : { cookie, csrfToken };
  }
  return parties;
}

/**
 * Holds the clock (Date.now, which the server reads) still while the kit checks everything but
 * idle sessions, then lets it run on, after a jump of `jumpMs`, from the kit's line that it lets
 * the idle timeout pass: so a short idle timeout cannot end a session early on a slow machine, and
 * the last checks start where a test wants.
 */
function holdClockUntilLastCheck(jumpMs: number) {
  const realNow = Date.now;
  const held = realNow();
  Date.now = () => held;
  return {
    log(line: string) {
      if (/^Letting the idle timeout/.test(line)) {
        const since = realNow();
        Date.now = () => held + jumpMs + (realNow() - since);
      }
    },
    restore: () => (Date.now = realNow),
  };
}

/**
 * A kit run against a fresh mock server; `open` are the kit's conversations left open after it.
 * With `idleTimeoutSeconds` the clock is held until the last check (`jumpMs` then).
 */
async function kitAgainst(
  unenforced: RuleSwitch[],
  options: { idleTimeoutSeconds?: number; jumpMs?: number; withoutCsrf?: Party } = {},
) {
  const { idleTimeoutSeconds } = options;
  const clock = idleTimeoutSeconds ? holdClockUntilLastCheck(options.jumpMs ?? 0) : undefined;
  const server = await startMockHttpServer({
    port: 0,
    size: 20,
    allowedOrigins: [ALLOWED_ORIGIN],
    unenforcedRules: unenforced,
    heartbeatMs: HEARTBEAT_MS,
    ...(idleTimeoutSeconds ? { idleTimeoutMs: idleTimeoutSeconds * 1000 } : {}),
  });
  try {
    const results = (await runConformance({
      baseUrl: server.baseUrl,
      parties: await signInParties(server, options.withoutCsrf),
      allowedOrigin: ALLOWED_ORIGIN,
      heartbeatSeconds: 1,
      ...(idleTimeoutSeconds ? { idleTimeoutSeconds } : {}),
      ...(clock ? { log: clock.log } : {}),
    })) as RuleResult[];
    const open = server.backend.store
      .records()
      .filter((r) => r.messages[0]!.body.startsWith(TEST_MARKER) && r.summary.status !== 'closed')
      .map((r) => r.summary.number);
    return { results, open };
  } finally {
    clock?.restore();
    await server.close();
  }
}

const failed = (results: RuleResult[]) => results.filter((r) => r.outcome === 'fail').map((r) => r.id);
const resultOf = (results: RuleResult[], id: string) => results.find((r) => r.id === id)!;

/** A Node child process; `done` once it has exited and its output is read. */
function spawnNode(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, ...output })),
  );
  return { child, output, done };
}

const cli = (args: string[], env?: NodeJS.ProcessEnv) =>
  spawnNode(['conformance/cli.mjs', ...args], env).done;

/**
 * What the kit's evidence says when one switch is off: for every clause, and for the rules whose
 * evidence must show more than a ✗ (the write a trusted Host lets through, a problem's detail, who
 * saw or counted what).
 */
const EVIDENCE: Record<(typeof RULE_CLAUSES)[number], RegExp> & Partial<Record<ContractRule, RegExp>> = {
  'csrf.host-not-trusted':
    /^POST \/conversations\/\d{5}\/messages with Host: conformance-kit\.invalid:\d+, Origin: http:\/\/conformance-kit\.invalid:\d+ and no CSRF token → expected a refusal, received 201$/,
  'authz.department-scope':
    /^GET \/conversations\/\d{5} \(anstallning-och-lon, of another department\) as otherOfficer → expected 404, received 200$/,
  'assignment.per-side':
    /^GET \/conversations\/\d{5} as employer after the officer's claim → expected assignee null \(the employer's\), received KPAH01$/,
  'queue.department-only':
    /^POST \/conversations\/search with departmentOnly: true, .* as officer → expected (\d{5}) \(anstallning-och-lon\) but not (\d{5}) \(berakning, of another department\), received .*\2/,
  'queue.waiting-since':
    /^GET \/conversations\/\d{5} as officer after the employer's two messages → expected waitingSince \S+ \(the first one's sentAt\), received \S+$/,
  'queue.notices':
    /^GET \/notices\/count as officer after the employer created \d{5} \(berakning, an Ämne of another department\) → expected (\d+) \(\1 before\), received \d+$/,
  'content.upload-encoding':
    /expected 201, received 415 \(Filen ska skickas som application\/octet-stream\.\)$/,
  'csrf.host-not-trusted:host': /^GET \/me with Host: conformance-kit\.invalid:\d+ → expected 421/,
  'cors.allowlist:expose':
    /expected etag, location, retry-after, idempotent-replayed, content-disposition in Access-Control-Expose-Headers/,
  'authz.organisation-404:release':
    /^POST \/conversations\/\d{5}\/release \(of another organisation\) as otherOrganisation → expected 404, received 409/,
  'authz.organisation-404:take-over':
    /^POST \/conversations\/\d{5}\/take-over \(of another organisation\) as otherOrganisation → expected 404, received 409/,
  'authz.organisation-404:close':
    /^POST \/conversations\/\d{5}\/close \(of another organisation\) as otherOrganisation → expected 404, received 403/,
  'authz.create-own-organisation:errors': /expected errors\.organisationCustomerNumber, received errors null/,
  'attachments.unguessable-ids:bits': /^attachment id [0-9a-f]{15} → expected a random UUID v4/,
  'idempotency.replay:reply':
    /^the replay POST \/conversations\/\d{5}\/messages → expected Idempotent-Replayed: true/,
  'idempotency.other-content-422:errors': /expected errors\.idempotencyKey, received errors null/,
  'concurrency.strong-etag:writes':
    /^POST \/conversations → 201 expected ETag: "[^"]+" \(strong\), received null/,
  'concurrency.stale-412:assignee': /^the 412 → expected assignee null \(who holds it now\), received none/,
  'concurrency.stale-412:version': /^the 412 → expected version \S+ \(the current one\), received undefined/,
  'content.too-large-413:max-bytes': /^the 413 → expected maxBytes \d+, received undefined/,
};

describe('conformance kit', () => {
  it('checks the same rules the mock backend knows', () => {
    assert.deepEqual(
      (RULES as { id: string }[]).map((r) => r.id),
      [...CONTRACT_RULES],
    );
  });

  it('passes every rule against the mock server and closes every conversation it created', async () => {
    const { results, open } = await kitAgainst([], { idleTimeoutSeconds: 2 });
    assert.deepEqual(
      results.filter((r) => r.outcome !== 'pass'),
      [],
    );
    assert.equal(results.length, CONTRACT_RULES.length);
    assert.deepEqual(open, [], 'no conversation of the kit is left open');
  });

  for (const id of [...CONTRACT_RULES, ...RULE_CLAUSES]) {
    const rule = id.split(':')[0]!;
    it(`reports exactly ${rule} when the mock server breaks ${id}`, async () => {
      const idleTimeoutSeconds = IDLE_RULES.includes(rule) ? 2 : undefined;
      const { results } = await kitAgainst([id], idleTimeoutSeconds ? { idleTimeoutSeconds } : {});
      assert.deepEqual(failed(results), [rule], JSON.stringify(results.filter((r) => r.outcome === 'fail')));
      assert.match(
        resultOf(results, rule).evidence ?? '',
        EVIDENCE[id] ?? /./,
        'a failure comes with its evidence',
      );
    });
  }

  it('could not check what a party without its CSRF token cannot write, and says why', async () => {
    const { results, open } = await kitAgainst([], { withoutCsrf: 'officer' });
    assert.deepEqual(failed(results), []);
    const close = resultOf(results, 'authz.close-staff-only');
    assert.equal(close.outcome, 'unchecked');
    assert.match(
      close.evidence ?? '',
      new RegExp(
        `^POST /conversations/\\d{5}/close .*as officer → 403 \\(${CSRF_REFUSED}\\): the officer party has no CSRF token$`,
      ),
    );
    assert.ok(open.length > 0, 'the officer could not close them either');
  });

  it('could not check background requests when the session had already ended before', async () => {
    const { results } = await kitAgainst([], { idleTimeoutSeconds: 2, jumpMs: 10_000 });
    const background = resultOf(results, 'auth.background-no-extend');
    assert.equal(background.outcome, 'unchecked');
    assert.match(
      background.evidence ?? '',
      /session had already ended before the check began: GET \/me → 401/,
    );
  });

  it('as a command: one line per rule and a summary; exit 0, 1 on a failure, 2 when it could not check', async () => {
    const server = await startMockHttpServer({ port: 0, size: 5, heartbeatMs: HEARTBEAT_MS });
    const broken = await startMockHttpServer({
      port: 0,
      size: 5,
      heartbeatMs: HEARTBEAT_MS,
      unenforcedRules: ['download.nosniff'],
    });
    try {
      const beat = ['--heartbeat-seconds', '1'];
      const passing = await cli(['--base-url', server.baseUrl, '--dev-sign-in', ...beat]);
      assert.equal(passing.status, 0, passing.stdout + passing.stderr);
      for (const id of CONTRACT_RULES)
        assert.match(passing.stdout, new RegExp(`^[✓✗?–] ${id.replace('.', '\\.')}:`, 'm'));
      assert.match(passing.stdout, /^40 passed, 0 failed, 0 could not be checked, 4 skipped$/m);
      assert.match(
        passing.stdout,
        /^Skipped: auth\.background-no-extend \(give --idle-timeout-seconds[^)]*\); cors\.allowlist \(give --allowed-origin[^)]*\); events\.background \(give --idle-timeout-seconds[^)]*\); events\.session-end \(give --idle-timeout-seconds[^)]*\)$/m,
      );

      const failing = await cli(['--base-url', broken.baseUrl, '--dev-sign-in', ...beat]);
      assert.equal(failing.status, 1, failing.stdout);
      assert.equal(failing.stdout.match(/^✗ /gm)?.length, 1, 'each failure is printed once');
      assert.match(
        failing.stdout,
        /^✗ download\.nosniff: .*expected X-Content-Type-Options: nosniff, received null$/m,
      );

      // Credentials from the environment; the officer's CSRF token left out.
      const parties = await signInParties(server, 'officer');
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
      for (const [party, name] of Object.entries({
        employer: 'EMPLOYER',
        colleague: 'COLLEAGUE',
        otherOrganisation: 'OTHER_ORGANISATION',
        officer: 'OFFICER',
        otherOfficer: 'OTHER_OFFICER',
      })) {
        env[`CONFORMANCE_${name}_COOKIE`] = parties[party as Party].cookie;
        if (parties[party as Party].csrfToken)
          env[`CONFORMANCE_${name}_CSRF`] = parties[party as Party].csrfToken;
      }
      const unchecked = await cli(['--base-url', server.baseUrl, ...beat], env);
      assert.equal(unchecked.status, 2, unchecked.stdout + unchecked.stderr);
      assert.match(
        unchecked.stdout,
        /^\? authz\.close-staff-only: .* — could not check: .*the officer party has no CSRF token$/m,
      );
      assert.match(unchecked.stdout, /^Could not check: authz\.close-staff-only \(/m);
      assert.match(unchecked.stdout, /^Left open \(close them by hand; .*\): \d{5} \(403 /m);

      const usage = await cli([]);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /^Usage: secure-messages-conformance --base-url URL/);
      const help = await cli(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /--dev-sign-in/);
      assert.match(help.stdout, /^Exit code: 0 .*; 1 a rule failed; 2 /m);
    } finally {
      await Promise.all([server.close(), broken.close()]);
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

  it('ends an event stream within a second of its sign-out; opening it does not extend the session', async () => {
    const { cookie } = await signIn(server, 'NAEF00');
    const stream = await openStream(new URL(`${server.baseUrl}/events`), { Cookie: cookie });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    assert.equal(stream.headers.get('Set-Cookie'), null, 'a background request sets no cookie');
    assert.ok(await stream.waitFor(() => stream.events.length > 0, 2000), 'the first event');
    assert.equal(stream.ended, false);
    await fetch(`${server.origin}/dev/sign-out`, { method: 'POST', headers: { Cookie: cookie } });
    assert.ok(await stream.waitFor(() => stream.ended, 1000), 'the stream ended with the session');
  });

  it("signs out from the demo's origin (readable by it), never from a foreign one", async () => {
    const signOut = (cookie: string, origin: string) =>
      fetch(`${server.origin}/dev/sign-out`, { method: 'POST', headers: { Cookie: cookie, Origin: origin } });
    const { cookie } = await signIn(server, 'NAEF00');
    const foreign = await signOut(cookie, 'https://elsewhere.invalid');
    assert.equal(foreign.status, 403);
    assert.equal((await me(cookie)).status, 200, 'still signed in');
    const allowed = await signOut(cookie, ALLOWED_ORIGIN);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    assert.equal(allowed.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.equal((await me(cookie)).status, 401);
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

  it('answers 421 to a Host that is not its own: no sign-in and no write for a DNS-rebinding page', async () => {
    const { port } = new URL(server.origin);
    const request = (method: string, path: string, headers: Record<string, string>, body = '') =>
      exchange(
        new URL(`${server.origin}${path}`),
        method,
        { 'Content-Length': String(body.length), ...headers },
        body,
      ) as Promise<{
        status: number;
        headers: Headers;
      }>;
    const rebound = { Host: `rebinding.example:${port}`, Origin: `http://rebinding.example:${port}` };
    const signInRebound = await request(
      'POST',
      '/dev/sign-in',
      { ...rebound, 'Content-Type': 'application/json' },
      '{"user":"KPAH01"}',
    );
    assert.equal(signInRebound.status, 421);
    assert.equal(signInRebound.headers.get('Content-Type'), 'application/problem+json');
    const { cookie } = await signIn(server, 'NAEF00');
    const write = await request(
      'POST',
      '/api/secure-messages/v1/conversations/search',
      { ...rebound, Cookie: cookie, 'Content-Type': 'application/json' },
      '{}',
    );
    assert.equal(write.status, 421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      assert.equal(
        (await request('GET', '/api/secure-messages/v1/me', { Host: host, Cookie: cookie })).status,
        200,
        host,
      );
    }
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

describe('mock server script (npm run mock-server)', () => {
  const FLAG = '--i-understand-anyone-on-the-network-can-sign-in';
  /** The script on a free port; resolves when it serves (status null) or has exited. */
  const start = (args: string[]) => {
    const run = spawnNode(['--import', 'tsx', 'mocks/server-cli.ts', '--port', '0', '--size', '5', ...args]);
    const serving = new Promise<void>((resolve) =>
      run.child.stdout.on('data', () => /Mock server: /.test(run.output.stdout) && resolve()),
    );
    return { ...run, first: Promise.race([run.done, serving.then(() => null)]) };
  };

  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LocalHost'])
      assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.0.2.10', 'example.test', '127.0.0.1.example.test'])
      assert.equal(isLoopbackHost(host), false, host);
  });

  it('refuses a host other than loopback without the flag, and exits 2', async () => {
    for (const host of ['0.0.0.0', '192.0.2.10']) {
      const run = start(['--host', host]);
      try {
        const exited = await run.first;
        assert.equal(exited?.status, 2, `${host} was served`);
        assert.match(
          exited.stderr,
          new RegExp(`^Refusing to serve ${host}: anyone who reaches .* give ${FLAG}`),
        );
      } finally {
        run.child.kill();
      }
    }
  });

  it(`serves 0.0.0.0 with ${FLAG}, warning on start`, async () => {
    const run = start(['--host', '0.0.0.0', FLAG]);
    try {
      assert.equal(await run.first, null, run.output.stderr);
      const port = /Mock server: http:\/\/0\.0\.0\.0:(\d+)\//.exec(run.output.stdout)?.[1];
      assert.equal((await fetch(`http://127.0.0.1:${port}/dev/sign-in`)).status, 200);
    } finally {
      run.child.kill('SIGTERM');
    }
    const { stderr } = await run.done;
    assert.match(
      stderr,
      new RegExp(
        `^WARNING: ${FLAG}: anyone who reaches http://0\\.0\\.0\\.0:\\d+ can sign in without a password`,
        'm',
      ),
    );
  });
});

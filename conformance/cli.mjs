#!/usr/bin/env node
/**
 * secure-messages-conformance --base-url URL [options]: checks a running server against the
 * rules of api/openapi.yaml. Credentials of four parties come from options or the environment
 * (environment preferred: command lines are visible to other users of the machine):
 *
 *   CONFORMANCE_<PARTY>_COOKIE   the Cookie header of a signed-in session, e.g. "session=…"
 *   CONFORMANCE_<PARTY>_CSRF     its CSRF token (optional when the server checks Origin only)
 *
 * with PARTY one of EMPLOYER, COLLEAGUE (same organisation), OTHER_ORGANISATION, OFFICER (KPA),
 * or --<party>-cookie / --<party>-csrf with party employer, colleague, other-organisation, officer.
 *
 *   --csrf-header NAME            default X-CSRF-Token
 *   --allowed-origin URL          a page origin the server allows by CORS (checks its preflight)
 *   --idle-timeout-seconds N      the server's idle timeout: checks that background requests do not
 *                                 extend it (takes 1.5 × N seconds; ends the other-organisation session)
 *   --dev-sign-in                 sign the four parties in through /dev/sign-in (the mock server only)
 *
 * Prints one line per rule (✓, ✗ with the evidence, – skipped), a summary, and exits 1 on any ✗.
 */
import { parseArgs } from 'node:util';
import { format, PARTIES, runConformance } from './kit.mjs';

const OPTION = {
  employer: 'employer',
  colleague: 'colleague',
  otherOrganisation: 'other-organisation',
  officer: 'officer',
};
const ENV = {
  employer: 'EMPLOYER',
  colleague: 'COLLEAGUE',
  otherOrganisation: 'OTHER_ORGANISATION',
  officer: 'OFFICER',
};
const DEV_USERS = { employer: 'NAEF00', colleague: 'ABCD01', otherOrganisation: 'OTOR01', officer: 'KPAH01' };

const partyOptions = Object.fromEntries(
  PARTIES.flatMap((p) => [
    [`${OPTION[p]}-cookie`, { type: 'string' }],
    [`${OPTION[p]}-csrf`, { type: 'string' }],
  ]),
);
const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'csrf-header': { type: 'string', default: 'X-CSRF-Token' },
    'allowed-origin': { type: 'string' },
    'idle-timeout-seconds': { type: 'string' },
    'dev-sign-in': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    ...partyOptions,
  },
});

if (values.help || !values['base-url']) {
  console.log(
    'Usage: secure-messages-conformance --base-url URL [options]; see README, "For the backend team".',
  );
  process.exit(values.help ? 0 : 2);
}
const baseUrl = values['base-url'];

async function devSignIn(user) {
  const response = await fetch(new URL('/dev/sign-in', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`/dev/sign-in answered ${response.status}`);
  const body = await response.json();
  return { cookie: body.cookie, csrfToken: body.csrfToken };
}

const parties = {};
for (const p of PARTIES) {
  if (values['dev-sign-in']) {
    parties[p] = await devSignIn(DEV_USERS[p]);
    continue;
  }
  const cookie = values[`${OPTION[p]}-cookie`] ?? process.env[`CONFORMANCE_${ENV[p]}_COOKIE`];
  const csrfToken = values[`${OPTION[p]}-csrf`] ?? process.env[`CONFORMANCE_${ENV[p]}_CSRF`];
  if (!cookie) {
    console.error(`Missing credentials for ${p}: CONFORMANCE_${ENV[p]}_COOKIE or --${OPTION[p]}-cookie`);
    process.exit(2);
  }
  parties[p] = { cookie, ...(csrfToken ? { csrfToken } : {}) };
}

try {
  const results = await runConformance({
    baseUrl,
    parties,
    csrfHeader: values['csrf-header'],
    ...(values['allowed-origin'] ? { allowedOrigin: values['allowed-origin'] } : {}),
    ...(values['idle-timeout-seconds'] ? { idleTimeoutSeconds: Number(values['idle-timeout-seconds']) } : {}),
    log: (line) => console.log(line),
  });
  const passed = results.filter((r) => r.ok === true).length;
  const failed = results.filter((r) => r.ok === false).length;
  const skipped = results.filter((r) => r.ok === null).length;
  if (failed > 0) {
    console.log('\nFailed:');
    for (const r of results.filter((x) => x.ok === false)) console.log(format(r));
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
} catch (error) {
  console.error(`The kit could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

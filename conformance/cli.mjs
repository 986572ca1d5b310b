#!/usr/bin/env node
/**
 * secure-messages-conformance: checks a running server against the rules of api/openapi.yaml.
 * USAGE below is what --help prints; stories/docs/backend.mdx (the guide page) has more.
 */
import { parseArgs } from 'node:util';
import { PARTIES, runConformance, summarise } from './kit.mjs';

const USAGE = `Usage: secure-messages-conformance --base-url URL [options]

Checks a running server against the rules of api/openapi.yaml. It needs the credentials of five
signed-in parties, best from the environment (command lines are visible to other users):

  CONFORMANCE_<PARTY>_COOKIE    the Cookie header of a signed-in session, e.g. "session=…"
  CONFORMANCE_<PARTY>_CSRF      its CSRF token (leave out when the server checks Origin only)

with PARTY one of EMPLOYER, COLLEAGUE (same organisation), OTHER_ORGANISATION, OFFICER (KPA) and
OTHER_OFFICER (KPA, of another department than the officer's, not seeing all departments); or
--<party>-cookie / --<party>-csrf with party employer, colleague, other-organisation, officer,
other-officer.

Options:
  --base-url URL                the API's base URL, e.g. https://host/api/secure-messages/v1
  --csrf-header NAME            default X-CSRF-Token
  --allowed-origin URL          a page origin the server allows by CORS (checks its CORS answers;
                                without it cors.allowlist is skipped)
  --idle-timeout-seconds N      the server's idle timeout: checks that background requests and
                                an open event stream do not extend it, and that the stream ends
                                with the session (takes 1.5 × N seconds; ends the colleague's and
                                the other organisation's sessions; without it
                                auth.background-no-extend, events.background and
                                events.session-end are skipped)
  --heartbeat-seconds N         the longest silence the event stream promises (default 30; the
                                heartbeat check waits up to 1.5 × N seconds)
  --dev-sign-in                 the mock server only (npm run mock-server): sign the five parties
                                in through its password-less /dev/sign-in instead
  --help                        this text

Prints one line per rule: ✓ passed, ✗ failed (with the request, what was expected and what came
back), ? could not check (a precondition failed, e.g. a write refused for want of a CSRF token),
– skipped (an option not given); then a summary naming what was skipped or could not be checked,
and which conversations it created were left open (it closes them as the officer).

Exit code: 0 every rule checked passed (skipped ones are listed); 1 a rule failed; 2 nothing
failed but something could not be checked: a usage error, missing credentials, a set-up the
server refused, or a rule whose precondition failed.`;

const OPTION = {
  employer: 'employer',
  colleague: 'colleague',
  otherOrganisation: 'other-organisation',
  officer: 'officer',
  otherOfficer: 'other-officer',
};
const ENV = {
  employer: 'EMPLOYER',
  colleague: 'COLLEAGUE',
  otherOrganisation: 'OTHER_ORGANISATION',
  officer: 'OFFICER',
  otherOfficer: 'OTHER_OFFICER',
};
const DEV_USERS = {
  employer: 'NAEF00',
  colleague: 'ABCD01',
  otherOrganisation: 'OTOR01',
  officer: 'KPAH01',
  otherOfficer: 'KPJL02',
};

const partyOptions = Object.fromEntries(
  PARTIES.flatMap((p) => [
    [`${OPTION[p]}-cookie`, { type: 'string' }],
    [`${OPTION[p]}-csrf`, { type: 'string' }],
  ]),
);
/** Exit 2: the kit could not check the server. */
const stop = (/** @type {string} */ message) => {
  console.error(message);
  process.exit(2);
};
let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'csrf-header': { type: 'string', default: 'X-CSRF-Token' },
      'allowed-origin': { type: 'string' },
      'idle-timeout-seconds': { type: 'string' },
      'heartbeat-seconds': { type: 'string' },
      'dev-sign-in': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...partyOptions,
    },
  }));
} catch (error) {
  stop(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values['base-url']) stop(USAGE);
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
  const cookie = values[`${OPTION[p]}-cookie`] ?? process.env[`CONFORMANCE_${ENV[p]}_COOKIE`];
  const csrfToken = values[`${OPTION[p]}-csrf`] ?? process.env[`CONFORMANCE_${ENV[p]}_CSRF`];
  if (!cookie && !values['dev-sign-in'])
    stop(`Missing credentials for ${p}: CONFORMANCE_${ENV[p]}_COOKIE or --${OPTION[p]}-cookie`);
  parties[p] = { cookie, ...(csrfToken ? { csrfToken } : {}) };
}

try {
  if (values['dev-sign-in']) {
    for (const p of PARTIES) parties[p] = await devSignIn(DEV_USERS[p]);
  }
  const results = await runConformance({
    baseUrl,
    parties,
    csrfHeader: values['csrf-header'],
    ...(values['allowed-origin'] ? { allowedOrigin: values['allowed-origin'] } : {}),
    ...(values['idle-timeout-seconds'] ? { idleTimeoutSeconds: Number(values['idle-timeout-seconds']) } : {}),
    ...(values['heartbeat-seconds'] ? { heartbeatSeconds: Number(values['heartbeat-seconds']) } : {}),
    log: (line) => console.log(line),
  });
  for (const line of summarise(results)) console.log(line);
  const any = (/** @type {string} */ outcome) => results.some((r) => r.outcome === outcome);
  process.exit(any('fail') ? 1 : any('unchecked') ? 2 : 0);
} catch (error) {
  stop(`The kit could not run: ${error instanceof Error ? error.message : String(error)}`);
}

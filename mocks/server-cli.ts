/**
 * `npm run mock-server [-- options]`: the mock backend over real HTTP on 127.0.0.1, for the demo
 * (`VITE_SECURE_MESSAGES_API=http://localhost:8787/api/secure-messages/v1 npm start`), for two
 * browser windows sharing one backend, and for the conformance kit. See stories/docs/backend.mdx.
 *
 *   --port N                    default 8787
 *   --host H                    default 127.0.0.1; anything but 127.0.0.0/8, ::1 or localhost is
 *                               refused (exit 2) unless the next option is given too
 *   --i-understand-anyone-on-the-network-can-sign-in
 *                               serve a non-loopback host: the data is fake and the password-less
 *                               sign-in is open to anyone who reaches the port (warned on every start)
 *   --size N / --seed N         seeded conversations (default 60) and PRNG seed (default 1)
 *   --allowed-origin URL        a page origin allowed by CORS and for writes (repeatable;
 *                               default http://localhost:5173 and http://127.0.0.1:5173)
 *   --idle-timeout-seconds N    session idle timeout (default 900)
 *   --heartbeat-seconds N       how often an open event stream (GET /events) sends a heartbeat
 *                               (default 15)
 *   --break-rule ID             TEST-ONLY: stop enforcing one contract rule, or one clause of it as
 *                               rule:clause (repeatable; also MOCK_SERVER_BREAK_RULES=id,id). Only
 *                               for the conformance kit's tests.
 */
import { parseArgs } from 'node:util';
import { isLoopbackHost, startMockHttpServer } from './http-server.js';
import { CONTRACT_RULES, isRuleSwitch, RULE_CLAUSES, type RuleSwitch } from './rules.js';

const OPEN_TO_NETWORK = 'i-understand-anyone-on-the-network-can-sign-in';
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    [OPEN_TO_NETWORK]: { type: 'boolean', default: false },
    size: { type: 'string' },
    seed: { type: 'string' },
    'allowed-origin': { type: 'string', multiple: true },
    'idle-timeout-seconds': { type: 'string' },
    'heartbeat-seconds': { type: 'string' },
    'break-rule': { type: 'string', multiple: true },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const broken = [
  ...(values['break-rule'] ?? []),
  ...(process.env.MOCK_SERVER_BREAK_RULES ?? '').split(',').filter((id) => id.trim() !== ''),
].map((id) => id.trim());
for (const id of broken) {
  if (!isRuleSwitch(id))
    fail(`Unknown rule ${id}. Rules: ${[...CONTRACT_RULES, ...RULE_CLAUSES].join(', ')}`);
}
const openToNetwork = values[OPEN_TO_NETWORK] === true;
if (!isLoopbackHost(values.host) && !openToNetwork) {
  fail(
    `Refusing to serve ${values.host}: anyone who reaches the mock server can sign in without a password, ` +
      `as the case officer KPAH01 too. Serve 127.0.0.1, ::1 or localhost, or give --${OPEN_TO_NETWORK} ` +
      'if anyone on that network may sign in and read the (fake) data.',
  );
}
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const server = await startMockHttpServer({
  port: Number(values.port),
  host: values.host,
  anyoneOnTheNetworkCanSignIn: openToNetwork,
  ...(values.size === undefined ? {} : { size: number(values.size)! }),
  ...(values.seed === undefined ? {} : { seed: number(values.seed)! }),
  ...(values['allowed-origin'] ? { allowedOrigins: values['allowed-origin'] } : {}),
  ...(values['idle-timeout-seconds'] === undefined
    ? {}
    : { idleTimeoutMs: number(values['idle-timeout-seconds'])! * 1000 }),
  ...(values['heartbeat-seconds'] === undefined
    ? {}
    : { heartbeatMs: number(values['heartbeat-seconds'])! * 1000 }),
  unenforcedRules: broken as RuleSwitch[],
});
if (openToNetwork) {
  console.warn(
    `WARNING: --${OPEN_TO_NETWORK}: anyone who reaches ${server.origin} can sign in without a password ` +
      'as any mock user, the case officer KPAH01 included, and read every conversation. ' +
      'The data is fake; put nothing real into it.',
  );
}
if (broken.length > 0) console.warn(`TEST ONLY: not enforcing ${broken.join(', ')}`);
console.log(`Mock server: ${server.baseUrl}`);
console.log(`Sign in: open ${server.origin}/dev/sign-in, or POST {"user":"NAEF00"} to it as JSON.`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

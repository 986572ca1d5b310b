/**
 * `npm run mock-server [-- options]`: the mock backend over real HTTP on 127.0.0.1, for the demo
 * (`VITE_SECURE_MESSAGES_API=http://localhost:8787/api/secure-messages/v1 npm start`), for two
 * browser windows sharing one backend, and for the conformance kit. See README, "For the backend team".
 *
 *   --port N                    default 8787
 *   --host H                    default 127.0.0.1
 *   --size N / --seed N         seeded conversations (default 60) and PRNG seed (default 1)
 *   --allowed-origin URL        a page origin allowed by CORS and for writes (repeatable;
 *                               default http://localhost:5173 and http://127.0.0.1:5173)
 *   --idle-timeout-seconds N    session idle timeout (default 900)
 *   --break-rule ID             TEST-ONLY: stop enforcing one contract rule (repeatable; also
 *                               MOCK_SERVER_BREAK_RULES=id,id). Only for the conformance kit's tests.
 */
import { parseArgs } from 'node:util';
import { startMockHttpServer } from '../mocks/http-server.js';
import { CONTRACT_RULES, isContractRule, type ContractRule } from '../mocks/rules.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    size: { type: 'string' },
    seed: { type: 'string' },
    'allowed-origin': { type: 'string', multiple: true },
    'idle-timeout-seconds': { type: 'string' },
    'break-rule': { type: 'string', multiple: true },
  },
});

const broken = [
  ...(values['break-rule'] ?? []),
  ...(process.env.MOCK_SERVER_BREAK_RULES ?? '').split(',').filter((id) => id.trim() !== ''),
].map((id) => id.trim());
for (const id of broken) {
  if (!isContractRule(id)) {
    console.error(`Unknown rule ${id}. Rules: ${CONTRACT_RULES.join(', ')}`);
    process.exit(2);
  }
}
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const server = await startMockHttpServer({
  port: Number(values.port),
  host: values.host,
  ...(values.size === undefined ? {} : { size: number(values.size)! }),
  ...(values.seed === undefined ? {} : { seed: number(values.seed)! }),
  ...(values['allowed-origin'] ? { allowedOrigins: values['allowed-origin'] } : {}),
  ...(values['idle-timeout-seconds'] === undefined
    ? {}
    : { idleTimeoutMs: number(values['idle-timeout-seconds'])! * 1000 }),
  unenforcedRules: broken as ContractRule[],
});
if (broken.length > 0) console.warn(`TEST ONLY: not enforcing ${broken.join(', ')}`);
console.log(`Mock server: ${server.baseUrl}`);
console.log(`Sign in: open ${server.origin}/dev/sign-in, or POST {"user":"NAEF00"} to it as JSON.`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

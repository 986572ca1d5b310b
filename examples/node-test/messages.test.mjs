// Another site's tests (node:test here; Vitest and Jest work the same way): the mock backend
// answers the Säkra meddelanden API through msw/node, so code that calls it runs without a server.
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import { createMockBackend, MOCK_USER_IDS } from '@kpa/secure-messages/mocks';
import { startMockServer } from '@kpa/secure-messages/mocks/node';

// The handlers answer `*/api/secure-messages/v1/…` on any origin.
const backend = createMockBackend({ seed: 1, size: 20, now: new Date('2026-03-02T09:00:00Z') });
const server = startMockServer(backend, { onUnhandledRequest: 'error' });
after(() => server.close());
beforeEach(() => backend.reset()); // the same seed again, faults cleared, NAEF00 signed in

const adapter = () => createRestAdapter({ baseUrl: 'https://portal.example/api/secure-messages/v1' });
const signal = () => AbortSignal.timeout(5000);

test('an answer from KPA counts as needing attention for the employer', async () => {
  const before = await adapter().getNoticeCount(signal());

  const [subject] = await adapter().getSubjects(signal());
  const sent = await adapter().createConversation(
    { subjectId: subject.id, body: 'Gäller lönerapporteringen för mars.', files: [] },
    { signal: signal(), idempotencyKey: crypto.randomUUID() },
  );
  assert.equal(sent.status, 'sent');

  backend.setCurrentUser(MOCK_USER_IDS.officer);
  const answered = await adapter().reply(
    sent.number,
    { body: 'Tack, vi har rättat rapporteringen.', files: [] },
    { signal: signal(), idempotencyKey: crypto.randomUUID() },
  );
  assert.equal(answered.status, 'reply-received'); // Svar inkommit

  backend.setCurrentUser(MOCK_USER_IDS.employer);
  assert.equal(await adapter().getNoticeCount(signal()), before + 1);
});

test('a 503 reaches the caller as a typed error', async () => {
  backend.faults.add({ kind: 'status', status: 503, match: { method: 'GET', path: '/me' } });
  await assert.rejects(adapter().getCurrentUser(signal()), { kind: 'server' });
});

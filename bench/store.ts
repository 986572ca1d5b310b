/**
 * The bench's data: the mock backend's store of 100,000 conversations, without live updates (the
 * timings measure rendering; requests.ts counts what the stream saves), and the REST adapter on
 * it, answered in the page by the MSW handlers (no service worker, no network), so that an element
 * and its floor pay the same for their data.
 */
import { getResponse } from 'msw';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import { createMockBackend } from '../mocks/index.js';

export const backend = createMockBackend({
  seed: 3,
  size: 100_000,
  now: new Date('2026-03-02T09:00:00Z'),
  liveUpdates: false,
});

export const adapter = createRestAdapter({
  baseUrl: '/api/secure-messages/v1',
  fetch: async (input, init) =>
    (await getResponse(backend.handlers, new Request(new URL(String(input), location.href), init))) ??
    new Response(null, { status: 404 }),
});

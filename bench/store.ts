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

const inPage = () =>
  createRestAdapter({
    baseUrl: '/api/secure-messages/v1',
    fetch: async (input, init) =>
      (await getResponse(backend.handlers, new Request(new URL(String(input), location.href), init))) ??
      new Response(null, { status: 404 }),
  });

export const adapter = inPage();

/**
 * The same store read by a KPA case officer (while the officer's case signs them in): an adapter
 * of its own, so that its session is the officer's.
 */
export const officerAdapter = inPage();

/**
 * Shared set-up for element tests: the MSW mock backend in a service worker, and a REST adapter
 * talking to it, exactly as an embedding page would.
 */
import type { SetupWorker } from 'msw/browser';
import {
  createMockBackend,
  startMockWorker,
  type MockBackend,
  type MockBackendOptions,
} from '../../mocks/index.js';
import { createRestAdapter } from '../../src/adapter/rest-adapter.js';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';

export const BASE_URL = '/api/secure-messages/v1';
export const NOW = new Date('2026-03-02T09:00:00Z');

export interface MockBackendFixture {
  readonly backend: MockBackend;
  /** A fresh REST adapter for each test (its change hub is per instance). */
  adapter(): SecureMessagesAdapter;
}

/**
 * Starts one worker for the test file (`before`), reseeds the backend before each test and stops
 * the worker at the end. Call at the top of a `describe`.
 */
export function useMockBackend(options: MockBackendOptions = {}): MockBackendFixture {
  const settings: MockBackendOptions = { seed: 7, size: 60, now: NOW, ...options };
  const backend = createMockBackend(settings);
  let worker: SetupWorker | undefined;
  before(async () => {
    worker = await startMockWorker(backend, { quiet: true });
  });
  beforeEach(() => backend.reset(settings));
  after(() => worker?.stop());
  return { backend, adapter: () => createRestAdapter({ baseUrl: BASE_URL }) };
}

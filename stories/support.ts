/** What every story file shares: a mock backend of its own per story, and a REST adapter to it. */
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../mocks/index.js';
import { createRestAdapter } from '../src/adapter/rest-adapter.js';
import type { SecureMessagesAdapter } from '../src/adapter/adapter.js';

export const BASE_URL = '/api/secure-messages/v1';
/** A fixed "now", so every story shows the same dates. */
export const STORY_NOW = new Date('2026-03-02T09:00:00Z');

/** A deterministic mock backend; `setUp` may switch users or add faults. */
export function storyBackend(
  options: MockBackendOptions = {},
  setUp?: (backend: MockBackend) => void,
): MockBackend {
  const backend = createMockBackend({ seed: 7, size: 60, now: STORY_NOW, ...options });
  setUp?.(backend);
  return backend;
}

/** A new adapter per render, so no story shares in-memory state with another. */
export function storyAdapter(): SecureMessagesAdapter {
  return createRestAdapter({ baseUrl: BASE_URL });
}

/**
 * Node helper for other KPA sites' tests (Vitest, Jest, node:test): the same handlers through
 * msw/node. Import it from 'mocks/node.js' directly; mocks/index.ts stays browser-safe.
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { MockBackend } from './backend.js';

export interface StartMockServerOptions {
  /** What to do with requests no handler matches; default 'bypass'. */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
}

/** Creates and starts (`listen`) an msw/node server for the backend; call `close()` when done. */
export function startMockServer(backend: MockBackend, options: StartMockServerOptions = {}): SetupServer {
  const server = setupServer(...backend.handlers);
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? 'bypass' });
  return server;
}

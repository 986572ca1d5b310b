/** Starts the mock backend in the browser through MSW's service worker. */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MockBackend } from './backend.js';

export interface StartMockWorkerOptions {
  /** Default '/mockServiceWorker.js'. */
  serviceWorkerUrl?: string;
  /** Suppresses MSW's console output. */
  quiet?: boolean;
}

export async function startMockWorker(
  backend: MockBackend,
  options: StartMockWorkerOptions = {},
): Promise<SetupWorker> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    quiet: options.quiet ?? false,
    onUnhandledRequest: 'bypass',
  });
  return worker;
}

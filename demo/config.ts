/**
 * Where the demo gets its data. By default the MSW mock backend runs in the page's service worker.
 * Set `VITE_SECURE_MESSAGES_API` (e.g. in `.env.local`, or on the command line:
 * `VITE_SECURE_MESSAGES_API=https://portal.example/api/secure-messages/v1 npm start`) to point the
 * same page at a real backend through the REST adapter instead; the developer panel is then hidden.
 */
export const REAL_API_BASE_URL: string | undefined =
  (import.meta.env.VITE_SECURE_MESSAGES_API as string | undefined)?.trim() || undefined;

/** The mock backend's base path (the REST adapter's base URL in mock mode). */
export const MOCK_BASE_URL = '/api/secure-messages/v1';

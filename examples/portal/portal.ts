// The portal shell: one REST adapter for every element on the page, the portal's session cookie
// and CSRF token on every request, and a signed-out banner on 401 that keeps what the user typed.
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';

/** The token the portal rendered into the page (read per request, so a renewed token is used). */
function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

const adapter = createRestAdapter({
  // Relative to the page, or absolute: 'https://www.kpa.se/api/secure-messages/v1'.
  baseUrl: '/api/secure-messages/v1',
  // Send the portal's session cookie (also to another origin that allows it through CORS).
  credentials: 'include',
  // Asked for before every request; may be async, e.g. to fetch a fresh token.
  headers: () => ({ 'X-CSRF-Token': csrfToken() }),
});
document.querySelector('secure-adapter-provider')!.adapter = adapter;

// 401: the session has ended. Drafts live in memory only, so do not navigate away; let the user
// sign in again in another tab, then press Försök igen: the same user gets the draft back and
// sends it with Försök igen in the form; anyone else finds it discarded, unsent.
const signedOut = document.querySelector<HTMLElement>('#signed-out')!;
document.addEventListener('secure-auth-required', () => {
  signedOut.hidden = false;
});
document.addEventListener('secure-message-sent', () => {
  signedOut.hidden = true;
});

import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';

// The portal's elements; the server signs in a case officer, and they show the officers' view.
document.querySelector('secure-adapter-provider')!.adapter = createRestAdapter({
  baseUrl: '/api/secure-messages/v1',
  credentials: 'include',
});

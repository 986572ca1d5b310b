// React 19 sets custom-element properties (adapter) as properties and listens to custom events
// through `on<event-name>` props, typed by the package. Register the elements before the first render.
import { useState } from 'react';
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
// The JSX types of every element, generated from the package's custom-elements.json.
import type {} from '@kpa/secure-messages/react';
import type { SecureMessagesAdapter } from '@kpa/secure-messages';

export function App({ adapter }: { adapter: SecureMessagesAdapter }) {
  const [lastSent, setLastSent] = useState<string>();
  const [signedOut, setSignedOut] = useState(false);
  return (
    <secure-adapter-provider adapter={adapter}>
      <nav aria-label="Meny">
        <notice-badge href="#"></notice-badge>
      </nav>
      <main>
        <h1>Säkra meddelanden</h1>
        {signedOut && (
          <p>
            <a href="/logga-in" target="_blank">
              Logga in igen (öppnas i en ny flik)
            </a>
            , tryck sedan på Försök igen.
          </p>
        )}
        {lastSent && <p>Senast skickat: meddelandenummer {lastSent}</p>}
        <secure-messages
          routing="none"
          onsecure-message-sent={(event) => {
            setSignedOut(false);
            setLastSent(event.detail.number);
          }}
          onsecure-auth-required={() => setSignedOut(true)}
        />
      </main>
    </secure-adapter-provider>
  );
}

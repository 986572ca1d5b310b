// React 19 sets custom-element properties (adapter) as properties and listens to custom events
// through `on<event-name>` props. Register the elements before the first render.
import { useState, type ReactNode } from 'react';
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
import type {
  SecureAuthRequiredEvent,
  SecureMessageSentEvent,
  SecureMessagesAdapter,
} from '@kpa/secure-messages';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'secure-adapter-provider': { adapter: SecureMessagesAdapter; children?: ReactNode };
      'notice-badge': { href?: string; appearance?: 'text' | 'badge' };
      'secure-messages': {
        routing?: 'hash' | 'none';
        'onsecure-message-sent'?: (event: SecureMessageSentEvent) => void;
        'onsecure-auth-required'?: (event: SecureAuthRequiredEvent) => void;
      };
    }
  }
}

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

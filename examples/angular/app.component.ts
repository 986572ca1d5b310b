// Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use the tags; `[adapter]` binds the property,
// `(secure-message-sent)` listens to the event.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import type { SecureMessageSentEvent } from '@kpa/secure-messages';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <secure-adapter-provider [adapter]="adapter">
      <nav aria-label="Meny"><notice-badge href="#"></notice-badge></nav>
      <main>
        <h1>Säkra meddelanden</h1>
        @if (signedOut()) {
          <p>
            <a href="/logga-in" target="_blank">Logga in igen (öppnas i en ny flik)</a>, tryck sedan på Försök
            igen.
          </p>
        }
        @if (lastSent(); as number) {
          <p>Senast skickat: meddelandenummer {{ number }}</p>
        }
        <secure-messages
          routing="none"
          (secure-message-sent)="onSent($event)"
          (secure-auth-required)="signedOut.set(true)"
        ></secure-messages>
      </main>
    </secure-adapter-provider>
  `,
})
export class AppComponent {
  readonly adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1', credentials: 'include' });
  readonly lastSent = signal<string | undefined>(undefined);
  readonly signedOut = signal(false);

  onSent(event: Event) {
    this.signedOut.set(false);
    this.lastSent.set((event as SecureMessageSentEvent).detail.number);
  }
}

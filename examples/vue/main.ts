// Vue 3: tell the template compiler which tags are custom elements; `.adapter` binds the property,
// `@secure-message-sent` listens to the event. In single-file components, set the same
// `isCustomElement` under the Vue plugin's `template.compilerOptions` in the build config.
import { createApp, ref } from 'vue';
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-messages.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import type { SecureMessageSentEvent } from '@kpa/secure-messages';
// Vue's GlobalComponents types of every element, generated from the package's custom-elements.json:
// vue-tsc and the editor then check the tags, props and `@secure-*` handlers in single-file components.
import type {} from '@kpa/secure-messages/vue';

const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1', credentials: 'include' });

const app = createApp({
  setup() {
    const lastSent = ref<string>();
    const signedOut = ref(false);
    function onSent(event: SecureMessageSentEvent) {
      signedOut.value = false;
      lastSent.value = event.detail.number;
    }
    return { adapter, lastSent, signedOut, onSent };
  },
  template: `
    <secure-adapter-provider .adapter="adapter">
      <nav aria-label="Meny"><notice-badge href="#"></notice-badge></nav>
      <main>
        <h1>Säkra meddelanden</h1>
        <p v-if="signedOut">
          <a href="/logga-in" target="_blank">Logga in igen (öppnas i en ny flik)</a>, tryck sedan på Försök igen.
        </p>
        <p v-if="lastSent">Senast skickat: meddelandenummer {{ lastSent }}</p>
        <secure-messages
          routing="none"
          @secure-message-sent="onSent"
          @secure-auth-required="signedOut = true"
        ></secure-messages>
      </main>
    </secure-adapter-provider>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'notice-badge' || tag.startsWith('secure-');
app.mount('#app');

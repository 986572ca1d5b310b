// The size floor of the whole feature: every Lit package and directive the library uses, each in
// its least use (a provider and a consumer of the adapter context, a task, a list with `repeat`,
// a `live` input, `ifDefined`, texts and a locale switch through `@lit/localize`). Measured by
// scripts/sizes.mjs; bundled, never shipped.
import { ContextProvider } from '@lit/context';
import { configureLocalization } from '@lit/localize';
import { Task } from '@lit/task';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { context, FloorBadge } from './size-floor-badge.js';

export const { setLocale } = configureLocalization({
  sourceLocale: 'sv',
  targetLocales: ['en'],
  loadLocale: () => Promise.resolve({ templates: {} }),
});

class FloorFeature extends FloorBadge {
  readonly #provider = new ContextProvider(this, { context });
  readonly #task = new Task(this, { task: async ([count]) => count, args: () => [this.count] });

  override render() {
    return html`<input .value=${live(String(this.#task.value))} title=${ifDefined(undefined)} />
      ${repeat([this.#provider], (p) => p)}`;
  }
}
customElements.define('floor-feature', FloorFeature);

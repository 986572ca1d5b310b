import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { designTokens, tokenArgTypes, tokenKind, type Token } from './support.js';

/**
 * Every `--secure-*` custom property (design token) of the elements, generated from
 * `custom-elements.json` (the analyzer reads the elements' `@cssprop` and `@csspart` docs), so this
 * page cannot drift from the code: a token added to an element appears here on the next build.
 * Each row shows the default, a sample drawn with the token's current value (change it in Controls
 * and the sample follows), what it is for, and the elements that use it with the parts through which
 * each element can be styled further.
 */
const meta: Meta = {
  title: 'Foundation/Design tokens',
  argTypes: tokenArgTypes(designTokens().flatMap((t) => t.elements.map((e) => e.tag))),
  parameters: {
    docs: {
      description: {
        component:
          'Set a token on an element or any ancestor; it inherits through the shadow roots. ' +
          'Keep text at 4.5:1 and borders and focus outlines at 3:1 against their background. ' +
          'The Theming story of `secure-messages` shows the whole feature following the tokens live.',
      },
    },
  },
};
export default meta;

/** A sample of the token's current value, set through the CSSOM (no inline style attribute). */
function sample(token: Token) {
  const value = `var(${token.name}, ${token.default})`;
  switch (tokenKind(token.name)) {
    case 'color':
      return html`<span
        class="swatch"
        ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('background', value))}
      ></span>`;
    case 'radius':
      return html`<span
        class="corner"
        ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('border-radius', value))}
      ></span>`;
    case 'font':
      return html`<span
        ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('font-family', value))}
        >Säkra meddelanden</span
      >`;
    case 'size':
      return html`<span ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('font-size', value))}
        >12</span
      >`;
    default:
      return html`<span>–</span>`;
  }
}

export const DesignTokens: StoryObj = {
  name: 'Design tokens',
  render: () => html`
    <style>
      .tokens {
        font-family: system-ui, sans-serif;
        color: #1d2b27;
        border-collapse: collapse;
        max-inline-size: 100%;
      }
      .tokens caption {
        text-align: start;
        font-weight: 700;
        font-size: 1.125rem;
        padding-block-end: 0.5rem;
      }
      .tokens th,
      .tokens td {
        text-align: start;
        vertical-align: top;
        padding: 0.5rem;
        border-block-start: 1px solid #d5dbd8;
        overflow-wrap: anywhere;
      }
      .tokens code {
        font-size: 0.875rem;
      }
      .swatch,
      .corner {
        display: inline-block;
        inline-size: 2rem;
        block-size: 2rem;
        border: 1px solid #8a9490;
      }
      .corner {
        background: #f2f5f4;
      }
      .tokens ul {
        margin: 0;
        padding-inline-start: 1rem;
      }
    </style>
    <table class="tokens">
      <caption>
        Design tokens (from custom-elements.json)
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Default</th>
          <th scope="col">Sample</th>
          <th scope="col">Used for</th>
          <th scope="col">Elements and their parts</th>
        </tr>
      </thead>
      <tbody>
        ${designTokens().map(
          (token) =>
            html`<tr>
              <th scope="row"><code>${token.name}</code></th>
              <td><code>${token.default}</code></td>
              <td>${sample(token)}</td>
              <td>${token.description}</td>
              <td>
                <ul>
                  ${token.elements.map(
                    (e) =>
                      html`<li>
                        <code>&lt;${e.tag}&gt;</code>${
                          e.parts.length > 0
                            ? html` — parts:
                              ${e.parts.map((p, i) => html`${i > 0 ? ', ' : ''}<code>${p}</code>`)}`
                            : ''
                        }
                      </li>`,
                  )}
                </ul>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  `,
};

import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import customElements from '../custom-elements.json';
import { isLocale, setLocale } from '../src/localization/index.js';

setCustomElementsManifest(customElements);

/**
 * Theme tokens edited in Controls: every arg named `--secure-*` is set as a custom property on the
 * story's root, so every element in the story inherits it. An arg left unset leaves the element's
 * own default. (Set through the CSSOM, not a `style` attribute in a template.)
 */
const withTokens: Decorator = (story, { args, canvasElement }) => {
  const root = canvasElement as HTMLElement | undefined;
  if (root?.style) {
    for (const name of [...root.style]) if (name.startsWith('--secure-')) root.style.removeProperty(name);
    for (const [name, value] of Object.entries(args)) {
      if (name.startsWith('--secure-') && typeof value === 'string' && value !== '')
        root.style.setProperty(name, value);
    }
  }
  return story();
};

const preview: Preview = {
  // The locale first: every element renders its first frame in the language of the toolbar.
  loaders: [
    async ({ globals }) => {
      await setLocale(isLocale(globals.locale) ? globals.locale : 'sv');
    },
    mswLoader(),
  ],
  decorators: [withTokens],
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the UI texts (setLocale from the localization entry point)',
      toolbar: {
        title: 'Språk',
        icon: 'globe',
        items: [
          { value: 'sv', title: 'Svenska', right: 'sv' },
          { value: 'en', title: 'English', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'sv' },
  parameters: {
    a11y: {
      // WCAG 2.0/2.1/2.2 A and AA rules; a violation is an error, not a hint.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      test: 'error',
    },
    controls: { expanded: true, sort: 'requiredFirst' },
    // WCAG 1.4.10 reflow: everything must work at 320 CSS pixels wide.
    viewport: {
      options: {
        reflow320: { name: '320 px (reflow)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        tablet: { name: '768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: '1280 px', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
  },
};

export default preview;

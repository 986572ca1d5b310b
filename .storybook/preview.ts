import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import customElements from '../custom-elements.json';

setCustomElementsManifest(customElements);

const preview: Preview = {
  loaders: [mswLoader()],
  tags: ['autodocs'],
  parameters: {
    a11y: {
      // WCAG 2.0/2.1/2.2 A and AA rules; a violation is an error, not a hint.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      test: 'error',
    },
    controls: { expanded: true },
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

import type { StorybookConfig } from '@storybook/web-components-vite';

/** The designers' catalogue: every element in every state, on the MSW mock backend. */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // The MSW worker script lives in public/ and must be served from the root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;

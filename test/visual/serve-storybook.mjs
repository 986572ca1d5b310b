// Serves the built Storybook for the visual tests; the workers read its address from the environment.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { serveStatic } from '../../scripts/static-server.mjs';

export default async function serveStorybook() {
  if (!existsSync('storybook-static/index.json')) {
    throw new Error('No built Storybook: run `npm run build-storybook` first.');
  }
  const server = await serveStatic('storybook-static');
  process.env.STORYBOOK_URL = server.url;
  return () => server.close();
}

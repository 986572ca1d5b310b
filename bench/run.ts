/**
 * `npm run bench`: speed and memory of the built library (`npm run build` first), each figure
 * beside a floor measured in the same run, so machine noise cancels: this folder's page
 * (bench.ts) built with Vite against dist/, served by Vite's preview server and run in headless
 * Chromium. Prints one line per case (figure, floor, ratio, budget) and exits non-zero when a
 * budget is exceeded or the page fails. Sizes: `npm run size`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { selfReference } from '../scripts/self-reference.js';
import type { BenchResult } from './bench.js';

if (!existsSync('dist/index.js')) {
  console.error('No dist/: run npm run build first.');
  process.exit(1);
}

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../node_modules/.cache/bench', import.meta.url));
const config = {
  configFile: false as const,
  logLevel: 'warn' as const,
  root,
  base: './',
  plugins: [selfReference],
  build: { outDir, emptyOutDir: true, target: 'es2022', minify: true, chunkSizeWarningLimit: 4000 },
};
await build(config);
const server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' } });
const address = server.resolvedUrls?.local[0];
if (!address) throw new Error('The preview server has no address.');

const browser = await chromium.launch({
  executablePath: findChrome(),
  args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors: string[] = [];
page.on('pageerror', (error) => errors.push(error.message));
page.on('console', (m) => console.log('  page:', m.text()));
await page.goto(new URL('index.html', address).href);
await page.waitForFunction(() => typeof window.runBench === 'function', null, { timeout: 120_000 });
const results: BenchResult[] = await page.evaluate(() => window.runBench());
await browser.close();
await server.close();

let exceeded = 0;
console.log(
  `\n${'case'.padEnd(63)}${'figure'.padStart(12)}${'floor'.padStart(12)}${'ratio'.padStart(8)}  budget`,
);
for (const r of results) {
  const requests = r.unit === 'req/h';
  const over = requests ? r.figure > r.budget : r.ratio > r.budget;
  if (over) exceeded++;
  const cells = [
    `${r.figure.toFixed(1)} ${r.unit}`.padStart(12),
    `${r.floor.toFixed(1)} ${r.unit}`.padStart(12),
  ];
  console.log(
    `${over ? '✗' : '✓'} ${r.name.padEnd(61)}${cells.join('')}${`${r.ratio.toFixed(2)}×`.padStart(8)}  ≤ ${requests ? `${Math.round(r.budget)} req/h` : `${r.budget.toFixed(2)}×`}`,
  );
}
console.log('For requests per hour the floor is today\'s figure: the same tabs without the stream, each on its own.');
for (const e of errors) console.log(`page error: ${e}`);
const ok = exceeded === 0 && errors.length === 0;
console.log(ok ? 'Every budget kept.' : `${exceeded} budget(s) exceeded, ${errors.length} page error(s).`);
process.exit(ok ? 0 : 1);

// `npm run bench`: speed and memory of the built library (npm run build first), each figure
// beside a floor measured in the same run, so machine noise cancels: bench/ built with Vite
// against dist/, in headless Chromium (bench/bench.ts). Prints one line per case (figure, floor,
// ratio, budget) and exits non-zero when a budget is exceeded. Sizes: `npm run size`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { selfReference } from './self-reference.mjs';
import { serveStatic } from './static-server.mjs';

if (!existsSync('dist/index.js')) {
  console.error('No dist/: run npm run build first.');
  process.exit(1);
}

const OUT = resolve('node_modules', '.cache', 'bench');
await build({
  configFile: false,
  logLevel: 'warn',
  root: 'bench',
  base: './',
  plugins: [selfReference],
  build: { outDir: OUT, emptyOutDir: true, target: 'es2022', minify: true, chunkSizeWarningLimit: 4000 },
});

const server = await serveStatic(OUT);
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (error) => errors.push(error.message));
page.on('console', (m) => console.log('  page:', m.text()));
await page.goto(new URL('index.html', server.url).href);
await page.waitForFunction(() => typeof window.runBench === 'function', null, { timeout: 120_000 });
const results = await page.evaluate(() => window.runBench());
await browser.close();
await server.close();

let exceeded = 0;
console.log(
  '\ncase'.padEnd(64) + 'figure'.padStart(12) + 'floor'.padStart(12) + 'ratio'.padStart(8) + '  budget',
);
for (const r of results) {
  const ratio = r.ratio ?? r.figure / r.floor;
  const over = ratio > r.budget;
  if (over) exceeded++;
  const budget = `≤ ${r.budget.toFixed(2)}×`;
  console.log(
    `${over ? '✗' : '✓'} ${r.name.padEnd(62)}${`${r.figure.toFixed(1)} ${r.unit}`.padStart(12)}${`${r.floor.toFixed(1)} ${r.unit}`.padStart(12)}${`${ratio.toFixed(2)}×`.padStart(8)}  ${budget}`,
  );
}
for (const e of errors) console.log(`page error: ${e}`);
console.log(exceeded === 0 && errors.length === 0 ? 'Every budget kept.' : `${exceeded} budget(s) exceeded.`);
process.exit(exceeded === 0 && errors.length === 0 ? 0 : 1);

/**
 * `npm run bench`: speed and memory of the built library (`npm run build` first), each figure
 * beside a floor measured in the same run, so machine noise cancels: this folder's page
 * (bench.ts) built with Vite against dist/ (Vite resolves the package's own name through
 * node_modules and its `exports`), served by Vite's preview server and run in headless Chromium.
 * Prints one line per case (figure, floor, ratio, budget) and exits non-zero when a budget is
 * exceeded or the page fails. Sizes: `npm run size`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import type { BenchResult, Measure } from './bench.js';

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
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { index: `${root}index.html`, cold: `${root}cold.html` } },
  },
};
const built = await build(config);
// The bench measures what a portal loads. Node's resolver under tsx would follow tsconfig.json's
// `paths` to the sources; Vite's own does not, and this says so if it ever does.
const fromSources = [built]
  .flat()
  .flatMap((b) => ('output' in b ? b.output : []))
  .flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : []))
  .filter((id) => id.includes('/src/define/'));
if (fromSources.length > 0) throw new Error(`bench: built from the sources, not dist/: ${fromSources[0]}`);
const server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' } });
const address = server.resolvedUrls?.local[0];
if (!address) throw new Error('The preview server has no address.');

const browser = await chromium.launch({
  executablePath: findChrome(),
  args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const errors: string[] = [];
const only = process.argv.slice(2).join(',');

/** Runs the bench page's cases (all when `cases` is empty) in a page of its own. */
async function benchPage(cases: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => console.log('  page:', m.text()));
  const cdp = await page.context().newCDPSession(page);
  // Durations in the main thread's own CPU time, not the wall clock: time other processes take
  // from the thread does not count.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.exposeFunction('browserMetrics', async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  });
  // The heap a page holds, garbage collected: V8's (script) and Blink's own (the DOM), in bytes.
  await page.exposeFunction('heapUsed', async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
  });
  await page.goto(new URL(`index.html${cases ? `?cases=${cases}` : ''}`, address).href);
  await page.waitForFunction(() => typeof window.runBench === 'function', null, { timeout: 120_000 });
  return { page, results: await page.evaluate(() => window.runBench()) };
}

const { page, results } = await benchPage(only);
// A timing over its budget gets a second run in a fresh page, and fails only when over again:
// a real slowdown is over twice, a burst of machine noise seldom.
const timingOver = (r: BenchResult) => r.unit === 'ms' && r.detail !== undefined && r.ratio > r.budget;
const again = [...new Set(results.filter(timingOver).map((r) => r.case!))];
if (again.length > 0) {
  const second = await benchPage(again.join(','));
  for (const [i, r] of results.entries()) {
    const retry = second.results.find((x) => x.name === r.name);
    if (timingOver(r) && retry) {
      console.log(`Over budget, so run again: ${r.name} at ${r.ratio.toFixed(2)}× the first time.`);
      results[i] = retry;
    }
  }
  await second.page.close();
}
if (!only || only.split(',').includes('cold')) results.push(await coldLoad());
await browser.close();
await server.close();

/**
 * From the import to the first rows painted, `<secure-messages>` beside the floor, each in a fresh
 * browser context (no process, memory or compiled code shared) with the cache off: the median of
 * COLD_LOADS loads per side, taken in turn. Reported, not gated: one load cannot be repeated as a
 * render can, so its spread is the machine's.
 */
async function coldLoad(): Promise<BenchResult> {
  const COLD_LOADS = 5;
  const frame = await page.evaluate(() => window.inboxFrameForCold());
  const load = async (side: 'element' | 'floor') => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const cold = await context.newPage();
    cold.on('pageerror', (error) => errors.push(error.message));
    const session = await context.newCDPSession(cold);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cold.addInitScript((given) => (window.coldFrame = given), frame);
    await cold.goto(new URL(`cold.html?side=${side}`, address).href);
    await cold.waitForFunction(() => typeof window.coldLoad === 'function', null, { timeout: 120_000 });
    const ms = await cold.evaluate(() => window.coldLoad());
    await context.close();
    return ms;
  };
  const figure: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    figure.push(await load('element'));
    floor.push(await load('floor'));
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return {
    name: 'cold load: import → first rows of <secure-messages> painted',
    unit: 'ms',
    figure: median(figure),
    floor: median(floor),
    ratio: median(figure) / median(floor),
    budget: Infinity,
  };
}

let exceeded = 0;
const fixed = (n: number, unit: string) => `${n.toFixed(1)} ${unit}`.padStart(12);
console.log(
  `\n${'case'.padEnd(63)}${'figure'.padStart(12)}${'floor'.padStart(12)}${'ratio'.padStart(8)}  budget`,
);
for (const r of results) {
  const requests = r.unit === 'req/h';
  const over = requests ? r.figure > r.budget : r.ratio > r.budget; // never for a reported case (budget ∞)
  if (over) exceeded++;
  const budget = !Number.isFinite(r.budget)
    ? 'reported'
    : requests
      ? `≤ ${Math.round(r.budget)} req/h`
      : `≤ ${r.budget.toFixed(2)}×`;
  console.log(
    `${over ? '✗' : '✓'} ${r.name.padEnd(61)}${fixed(r.figure, r.unit)}${fixed(r.floor, r.unit)}${`${r.ratio.toFixed(2)}×`.padStart(8)}  ${budget}`,
  );
  // Beside a timing's CPU time (gated): its wall time, where the browser spent it, and counts.
  if (r.detail) {
    const d = r.detail;
    const row = (label: string, m: Measure, unit: string, digits = 1) => {
      // A case that shows nothing (the store query) has no style, layout or counts.
      if (m.figure === 0 && m.floor === 0) return;
      console.log(
        `    ${label.padEnd(61)}${`${m.figure.toFixed(digits)} ${unit}`.padStart(12)}${`${m.floor.toFixed(digits)} ${unit}`.padStart(12)}${`${m.ratio.toFixed(2)}×`.padStart(8)}`,
      );
    };
    row('wall time', d.wall, 'ms');
    row('style recalculation', d.style, 'ms');
    row('layout', d.layout, 'ms');
    row('nodes', d.nodes, '', 0);
    row('elements (must be equal)', d.elements, '', 0);
    row('event listeners added', d.listeners, '', 0);
    row('style recalculations', d.styleRecalcs, '', 0);
    row('layouts', d.layouts, '', 0);
  }
}
console.log(
  "\nTimings: main-thread CPU time of one render, each side's lower decile of 61 (gated); wall time, style and layout time and counts below it. Heap: what one view holds, per copy of ten. For requests per hour the floor is today's figure: the same tabs without the stream, each on its own.",
);
for (const e of errors) console.log(`page error: ${e}`);
const ok = exceeded === 0 && errors.length === 0;
console.log(ok ? 'Every budget kept.' : `${exceeded} budget(s) exceeded, ${errors.length} page error(s).`);
process.exit(ok ? 0 : 1);

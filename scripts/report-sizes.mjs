// Prints the minified, gzipped and brotli size of each entry point of the library, bundled on its own
// (shared chunks included, Lit and MSW excluded), then Lit's own size and the whole feature with
// Lit counted once. Runs after `vite build` as part of `npm run build`.
import { readdirSync } from 'node:fs';
import { featureSizes, LIT, measure, MSW } from './sizes.mjs';

const entries = {
  index: 'dist/index.js',
  domain: 'dist/domain.js',
  adapter: 'dist/adapter.js',
  localization: 'dist/localization.js',
  ...Object.fromEntries(
    readdirSync('dist/define')
      .filter((f) => f.endsWith('.js'))
      .map((f) => [`define/${f.slice(0, -3)}`, `dist/define/${f}`]),
  ),
  mocks: 'dist/mocks.js',
};

const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
const rows = [];
for (const [name, path] of Object.entries(entries)) {
  rows.push([name, await measure(path, [...LIT, ...MSW])]);
}
const feature = await featureSizes();
rows.push(['Lit (LitElement core)', feature.lit]);
rows.push(['whole feature incl. Lit', feature.whole]);
rows.push(['  floor: its Lit packages alone', feature.wholeFloor]);
rows.push(['notice-badge incl. Lit', feature.badge]);
rows.push(['  floor: its Lit packages alone', feature.badgeFloor]);

console.log('\nEntry point sizes (minified / gzip / brotli; Lit and MSW external unless said):');
for (const [name, size] of rows)
  console.log(`  ${name.padEnd(34)} ${kb(size.bytes)} ${kb(size.gzip)} ${kb(size.brotli)}`);
console.log(
  `  (the English texts load on demand: ${kb(feature.whole.lazyGzip).trim()} gzip more after setLocale('en'))`,
);

// Prints the minified and gzipped size of each entry point of the library, bundled on its own
// (shared chunks included, Lit and MSW excluded), then Lit's own size and the whole feature with
// Lit counted once. Runs after `vite build` as part of `npm run build`.
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const LIT = [/^lit(\/|$)/, /^@lit\//];
const MSW = [/^msw(\/|$)/];

const entries = {
  index: 'src/index.ts',
  domain: 'src/domain/index.ts',
  adapter: 'src/adapter/index.ts',
  localization: 'src/localization/index.ts',
  ...Object.fromEntries(
    readdirSync('src/define')
      .filter((f) => f.endsWith('.ts') && f !== 'define.ts')
      .map((f) => [`define/${f.slice(0, -3)}`, `src/define/${f}`]),
  ),
  mocks: 'mocks/index.ts',
};

/** Minified bytes and gzipped bytes of `source` (a module path or virtual code) bundled alone. */
async function measure(input, external) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: input, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external, output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const code = outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
  const bytes = Buffer.byteLength(code);
  return { bytes, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
const rows = [];
for (const [name, path] of Object.entries(entries)) {
  rows.push([name, await measure(path, [...LIT, ...MSW])]);
}
rows.push(['Lit (LitElement core)', await measure('node_modules/lit/index.js', [])]);
rows.push(['whole feature incl. Lit', await measure('scripts/size-whole-feature.js', [])]);
rows.push(['notice-badge incl. Lit', await measure('src/define/notice-badge.ts', [])]);

console.log('\nEntry point sizes (minified / gzip; Lit and MSW external unless said):');
for (const [name, size] of rows) console.log(`  ${name.padEnd(34)} ${kb(size.bytes)} ${kb(size.gzip)}`);

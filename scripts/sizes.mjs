// Minified, gzipped and brotli-compressed sizes of the library's entry points as they ship (the
// built files in dist/, templates already minified), each bundled alone with esbuild and full
// minification (identifiers, white space, syntax), gzip at level 9. Shared by `npm run build`
// (which prints them) and `npm run bench` (which holds them to budgets).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const LIT = ['lit', 'lit/*', '@lit/*'];
export const MSW = ['msw', 'msw/*'];

const brotli = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Minified, gzip and brotli bytes of `input` (a module path) bundled alone; modules matching
 * `external` stay out. A dynamically imported module (the English texts) is loaded only on demand
 * and is counted separately, as `lazyGzip`.
 */
export async function measure(input, external) {
  const result = await build({
    entryPoints: [input],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: 'out',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    external,
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint);
  const initial = new Set();
  const visit = (o) => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const text = (o) => result.outputFiles.find((f) => f.path.endsWith(o.slice('out'.length))).text;
  const code = [...initial].map(text).join('\n');
  const lazy = Object.keys(outputs).filter((o) => !initial.has(o) && o.endsWith('.js'));
  return {
    bytes: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotli(code),
    lazyGzip: lazy.reduce((sum, o) => sum + gzipSync(text(o), { level: 9 }).length, 0),
  };
}

/**
 * What a portal loads: Lit alone, the whole feature with Lit, and the badge alone with Lit; and
 * each one's floor, the Lit packages it uses in their least use (scripts/size-floor-*.ts).
 */
export async function featureSizes() {
  return {
    lit: await measure('node_modules/lit/index.js', []),
    whole: await measure('scripts/size-whole-feature.js', []),
    wholeFloor: await measure('scripts/size-floor-feature.ts', []),
    badge: await measure('dist/define/notice-badge.js', []),
    badgeFloor: await measure('scripts/size-floor-badge.ts', []),
  };
}

// Minified and gzipped sizes of the library's entry points, bundled alone with Vite (no files
// written). Shared by `npm run build` (which prints them) and `npm run bench` (which holds them to
// budgets).
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const LIT = [/^lit(\/|$)/, /^@lit\//];
export const MSW = [/^msw(\/|$)/];

/**
 * Minified bytes and gzipped bytes of `input` (a module path) bundled alone; modules matching
 * `external` stay out. A dynamically imported module (the English texts) is loaded only on demand
 * and is counted separately, as `lazyGzip`.
 */
export async function measure(input, external) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: input, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk');
  const initial = chunks.filter((c) => !c.isDynamicEntry);
  const lazy = chunks.filter((c) => c.isDynamicEntry);
  const code = initial.map((c) => c.code).join('\n');
  return {
    bytes: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    lazyGzip: lazy.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0),
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
    badge: await measure('src/define/notice-badge.ts', []),
    badgeFloor: await measure('scripts/size-floor-badge.ts', []),
  };
}

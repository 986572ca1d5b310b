// Checks that a portal importing one define module gets only the event classes that element can
// fire: each dist/define/<tag>.js, bundled on its own with esbuild as a portal's bundler would
// (Lit external), may contain only the classes custom-elements.json lists among the element's
// events. A badge in the portal's menu then carries one event class, not all of them.
// Usage: npm run build && tsx scripts/check-tree-shaking.ts
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

interface Manifest {
  modules: { path: string; declarations: { events?: { type?: { text: string } }[] }[] }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
const problems: string[] = [];

for (const module of manifest.modules) {
  if (!module.path.startsWith('dist/define/')) continue;
  const allowed = new Set(
    module.declarations.flatMap((d) => (d.events ?? []).flatMap((e) => (e.type ? [e.type.text] : []))),
  );
  const result = await build({
    entryPoints: [module.path],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: ['lit', 'lit/*', '@lit/*'],
  });
  const code = result.outputFiles[0]!.text;
  const bundled = new Set([...code.matchAll(/\bclass (Secure\w*Event)\d*\b/g)].map((m) => m[1]!));
  const extra = [...bundled].filter((name) => !allowed.has(name));
  const missing = [...allowed].filter((name) => !bundled.has(name));
  console.log(
    `${extra.length ? '✗' : '✓'} ${module.path}: ${[...bundled].sort().join(', ') || 'no event class'}`,
  );
  if (extra.length) problems.push(`${module.path} bundles ${extra.join(', ')}, which it never fires`);
  // A class the element fires but the scan cannot find means the scan went blind (renamed output).
  if (missing.length) problems.push(`${module.path}: cannot find ${missing.join(', ')} in the bundle`);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log('Every define module bundles only the event classes it fires.');

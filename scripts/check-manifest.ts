// Checks custom-elements.json as the package ships it (after npm run build): every module is a
// file in dist/ that exports its element and registers its tag, every event names an event class
// the package exports, no private or protected member is listed, no default is a constant's name,
// and the framework and editor data generated from it are where package.json says.
// Usage: npm run build && tsx scripts/check-manifest.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface Member {
  name: string;
  privacy?: string;
  default?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: Member[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: {
    path: string;
    declarations: Declaration[];
    exports: { kind: string; name: string; declaration?: { name: string } }[];
  }[];
}
interface Package {
  exports: Record<string, string | { types: string }>;
  'web-types': string;
}
const json = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const types = (entry: string | { types: string } | undefined) =>
  typeof entry === 'object' ? entry.types : entry;

const manifest = json<Manifest>('custom-elements.json');
const pkg = json<Package>('package.json');
const exported = [
  'dist/types/src/index.d.ts',
  ...readdirSync('dist/types/src/events').map((file) => `dist/types/src/events/${file}`),
]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const problems: string[] = [];
const tags = new Set<string>();

for (const module of manifest.modules) {
  if (!module.path.startsWith('dist/') || !existsSync(module.path))
    problems.push(`${module.path}: not a shipped file`);
  const code = existsSync(module.path) ? readFileSync(module.path, 'utf8') : '';
  for (const element of module.declarations.filter((d) => d.customElement)) {
    const where = `<${element.tagName}>`;
    tags.add(element.tagName!);
    const definition = module.exports.find((e) => e.kind === 'custom-element-definition');
    if (definition?.name !== element.tagName || definition?.declaration?.name !== element.name)
      problems.push(`${where}: no custom-element-definition export`);
    if (!new RegExp(`export\\s*\\{[^}]*\\b${element.name}\\b`).test(code))
      problems.push(`${where}: ${module.path} does not export ${element.name}`);
    for (const m of element.members ?? []) {
      if (m.name.startsWith('#') || m.privacy === 'private' || m.privacy === 'protected')
        problems.push(`${where}: lists the non-public member ${m.name}`);
    }
    for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
      if (/^[A-Z][A-Z0-9_]*$/.test(item.default ?? '') || /\d_\d/.test(item.default ?? ''))
        problems.push(`${where}: ${item.name} defaults to ${item.default}, not a value`);
    }
    for (const e of element.events ?? []) {
      const type = e.type?.text;
      if (!type || !new RegExp(`\\bclass ${type}\\b`).test(exported))
        problems.push(`${where}: event ${e.name} has no exported event class (${type})`);
    }
  }
}
const defined = readdirSync('src/define')
  .filter((f) => f !== 'define.ts')
  .map((f) => f.slice(0, -3));
for (const tag of defined) if (!tags.has(tag)) problems.push(`<${tag}>: missing from the manifest`);

const targets = [
  types(pkg.exports['./react']),
  types(pkg.exports['./vue']),
  types(pkg.exports['./html-custom-data.json']),
  types(pkg.exports['./web-types.json']),
  pkg['web-types'],
];
for (const t of targets) if (!t || !existsSync(t)) problems.push(`${t}: named in package.json, not built`);
const webTypes = json<{ contributions: { html: { elements: { name: string }[] } } }>(pkg['web-types']);
const vscode = json<{ tags: { name: string }[] }>(types(pkg.exports['./html-custom-data.json'])!);
for (const tag of defined) {
  if (!webTypes.contributions.html.elements.some((e) => e.name === tag))
    problems.push(`web-types: no <${tag}>`);
  if (!vscode.tags.some((e) => e.name === tag)) problems.push(`html-custom-data: no <${tag}>`);
}

for (const p of problems) console.error(`custom-elements.json: ${p}`);
if (problems.length > 0) process.exit(1);
console.log(`custom-elements.json: ${tags.size} elements, as shipped; framework and editor data present.`);

// Checks custom-elements.json as the package ships it (after npm run build): every module is a
// file in dist/ that exports its element and registers its tag, every event names an event class
// the package exports, no private or protected member is listed, no default is a constant's name,
// and the framework and editor data generated from it are where package.json says.
// Usage: npm run build && node scripts/check-manifest.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const exported = [
  'dist/types/src/index.d.ts',
  ...readdirSync('dist/types/src/events').map((file) => `dist/types/src/events/${file}`),
]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const problems = [];
const tags = new Set();

for (const module of manifest.modules) {
  if (!module.path.startsWith('dist/') || !existsSync(module.path))
    problems.push(`${module.path}: not a shipped file`);
  const code = existsSync(module.path) ? readFileSync(module.path, 'utf8') : '';
  for (const element of module.declarations.filter((d) => d.customElement)) {
    const where = `<${element.tagName}>`;
    tags.add(element.tagName);
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
  pkg.exports['./react'].types,
  pkg.exports['./vue'].types,
  pkg.exports['./html-custom-data.json'],
  pkg.exports['./web-types.json'],
  pkg['web-types'],
];
for (const t of targets) if (!existsSync(t)) problems.push(`${t}: named in package.json, not built`);
const webTypes = JSON.parse(readFileSync(pkg['web-types'], 'utf8'));
const vscode = JSON.parse(readFileSync(pkg.exports['./html-custom-data.json'], 'utf8'));
for (const tag of defined) {
  if (!webTypes.contributions.html.elements.some((e) => e.name === tag))
    problems.push(`web-types: no <${tag}>`);
  if (!vscode.tags.some((e) => e.name === tag)) problems.push(`html-custom-data: no <${tag}>`);
}

for (const p of problems) console.error(`custom-elements.json: ${p}`);
if (problems.length > 0) process.exit(1);
console.log(`custom-elements.json: ${tags.size} elements, as shipped; framework and editor data present.`);

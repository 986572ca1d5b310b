// Checks the built library (dist/) for what must never ship in the element bundles: every module
// reachable from an entry point other than the mock backend's is walked through its static and
// dynamic imports, and none may import MSW, contain its code, or register a service worker; the
// worker script itself is not in dist/. Usage: npm run build && tsx scripts/check-dist.ts
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const DIST = 'dist';
const MOCK_ENTRIES = new Set(['mocks.js', 'mocks-node.js']);
const entries = [
  ...readdirSync(DIST).filter((f) => f.endsWith('.js') && !MOCK_ENTRIES.has(f)),
  ...readdirSync(join(DIST, 'define'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('define', f)),
].map((f) => resolve(DIST, f));

const IMPORT =
  /(?:\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bexport\s*[\w*{}\s,$]+from\s*|\bimport\s*\()\s*["']([^"']+)["']/g;
const FORBIDDEN: [RegExp, string][] = [
  [/["']msw(\/[^"']*)?["']/, 'imports msw'],
  [/serviceWorker\s*\.\s*register/, 'registers a service worker'],
  [/mockServiceWorker/, 'names the mock service worker'],
  [/setupWorker|setupServer/, 'contains MSW set-up code'],
  [/\bHttpResponse\b/, 'contains MSW response code'],
];

const problems: string[] = [];
const seen = new Set<string>();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.pop()!;
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(code)) problems.push(`${relative('.', file)} ${what}`);
  }
  for (const [, specifier] of code.matchAll(IMPORT)) {
    if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
  }
}
if (existsSync(join(DIST, 'mockServiceWorker.js'))) problems.push('dist/mockServiceWorker.js exists');

for (const p of problems) console.error(`  ${p}`);
console.log(
  problems.length === 0
    ? `dist/: ${seen.size} modules reachable from ${entries.length} entry points, no MSW code and no service worker.`
    : 'dist/ ships mock backend code in the element bundles.',
);
process.exit(problems.length === 0 ? 0 : 1);

// The README quotes the example files that CI runs (scripts/check-examples.mjs). Every fenced block
// right after a `<!-- example: <path> -->` line must equal that file, so the README cannot drift
// from the tested code. Usage: node scripts/check-readme-examples.mjs
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const quoted = [...readme.matchAll(/<!-- example: (\S+) -->\n\n?```[a-z]*\n([\s\S]*?)```\n/g)];
const problems = [];
for (const [, path, block] of quoted) {
  let file;
  try {
    file = readFileSync(path, 'utf8');
  } catch {
    problems.push(`${path}: no such file`);
    continue;
  }
  if (block !== file) problems.push(`${path}: the README's copy differs from the file`);
}
const markers = readme.match(/<!-- example: /g)?.length ?? 0;
if (markers !== quoted.length)
  problems.push(`${markers - quoted.length} example marker(s) without a code block`);
for (const p of problems) console.error(`README example: ${p}`);
if (problems.length > 0) process.exit(1);
console.log(`README: ${quoted.length} quoted examples match their files.`);

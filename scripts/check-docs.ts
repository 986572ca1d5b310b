// The docs stay true to the tree: every relative link (and MDX import) in README.md and the
// Storybook guide pages (stories/**/*.mdx) resolves to a file, or, as `?path=/docs/<id>` or
// `?path=/story/<id>`, to a page Storybook builds; every code block after a
// `<!-- example: <path> -->` line in the README is that file or a run of its whole lines; and the
// README keeps the two set-up commands exactly as they are. Usage: npx tsx scripts/check-docs.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadCsf } from 'storybook/internal/csf-tools';
import { toId } from 'storybook/internal/csf';

const COMMANDS = ['npm ci && npm start', 'npm ci && npm test'];

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(dir, name));
}

const pages = filesUnder('stories', '.mdx');
const csfFiles = filesUnder('stories', '.stories.ts');

/** Ids Storybook gives the guide pages, each story, and each story file's docs page (autodocs). */
function storybookIds(): Set<string> {
  const ids = new Set<string>();
  for (const page of pages) {
    const title = /<Meta\s+title="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
    if (title) ids.add(toId(title, 'Docs'));
  }
  for (const file of csfFiles) {
    const csf = loadCsf(readFileSync(file, 'utf8'), {
      fileName: file,
      makeTitle: (title) => title ?? file,
    }).parse();
    if (csf.meta?.title) ids.add(toId(csf.meta.title, 'Docs'));
    for (const story of csf.stories) ids.add(story.id);
  }
  return ids;
}

/** Each link target (and MDX import path) with its line number, code blocks and spans left out. */
function targets(text: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '');
    const patterns = [/\]\(([^)\s]+)[^)]*\)/g, /\b(?:href|src)="([^"]+)"/g, /^import\s.*\sfrom\s+'([^']+)'/g];
    for (const pattern of patterns)
      for (const match of prose.matchAll(pattern)) found.push({ target: match[1]!, line: index + 1 });
  });
  return found;
}

const ids = storybookIds();
const problems: string[] = [];

for (const file of ['README.md', ...pages]) {
  const text = readFileSync(file, 'utf8');
  for (const { target, line } of targets(text)) {
    const where = `${file}:${line}: ${target}`;
    if (/^[a-z][a-z+.-]*:/i.test(target) || target.startsWith('#')) continue; // other sites, anchors
    const page = /^\?path=\/(?:docs|story)\/([^&#]+)/.exec(target);
    if (page) {
      if (!ids.has(page[1]!)) problems.push(`${where}: no such Storybook page`);
      continue;
    }
    if (target.startsWith('.') || target.startsWith('/') || /^[\w@-]/.test(target)) {
      if (file.endsWith('.mdx') && !target.startsWith('.')) continue; // a package import
      const path = join(dirname(file), target.replace(/[?#].*$/, ''));
      if (!existsSync(path)) problems.push(`${where}: no such file (${relative('.', path)})`);
    }
  }
}

const readme = readFileSync('README.md', 'utf8');
const quotes = [...readme.matchAll(/<!-- example: (\S+) -->\n\n?```[a-z]*\n([\s\S]*?)```\n/g)];
if ((readme.match(/<!-- example: /g) ?? []).length !== quotes.length)
  problems.push('README.md: an example marker without a code block right after it');
for (const [, path, block] of quotes) {
  if (!existsSync(path!)) problems.push(`README.md: example ${path}: no such file`);
  else if (!`\n${readFileSync(path!, 'utf8')}`.includes(`\n${block}`))
    problems.push(`README.md: example ${path}: the quoted lines are not in the file`);
}
for (const command of COMMANDS)
  if (!readme.includes(`\`\`\`sh\n${command}\n\`\`\``))
    problems.push(`README.md: the set-up command \`${command}\` is missing`);

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(
  `Docs: links in README.md and ${pages.length} guide pages resolve; ${quotes.length} README example(s) match.`,
);

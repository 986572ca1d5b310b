// The package as a portal gets it (npm run build first): `npm pack`, then a fresh project in a
// temporary folder outside the repository installs the tarball with its peer dependencies at the
// versions the package allows, type-checks a strict React 19 consumer against the shipped types
// only, bundles it with esbuild and runs it in Chromium on the shipped mock backend: the inbox shows
// rows, a message is sent, and Lit is loaded exactly once. Last, `npm audit` of that project checks
// the code that ships (the package and its peers) for known vulnerabilities.
// Usage: npm run build && node scripts/check-consumer.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../test/browsers.mjs';
import { serveStatic } from './static-server.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dev = pkg.devDependencies;
const dir = mkdtempSync(join(tmpdir(), 'consumer-'));
const run = (cmd, args, cwd = dir) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  // The lowest versions the package allows for its peers (^x.y.z → x.y.z), and the consumer's tools.
  const peers = Object.entries(pkg.peerDependencies).map(([n, range]) => `${n}@${range.replace(/^\^/, '')}`);
  const tools = ['react', 'react-dom', '@types/react', '@types/react-dom', 'typescript', 'esbuild'].map(
    (n) => `${n}@${dev[n]}`,
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  run('npm', ['install', '--no-fund', '--no-audit', '-E', join(dir, tarball), ...peers, ...tools]);

  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        verbatimModuleSyntax: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
  );
  writeFileSync(
    join(dir, 'src', 'main.tsx'),
    `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@kpa/secure-messages/define/secure-adapter-provider.js';
import '@kpa/secure-messages/define/secure-messages.js';
import type {} from '@kpa/secure-messages/react';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import { createMockBackend, startMockWorker } from '@kpa/secure-messages/mocks';

const backend = createMockBackend({ seed: 1, size: 60 });
await startMockWorker(backend, { quiet: true });
const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1' });

function App() {
  const [sent, setSent] = useState<string>();
  return (
    <secure-adapter-provider adapter={adapter}>
      {sent && <p>Skickat: {sent}</p>}
      <secure-messages routing="none" onsecure-message-sent={(event) => setSent(event.detail.number)} />
    </secure-adapter-provider>
  );
}
createRoot(document.getElementById('app')!).render(<App />);
`,
  );
  run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
  mkdirSync(join(dir, 'public'));
  run(join(dir, 'node_modules', '.bin', 'esbuild'), [
    'src/main.tsx',
    '--bundle',
    '--format=esm',
    '--minify',
    '--target=es2022',
    '--outfile=public/main.js',
  ]);
  copyFileSync(
    join(dir, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'),
    join(dir, 'public', 'mockServiceWorker.js'),
  );
  writeFileSync(
    join(dir, 'public', 'index.html'),
    '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Portal</title><div id="app"></div><script type="module" src="main.js"></script></html>',
  );
  const litCopies =
    readFileSync(join(dir, 'public', 'main.js'), 'utf8').match(/litHtmlVersions/g)?.length ?? 0;
  if (litCopies !== 1) throw new Error(`the bundle holds ${litCopies} copies of lit-html`);

  const server = await serveStatic(resolve(dir, 'public'));
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('table').getByRole('row').nth(2).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Nytt meddelande' }).click();
    await page.getByLabel('Ämne').selectOption({ index: 1 });
    await page.getByLabel('Meddelande', { exact: true }).fill('Gäller lönerapporteringen för mars.');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByText(/Skickat: \d{5}/).waitFor({ timeout: 20_000 });
    const versions = await page.evaluate(() => globalThis.litHtmlVersions?.length ?? 0);
    if (versions !== 1) throw new Error(`Lit loaded ${versions} times`);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('Consumer: strict React 19 types, inbox rows, a message sent, Lit once.');
  // The code that ships, with the peers at the versions the package allows. Known vulnerabilities
  // fail the check; a registry without an audit endpoint is reported, not passed silently.
  try {
    execFileSync('npm', ['audit', '--omit=dev', '--audit-level=high'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    console.log('npm audit of the package and its peers: no known vulnerability at high or above.');
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (!/audit endpoint returned an error/.test(output)) throw new Error(`npm audit:\n${output}`);
    console.log('npm audit: NOT CHECKED, the registry answered without an audit endpoint.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

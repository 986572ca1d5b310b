// The package as a portal gets it (npm run build first): `npm pack`, then a fresh project in a
// temporary folder outside the repository installs the tarball with its peer dependencies at the
// lowest versions the package allows, type-checks a strict React 19 consumer against the shipped
// types only, bundles it with esbuild and runs it in Chromium on the shipped mock backend: the
// inbox shows rows, a message is sent, and Lit is loaded exactly once. Last, `npm audit` of that
// project checks the code that ships (the package and its peers) for known vulnerabilities.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { preview } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

const TSCONFIG = {
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
};

const MAIN = `import { useState } from 'react';
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
`;

const INDEX =
  '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Portal</title><div id="app"></div><script type="module" src="main.js"></script></html>';

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consumer-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the packed tarball in a fresh React 19 project', async ({ page }) => {
  test.setTimeout(600_000);
  const run = (command: string, args: string[], options: ExecFileSyncOptions = {}) =>
    execFileSync(command, args, { cwd: dir, stdio: 'pipe', ...options, encoding: 'utf8' });
  const bin = (name: string) => join(dir, 'node_modules', '.bin', name);

  await test.step('npm pack, and install the tarball with its peers and the consumer’s tools', () => {
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: '.' })
      .trim()
      .split('\n')
      .pop()!;
    // The lowest versions the package allows for its peers (^x.y.z → x.y.z).
    const peers = Object.entries(pkg.peerDependencies).map(
      ([n, range]) => `${n}@${range.replace(/^\^/, '')}`,
    );
    const tools = ['react', 'react-dom', '@types/react', '@types/react-dom', 'typescript', 'esbuild'].map(
      (n) => `${n}@${pkg.devDependencies[n]}`,
    );
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'portal', private: true, type: 'module' }),
    );
    run('npm', ['install', '--no-fund', '--no-audit', '-E', join(dir, tarball), ...peers, ...tools]);
  });

  await test.step('strict React 19 types against the shipped types only', () => {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    writeFileSync(join(dir, 'src', 'main.tsx'), MAIN);
    try {
      run(bin('tsc'), ['-p', 'tsconfig.json']);
    } catch (error) {
      throw new Error(`tsc:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  });

  await test.step('bundled with esbuild, with one copy of Lit', () => {
    mkdirSync(join(dir, 'public'));
    run(bin('esbuild'), [
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
    writeFileSync(join(dir, 'public', 'index.html'), INDEX);
    const bundle = readFileSync(join(dir, 'public', 'main.js'), 'utf8');
    expect(bundle.match(/litHtmlVersions/g)?.length ?? 0, 'copies of lit-html in the bundle').toBe(1);
  });

  await test.step('in Chromium: the inbox shows rows, a message is sent, Lit loads once', async () => {
    // Served from the temporary folder, which exists only now.
    const server = await preview({
      configFile: false,
      root: dir,
      appType: 'mpa',
      logLevel: 'error',
      build: { outDir: 'public' },
      preview: { host: '127.0.0.1', port: 4185 },
    });
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.resolvedUrls!.local[0]!);
      await expect(page.getByRole('table').getByRole('row').nth(2)).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Nytt meddelande' }).click();
      await page.getByLabel('Ämne').selectOption({ index: 1 });
      await page.getByLabel('Meddelande', { exact: true }).fill('Gäller lönerapporteringen för mars.');
      await page.getByRole('button', { name: 'Skicka' }).click();
      await expect(page.getByText(/Skickat: \d{5}/)).toBeVisible({ timeout: 20_000 });
      expect(
        await page.evaluate(() => (globalThis as { litHtmlVersions?: unknown[] }).litHtmlVersions?.length),
      ).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  await test.step('npm audit of the package and its peers: nothing at high or above', () => {
    try {
      run('npm', ['audit', '--omit=dev', '--audit-level=high']);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      // A registry without an audit endpoint is reported, not passed silently.
      if (!/audit endpoint returned an error/.test(stdout + stderr))
        throw new Error(`npm audit:\n${stdout}${stderr}`);
      test.info().annotations.push({
        type: 'warning',
        description: 'npm audit: NOT CHECKED, the registry has no audit endpoint.',
      });
      console.log('npm audit: NOT CHECKED, the registry answered without an audit endpoint.');
    }
  });
});

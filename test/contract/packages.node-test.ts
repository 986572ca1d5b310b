/**
 * The two packages as others install them: the element package's tarball asks a portal for its
 * peers only and ships no conformance kit; the kit's tarball, installed alone in a fresh folder
 * outside the repository, runs as `npx secure-messages-conformance` and passes against the mock
 * HTTP server, reading the contract packed beside it. Run by `npm run test:contract`.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startMockHttpServer } from '../../mocks/http-server.js';
import { CONTRACT_RULES } from '../../mocks/rules.js';

interface Packed {
  filename: string;
  files: { path: string }[];
}

/** npm's answer on stdout; throws with its stderr when it fails. */
const npm = (args: string[], cwd = '.') =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'packages-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** `npm pack` into the temporary folder: what the tarball holds and where it is. */
function pack(args: string[] = []) {
  const [packed] = JSON.parse(npm(['pack', ...args, '--json', '--pack-destination', dir])) as Packed[];
  return { files: packed!.files.map((f) => f.path), tarball: join(dir, packed!.filename) };
}

describe('packages', () => {
  it('the element package asks a portal for its peers only and ships no kit', () => {
    const { files, tarball } = pack();
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'])
      assert.equal(manifest[field], undefined, `${field} would be installed into every portal`);
    assert.equal(manifest.bin, undefined);
    assert.deepEqual(
      files.filter((f) => f.startsWith('conformance/')),
      [],
      'the kit is a package of its own',
    );
    assert.ok(files.includes('api/openapi.yaml'), 'the contract stays in the element package');
  });

  it('the kit installs from its own tarball and passes against the mock server', async () => {
    const { files, tarball } = pack(['-w', 'conformance']);
    assert.ok(files.includes('openapi.yaml'), 'the contract is packed beside the kit');
    assert.equal(existsSync('conformance/openapi.yaml'), false, 'the copy is gone from the repository');
    const backend = join(dir, 'backend');
    mkdirSync(backend);
    writeFileSync(join(backend, 'package.json'), JSON.stringify({ private: true }));
    npm(['install', '--no-audit', '--no-fund', tarball], backend);

    const server = await startMockHttpServer({ port: 0, size: 5, heartbeatMs: 200 });
    const kit = [
      ...['--no', '--', 'secure-messages-conformance', '--base-url', server.baseUrl, '--dev-sign-in'],
      ...['--heartbeat-seconds', '1'],
    ];
    try {
      const { stdout } = await promisify(execFile)('npx', kit, { cwd: backend, encoding: 'utf8' }).catch(
        (error: { code: number; stdout: string; stderr: string }) =>
          assert.fail(`exit ${error.code}:\n${error.stdout}${error.stderr}`),
      );
      // Skipped without the options: the idle-timeout rules and cors.allowlist.
      const passed = CONTRACT_RULES.length - 4;
      assert.match(
        stdout,
        new RegExp(`^${passed} passed, 0 failed, 0 could not be checked, 4 skipped$`, 'm'),
      );
    } finally {
      await server.close();
    }
  });
});

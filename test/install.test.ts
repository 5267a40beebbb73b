import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDir, repoRoot } from './helpers.js';

const exec = promisify(execFile);
const TITLE = '示例镇人民政府2024年法治政府建设年度报告';

/**
 * The README's tarball path, for real: `npm pack`, then `npm install -g ./lawreport-<version>.tgz`
 * into a temporary prefix. The dependencies come from npm's cache, which `npm ci` filled.
 */
describe('installing from the tarball (npm pack; npm install -g ./lawreport-….tgz)', () => {
  let tmp: string;
  let prefix: string;
  let install: { stdout: string; stderr: string };
  let files: string[];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lawreport-install-'));
    // --ignore-scripts: `npm test` has just built lib/, and prepack's rebuild would pull it away
    // from under the tests running beside this one.
    const [packed] = JSON.parse((await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: repoRoot })).stdout) as [{ filename: string; files: { path: string }[] }];
    files = packed.files.map((f) => f.path);
    prefix = path.join(tmp, 'prefix');
    const env = { ...process.env, npm_config_update_notifier: 'false' };
    install = await exec('npm', ['install', '-g', path.join(tmp, packed.filename), '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: tmp, env, timeout: 170_000 });
  }, 180_000);

  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('installs without a warning: no engine mismatch, no install script to allow', () => {
    expect(install.stderr).not.toMatch(/warn/i);
  });

  it('ships the bundle, the schemas, the templates and the LICENSE, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/lawreport.js', 'lib/lawreport.js', 'lib/worker.js', 'lib/lawreport.cjs', 'lib/code-cache.json', 'lib/code-cache.cjs', 'lib/code-cache-worker.cjs', 'lib/summary-renderers.cjs', 'bin/package.json', 'lib/validate/precompiled/lawreport.schema.cjs', 'schemas/profiles/national.yaml', 'templates/title.hbs', 'docs/rules.md']));
    expect(files.filter((f) => /^(src|test|scripts|examples)\//.test(f))).toEqual([]);
  });

  it('points each diagnostic at its section of the installed copy of docs/rules.md', async () => {
    const report = path.join(tmp, 'no-shortcomings');
    await cp(exampleDir, report, { recursive: true });
    await rm(path.join(report, 'chapters', '02-shortcomings.md'));
    const checked = await exec(path.join(prefix, 'bin', 'lawreport'), ['check', report, '--format', 'json']).catch((e: { stdout: string }) => e);
    const [missing] = (JSON.parse(checked.stdout) as { ruleId: string; url: string }[]).filter((d) => d.ruleId === 'chapter-missing');
    const url = new URL(missing!.url);
    expect(url.protocol).toBe('file:');
    expect(fileURLToPath(url).startsWith(prefix)).toBe(true);
    expect(await readFile(fileURLToPath(url), 'utf8')).toMatch(/^### chapter-missing$/m);
  });

  it('gives a lawreport command that builds the example to the same bytes as the clone', async () => {
    const bin = path.join(prefix, 'bin', 'lawreport');
    const out = path.join(prefix, 'out');
    const built = await exec(bin, ['build', exampleDir, '-o', out]);
    expect(built.stderr).toBe('');
    const reference = path.join(prefix, 'reference');
    await exec(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'build', exampleDir, '-o', reference]);
    expect((await readdir(out)).sort()).toEqual([`${TITLE}.docx`, `${TITLE}.html`, `${TITLE}.txt`]);
    for (const name of await readdir(out)) expect((await readFile(path.join(out, name))).equals(await readFile(path.join(reference, name))), name).toBe(true);
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageJson } from '../src/init/scaffold.js';
import { repoRoot } from './helpers.js';
import { commitAll, edit, git, gitEnv, reportRepo, skipWithoutGit } from './git-repo.js';

const exec = promisify(execFile);

interface Step {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

/**
 * The workflow `lawreport init` writes (templates/ci/lawreport.yml, shown in the README), its
 * shell steps run as GitHub Actions runs them (bash -e), in a report repository that installs
 * lawreport the way one really can before it is on npm: the tarball committed beside the reports,
 * package.json and package-lock.json naming it, `npm ci`.
 */
describe.skipIf(skipWithoutGit)('the CI workflow, step by step, in a report repository', () => {
  let repo: string;
  let steps: Step[];
  let base: string;
  /** Scripts, step summaries and the shallow clone, beside no one else's files. */
  let work: string;
  const env = { ...gitEnv, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

  const step = (name: string) => {
    const found = steps.find((s) => s.name === name || s.run === name);
    if (!found?.run) throw new Error(`no step ${name}`);
    return found;
  };
  /** One `run:` step in bash -e (the runner's default shell), with its env: block and the runner's variables. */
  async function runStep(name: string, cwd: string, extra: Record<string, string> = {}) {
    const script = path.join(work, `${name.replace(/\W+/g, '-')}.sh`);
    await writeFile(script, step(name).run!);
    return exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: { ...env, ...extra }, timeout: 170_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  }

  beforeAll(async () => {
    steps = (load(await readFile(path.join(repoRoot, 'templates/ci/lawreport.yml'), 'utf8')) as { jobs: { check: { steps: Step[] } } }).jobs.check.steps;
    ({ repo } = await reportRepo());
    work = await mkdtemp(path.join(os.tmpdir(), 'lawreport-ci-'));
    // --ignore-scripts: `npm test` has just built lib/ (prepack would rebuild it under the tests running beside this one).
    await mkdir(path.join(repo, 'vendor'));
    const [packed] = JSON.parse((await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', path.join(repo, 'vendor')], { cwd: repoRoot })).stdout) as [{ filename: string }];
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    await writeFile(path.join(repo, 'package.json'), packageJson('示例镇人民政府', 2024, version));
    await writeFile(path.join(repo, '.gitignore'), 'node_modules/\ndist/\n');
    // What the README says to do until lawreport is on npm: the tarball in the repository, named by package.json and the lock.
    await exec('npm', ['install', '-D', `./vendor/${packed.filename}`], { cwd: repo, env, timeout: 170_000 });
    await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
    await writeFile(path.join(repo, '.github', 'workflows', 'lawreport.yml'), await readFile(path.join(repoRoot, 'templates/ci/lawreport.yml')));
    await rm(path.join(repo, 'node_modules'), { recursive: true, force: true });
    await commitAll(repo, '报告仓库：lawreport 装为开发依赖');
    base = (await git(repo, 'rev-parse', 'HEAD')).trim();
    // The merge request: one figure corrected.
    await git(repo, 'checkout', '-q', '-b', 'pr');
    await edit(path.join(repo, '示例镇-2024', 'metrics.yaml'), 'mediated: 66 ', 'mediated: 64 ');
    await commitAll(repo, '调解成功数按司法所年报更正');
  }, 180_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await rm(repo, { recursive: true, force: true });
  });

  it('package.json names lawreport as a development dependency: the tarball, until it is published', async () => {
    const manifest = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'));
    expect(manifest.devDependencies.lawreport).toMatch(/^file:vendor\/lawreport-[\d.]+\.tgz$/);
    expect(JSON.parse(await readFile(path.join(repo, 'package-lock.json'), 'utf8')).packages['node_modules/lawreport'].resolved).toMatch(/^file:vendor\//);
  });

  it('npm ci installs it, the check passes, and on a pull request the diff against the base goes to the step summary', async () => {
    expect(steps.map((s) => s.run ?? s.name).filter(Boolean)).toContain('npm ci');
    const installed = await runStep('npm ci', repo);
    expect(installed.code, installed.stderr).toBe(0);
    const checked = await runStep('lawreport check', repo);
    expect(checked).toMatchObject({ code: 0, stdout: '' });

    const diffStep = step('lawreport diff');
    expect(diffStep.if).toContain("github.event_name == 'pull_request'");
    expect(diffStep.env).toEqual({ BASE: '${{ github.event.pull_request.base.sha }}' });
    const summary = path.join(work, 'step-summary.md');
    await writeFile(summary, '');
    const diffed = await runStep('lawreport diff', repo, { BASE: base, GITHUB_STEP_SUMMARY: summary });
    expect(diffed.code, diffed.stderr).toBe(0);
    const text = await readFile(summary, 'utf8');
    expect(text).toMatch(new RegExp(`^### lawreport diff：示例镇-2024：${base.slice(0, 7)} → HEAD（[0-9a-f]{7}）\\n`));
    expect(text).toContain('| 调解成功（disputes.mediated） | 66件 | 64件 | -2件 | 示例镇-2024/chapters/01-measures.md:35 |');
    expect(text).toContain('- 镇村两级调解组织排查受理矛盾纠纷68件，调解成功<del>66</del><ins>64</ins>件，调解成功率<del>97.06</del><ins>94.12</ins>%。');
  }, 180_000);

  it('without fetch-depth: 0 the clone is shallow and the diff step says what to change', async () => {
    const clone = path.join(work, 'shallow');
    await git(work, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${repo}`, clone);
    await exec('npm', ['ci'], { cwd: clone, env, timeout: 170_000 });
    const summary = path.join(work, 'shallow-summary.md');
    await writeFile(summary, '');
    const diffed = await runStep('lawreport diff', clone, { BASE: base, GITHUB_STEP_SUMMARY: summary });
    expect(diffed.code).toBe(1);
    expect(diffed.stderr).toContain('这是一个浅克隆（只取了最近的几个提交），它可能不在其中。在 GitHub Actions 里给 actions/checkout 加上 fetch-depth: 0');
    expect(await readFile(summary, 'utf8')).toBe('');
  }, 180_000);
});

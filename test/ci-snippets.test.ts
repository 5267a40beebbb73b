import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { exampleDir, repoRoot } from './helpers.js';

const exec = promisify(execFile);
const HOOK = path.join(repoRoot, 'templates/ci/pre-commit');
const WORKFLOW = path.join(repoRoot, 'templates/ci/lawreport.yml');

/** A git repository holding one report in a folder with a Chinese name, with lawreport installed as a local bin. */
async function reportRepo(): Promise<string> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'lawreport-repo-'));
  await cp(exampleDir, path.join(repo, '示例镇-2024'), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  await writeFile(path.join(repo, 'package.json'), '{ "name": "reports", "private": true }\n');
  await mkdir(path.join(repo, 'node_modules', '.bin'), { recursive: true });
  await symlink(path.join(repoRoot, 'bin', 'lawreport.js'), path.join(repo, 'node_modules', '.bin', 'lawreport'));
  await git(repo, 'init', '-q');
  await git(repo, 'add', '示例镇-2024', 'package.json');
  return repo;
}

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', NO_COLOR: '1' };

function git(cwd: string, ...args: string[]) {
  return exec('git', args, { cwd, env: gitEnv });
}

async function run(file: string, args: string[], cwd: string) {
  return exec(file, args, { cwd, env: gitEnv }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('the README CI section', () => {
  it('shows the shipped workflow and hook verbatim', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain((await readFile(WORKFLOW, 'utf8')).trimEnd());
    expect(readme).toContain((await readFile(HOOK, 'utf8')).trimEnd());
  });

  it('the pre-commit hook accepts a clean report and refuses a commit that drops a required chapter', async () => {
    const repo = await reportRepo();
    await cp(HOOK, path.join(repo, '.git', 'hooks', 'pre-commit'));
    expect((await run('git', ['commit', '-qm', 'report'], repo)).code).toBe(0);
    await git(repo, 'rm', '-q', '示例镇-2024/chapters/03-first-responsible.md');
    const refused = await run('git', ['commit', '-qm', 'drop a chapter'], repo);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('示例镇-2024/lawreport.yaml:2:1  错误  缺少必备章节');
    expect((await git(repo, 'log', '--oneline')).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('the workflow step fails with GitHub annotations when a report has an error', async () => {
    const workflow = load(await readFile(WORKFLOW, 'utf8')) as { jobs: { check: { steps: { name?: string; run?: string }[] } } };
    const step = workflow.jobs.check.steps.find((s) => s.name === 'lawreport check')!;
    const repo = await reportRepo();
    const script = path.join(repo, 'step.sh');
    await writeFile(script, step.run!);
    expect(await run('bash', ['-e', script], repo)).toMatchObject({ code: 0, stdout: '' });
    await rm(path.join(repo, '示例镇-2024', 'chapters', '03-first-responsible.md'));
    const failed = await run('bash', ['-e', script], repo);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^::error file=示例镇-2024\/lawreport\.yaml,line=2,col=1,title=lawreport chapter-missing::/m);
  });
});

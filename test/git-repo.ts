import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exampleDir } from './helpers.js';

const exec = promisify(execFile);

/** git is a real dependency of diff and textconv: CI installs it; locally their tests skip only without it. */
export const hasGit = spawnSync('git', ['--version']).status === 0;
export const skipWithoutGit = !hasGit && !process.env.CI;

/** A git that reads no one's configuration and stamps fixed names and dates: the same commits, hashes included, on every machine. */
export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: '示例镇党政办',
  GIT_AUTHOR_EMAIL: 'dangzhengban@example.org',
  GIT_COMMITTER_NAME: '示例镇党政办',
  GIT_COMMITTER_EMAIL: 'dangzhengban@example.org',
  GIT_AUTHOR_DATE: '2025-02-10T09:00:00+08:00',
  GIT_COMMITTER_DATE: '2025-02-10T09:00:00+08:00',
  NO_COLOR: '1',
};

export async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await exec('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: gitEnv })).stdout;
}

/** A repository holding the example report in the folder 示例镇-2024, committed once on main. */
export async function reportRepo(): Promise<{ repo: string; report: string }> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'lawreport-git-'));
  const report = path.join(repo, '示例镇-2024');
  await cp(exampleDir, report, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  await git(repo, 'init', '-q', '-b', 'main');
  await commitAll(repo, '示例镇2024年报告初稿');
  return { repo, report };
}

export async function commitAll(repo: string, message: string): Promise<void> {
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', message);
}

/** Replaces `from` by `to` in a file of the repository (the text must be there). */
export async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  await writeFile(file, next);
}

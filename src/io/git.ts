import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Running git, for reading a report as it was at a revision (`lawreport diff`, textconv).
 * Every call returns a result: git missing, a folder outside any repository, a revision that
 * does not resolve and a shallow clone that lacks it are values the CLI words for the user.
 */
export type GitResult = { status: 'ok'; stdout: Buffer } | { status: 'failed'; code: number; stderr: string } | { status: 'no-git'; reason: string };

export interface GitEnv {
  /** The environment git runs in (PATH finds it). */
  env: NodeJS.ProcessEnv;
}

/** Reports are small; a blob past this is not source text anyway. */
const MAX_OUTPUT = 256 * 1024 * 1024;

export function runGit(cwd: string, args: readonly string[], { env }: GitEnv): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve({ status: 'ok', stdout });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') return resolve({ status: 'no-git', reason: String(code) });
      resolve({ status: 'failed', code: typeof code === 'number' ? code : 1, stderr: stderr.toString('utf8').trim() });
    });
  });
}

/** A git work tree and where a folder sits in it. */
export interface Repository extends GitEnv {
  /** Absolute path of the work tree's top. */
  top: string;
  /** The folder's path inside the repository, forward slashes, no trailing slash ('' for the top). */
  prefix: string;
  shallow: boolean;
}

export type RepositoryResult = { status: 'ok'; repo: Repository } | { status: 'no-git'; reason: string } | { status: 'not-a-repository'; dir: string };

/**
 * The repository holding `dir`. The folder need not exist in the work tree (a report deleted
 * since, read at an older revision): its nearest existing parent is asked, and the rest of the
 * path is appended.
 */
export async function openRepository(dir: string, git: GitEnv): Promise<RepositoryResult> {
  let existing = path.resolve(dir);
  const rest: string[] = [];
  while (!(await stat(existing).then((s) => s.isDirectory(), () => false))) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  const result = await runGit(existing, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'], git);
  if (result.status === 'no-git') return result;
  if (result.status === 'failed') return { status: 'not-a-repository', dir: path.resolve(dir) };
  const [top = '', prefix = '', shallow = 'false'] = result.stdout.toString('utf8').split('\n');
  const full = [prefix.replace(/\/+$/, ''), ...rest].filter(Boolean).join('/');
  return { status: 'ok', repo: { ...git, top: path.resolve(top), prefix: full, shallow: shallow.trim() === 'true' } };
}

export type CommitResult = { status: 'ok'; commit: string } | { status: 'unknown'; revision: string; shallow: boolean } | { status: 'no-git'; reason: string };

/** A revision (a branch, a tag, HEAD~1, a commit id) as the commit it names. */
export async function resolveCommit(repo: Repository, revision: string): Promise<CommitResult> {
  // --end-of-options: a revision is never read as an option, whatever it starts with.
  const result = await runGit(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], repo);
  if (result.status === 'no-git') return result;
  if (result.status === 'failed') return { status: 'unknown', revision, shallow: repo.shallow };
  return { status: 'ok', commit: result.stdout.toString('utf8').trim() };
}

export type MergeBaseResult = { status: 'ok'; commit: string } | { status: 'none'; shallow: boolean } | { status: 'no-git'; reason: string };

/** The best common ancestor of two commits (`A...B`); none in unrelated histories or a clone too shallow to hold it. */
export async function mergeBase(repo: Repository, a: string, b: string): Promise<MergeBaseResult> {
  const result = await runGit(repo.top, ['merge-base', a, b], repo);
  if (result.status === 'no-git') return result;
  if (result.status === 'failed') return { status: 'none', shallow: repo.shallow };
  return { status: 'ok', commit: result.stdout.toString('utf8').trim() };
}

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { mergeBase, openRepository, resolveCommit, type Repository } from '../io/git.js';
import { pendingHost, revisionHost } from '../io/git-host.js';
import { memoryHost, type SourceHost } from '../io/host.js';
import { nodeHost } from '../io/node-host.js';
import type { LoadOptions } from '../load/report.js';
import { t, UsageError, type CliContext } from './context.js';
import { shownPath } from './format/paths.js';

/** One version of the report to compare, ready to read. */
export interface Version {
  label: string;
  host: SourceHost;
  load: LoadOptions;
  close(): void;
}

export interface DiffArguments {
  /** The positional arguments: folders, revisions, ranges (A..B, A...B). */
  args: string[];
  /** --rev, given once or twice. */
  revs: string[];
}

/**
 * What `lawreport diff` compares, from its arguments, the way git reads them:
 *   diff                      HEAD → the work tree, of the current folder
 *   diff DIR                  HEAD → the work tree, of DIR
 *   diff OLD NEW              two folders (both exist)
 *   diff REV [DIR]            REV → the work tree
 *   diff A..B [DIR]           A → B;  A...B: from where B left A (their merge base) → B
 *   diff REV1 REV2 [DIR]      REV1 → REV2
 *   diff --rev A [--rev B] [DIR]
 * A last argument that is an existing folder is the report folder; with --rev, it always is.
 */
export async function diffVersions(ctx: CliContext, { args, revs }: DiffArguments): Promise<{ display: string; before: Version; after: Version }> {
  const isDir = async (p: string) => stat(path.resolve(ctx.cwd, p)).then((s) => s.isDirectory(), () => false);
  if (revs.length === 0 && args.length === 2 && !args.some((a) => a.includes('..')) && (await isDir(args[0]!)) && (await isDir(args[1]!))) {
    return { display: '', before: folderVersion(ctx, args[0]!), after: folderVersion(ctx, args[1]!) };
  }
  let dir = '.';
  let revisions = [...args];
  if (revs.length > 0 || (args.length > 0 && (await isDir(args.at(-1)!)))) {
    if (revs.length > 0) {
      if (args.length > 1) throw usage(`用 --rev 给出修订时，只能再给一个报告文件夹，多出了：${args.slice(1).join(' ')}`, `With --rev, give at most one report folder; extra: ${args.slice(1).join(' ')}`);
      revisions = revs;
    } else revisions = args.slice(0, -1);
    dir = args.at(-1) ?? '.';
  }
  if (revisions.length > 2 || (revisions.length === 2 && revisions.some((r) => r.includes('..')))) {
    throw usage(`最多比较两个版本，给出了：${revisions.join(' ')}`, `Compare two versions at most; given: ${revisions.join(' ')}`);
  }
  const repo = await repository(ctx, dir);
  const display = shownPath(ctx.cwd, path.resolve(ctx.cwd, dir));
  const [from, to] = await endpoints(ctx, repo, revisions.length === 0 ? ['HEAD'] : revisions);
  return { display, before: await revisionVersion(ctx, repo, from!), after: to ? await revisionVersion(ctx, repo, to) : folderVersion(ctx, dir, t(ctx, '工作区', 'work tree')) };
}

interface Endpoint {
  commit: string;
  label: string;
}

/** The two ends as commits; a missing second end is the work tree. */
async function endpoints(ctx: CliContext, repo: Repository, revisions: string[]): Promise<[Endpoint, Endpoint?]> {
  const resolve = async (revision: string): Promise<Endpoint> => {
    const found = await resolveCommit(repo, revision);
    if (found.status === 'no-git') throw noGit(ctx);
    if (found.status === 'unknown') throw unknownRevision(ctx, revision, found.shallow);
    const short = found.commit.slice(0, 7);
    // A commit id as written (CI passes 40 hex digits) is named by its short form alone.
    return { commit: found.commit, label: found.commit.startsWith(revision.toLowerCase()) ? short : t(ctx, `${revision}（${short}）`, `${revision} (${short})`) };
  };
  if (revisions.length === 2) return [await resolve(revisions[0]!), await resolve(revisions[1]!)];
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(revisions[0]!);
  if (!range) return [await resolve(revisions[0]!)];
  const [, a = '', dots, b = ''] = range;
  const [left, right] = [await resolve(a || 'HEAD'), await resolve(b || 'HEAD')];
  if (dots === '..') return [left, right];
  const base = await mergeBase(repo, left.commit, right.commit);
  if (base.status === 'no-git') throw noGit(ctx);
  if (base.status === 'none') {
    throw base.shallow
      ? usage(`找不到 ${a || 'HEAD'} 与 ${b || 'HEAD'} 的共同祖先：这是一个浅克隆（只取了最近的几个提交），分叉点不在其中。${SHALLOW_FIX.zh}`, `No merge base of ${a || 'HEAD'} and ${b || 'HEAD'}: this is a shallow clone (only the latest commits were fetched), and the merge base is not among them. ${SHALLOW_FIX.en}`)
      : usage(`${a || 'HEAD'} 与 ${b || 'HEAD'} 没有共同的祖先，无法按 A...B 比较；请用 A..B 直接比较两个修订。`, `${a || 'HEAD'} and ${b || 'HEAD'} have no common ancestor; compare the two revisions directly with A..B.`);
  }
  // The base of a merge request is where its branch left: the common case names it once.
  if (base.commit === left.commit) return [left, right];
  const short = base.commit.slice(0, 7);
  return [{ commit: base.commit, label: t(ctx, `${short}（${a || 'HEAD'} 与 ${b || 'HEAD'} 的分叉点）`, `${short} (merge base of ${a || 'HEAD'} and ${b || 'HEAD'})`) }, right];
}

const SHALLOW_FIX = {
  zh: '在 GitHub Actions 里给 actions/checkout 加上 fetch-depth: 0，或在本机运行 git fetch --unshallow，然后再试。',
  en: 'In GitHub Actions give actions/checkout fetch-depth: 0, or run git fetch --unshallow locally, then try again.',
};

async function repository(ctx: CliContext, dir: string): Promise<Repository> {
  const opened = await openRepository(path.resolve(ctx.cwd, dir), { env: ctx.env });
  if (opened.status === 'no-git') throw noGit(ctx);
  if (opened.status === 'not-a-repository') {
    throw usage(
      `“${dir}”不在 git 仓库里，无法按修订比较。比较两个文件夹请写：lawreport diff 旧文件夹 新文件夹。`,
      `"${dir}" is not inside a git repository, so revisions cannot be compared. To compare two folders: lawreport diff OLD-FOLDER NEW-FOLDER.`,
    );
  }
  return opened.repo;
}

function unknownRevision(ctx: CliContext, revision: string, shallow: boolean): UsageError {
  return shallow
    ? usage(`找不到修订“${revision}”：这是一个浅克隆（只取了最近的几个提交），它可能不在其中。${SHALLOW_FIX.zh}`, `Revision "${revision}" not found: this is a shallow clone (only the latest commits were fetched), and it may not be among them. ${SHALLOW_FIX.en}`)
    : usage(`找不到修订“${revision}”：不是这个仓库里的分支、标签或提交。可用 git log --oneline 查看提交，git branch -a 查看分支。`, `Revision "${revision}" not found: no branch, tag or commit of this repository is named so. See the commits with git log --oneline, the branches with git branch -a.`);
}

function noGit(ctx: CliContext): UsageError {
  return usage(
    '按修订比较需要 git，但找不到 git 命令。请先安装 git（Debian、Ubuntu、统信 UOS、银河麒麟：sudo apt-get install git；Windows：从 git-scm.com 安装 Git for Windows），或比较两个文件夹：lawreport diff 旧文件夹 新文件夹。',
    'Comparing revisions needs git, and no git command was found. Install git (Debian, Ubuntu: sudo apt-get install git; Windows: Git for Windows from git-scm.com), or compare two folders: lawreport diff OLD-FOLDER NEW-FOLDER.',
  );
}

const usage = (zh: string, en: string) => new UsageError(zh, en);

/** A folder on disk (one that does not exist holds no report: every figure is then new, or gone). */
function folderVersion(ctx: CliContext, dir: string, label = dir): Version {
  const abs = path.resolve(ctx.cwd, dir);
  const host = pendingHost(abs, stat(abs).then((s) => (s.isDirectory() ? nodeHost(abs) : memoryHost({}, abs)), () => memoryHost({}, abs)));
  return { label, host, load: { openPrevious: (previous) => nodeHost(path.resolve(abs, previous)) }, close: () => {} };
}

/** The folder as it was at a commit, read through git; last year's folder (`previous:`) from the same commit. */
async function revisionVersion(ctx: CliContext, repo: Repository, end: Endpoint): Promise<Version> {
  const opened: { close(): void }[] = [];
  const open = async (prefix: string) => {
    const host = await revisionHost(repo, end.commit, prefix, `${end.label}:${prefix}`);
    if ('status' in host) throw noGit(ctx);
    opened.push(host);
    return host;
  };
  const host = await open(repo.prefix);
  const openPrevious = (previous: string): SourceHost => {
    const prefix = path.posix.normalize(path.posix.join(repo.prefix, previous.replace(/\\/g, '/')));
    // Last year's folder outside the repository is not in the commit.
    if (prefix.startsWith('..') || path.posix.isAbsolute(previous)) return memoryHost({}, previous);
    return pendingHost(previous, open(prefix === '.' ? '' : prefix));
  };
  return { label: end.label, host, load: { openPrevious }, close: () => opened.forEach((h) => h.close()) };
}

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { builtinsHost } from '../../io/builtins-host.js';
import { runGit } from '../../io/git.js';
import { nodeHost } from '../../io/node-host.js';
import { CHAPTERS_DIR, isChapterFile } from '../../load/chapter-file.js';
import { CONFIG_FILE, METRICS_FILE } from '../../load/report.js';
import { chapterText, docxText, metricsText } from '../../review/textconv.js';
import { Session } from '../../session.js';
import { EXIT, t, type CliContext } from '../context.js';
import { readNamedFile, textIfReadable } from '../named-file.js';

/**
 * `lawreport textconv FILE`, git's textconv driver: prints the text git should compare (a DOCX's
 * text, a chapter as printed, metrics.yaml with the figures lawreport computes from it). It never
 * fails on a file it can read, since a failing driver stops the whole `git diff` or `git log -p`:
 * a DOCX it cannot open prints why (and says so on stderr), a file of another kind prints as it is.
 */
export async function textconvCommand(ctx: CliContext, file: string): Promise<number> {
  const abs = path.resolve(ctx.cwd, file);
  // Bounded and without blocking, as every source is read: git may hand over anything the repository holds.
  const bytes = await readNamedFile(abs, file);
  if (/\.docx$/i.test(file)) {
    const text = await docxText(bytes, file);
    if ('problem' in text) {
      const problem = text.problem[ctx.lang];
      ctx.stderr(t(ctx, `lawreport textconv：${file}：${problem}\n`, `lawreport textconv: ${file}: ${problem}\n`));
      ctx.stdout(t(ctx, `（lawreport textconv：${problem}）\n`, `(lawreport textconv: ${problem})\n`));
    } else ctx.stdout(text.text);
    return EXIT.ok;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const kind = /\.(md|markdown)$/i.test(file) ? 'chapter' : path.basename(abs) === METRICS_FILE || (isGitTemp(abs) && path.basename(abs).replace(GIT_TEMP_PREFIX, '') === METRICS_FILE) ? 'metrics' : undefined;
  if (kind) {
    const report = await reportOf(ctx, abs, text, kind);
    const within = report && { host: nodeHost(report.dir), file: report.file, load: { openPrevious: (p: string) => nodeHost(path.resolve(report.dir, p)) } };
    const session = new Session(builtinsHost());
    ctx.stdout(kind === 'chapter' ? await chapterText(text, within, session) : await metricsText(text, within, session, ctx.lang));
    return EXIT.ok;
  }
  ctx.stdout(text);
  return EXIT.ok;
}

/**
 * git's name for the temporary file holding an old version: the file's own name in a folder
 * git-blob-XXXXXX (git 2.x), or six characters and "_" before it (older git).
 */
const GIT_TEMP_PREFIX = /^[A-Za-z0-9]{6}_/;
const isGitTemp = (abs: string) => /^git-blob-/.test(path.basename(path.dirname(abs))) || GIT_TEMP_PREFIX.test(path.basename(abs));

/**
 * The report a chapter file or a metrics.yaml belongs to, and its path there. In a report folder
 * (a chapter in its chapters/): that report. A temporary file git made of an old version (outside
 * the repository, see isGitTemp): the report of the repository (git runs the driver at its top)
 * with a file of that name; of several, the one whose file shares the most lines with it (each town's report has
 * its 01-measures.md); with none (a chapter renamed or deleted since), the report with a chapter
 * most like it.
 */
async function reportOf(ctx: CliContext, abs: string, text: string, kind: 'chapter' | 'metrics'): Promise<{ dir: string; file: string } | undefined> {
  const isReport = (dir: string) => stat(path.join(dir, CONFIG_FILE)).then((s) => s.isFile(), () => false);
  const own = kind === 'metrics' ? path.dirname(abs) : path.dirname(path.dirname(abs));
  const inPlace = kind === 'metrics' ? path.basename(abs) === METRICS_FILE : path.basename(path.dirname(abs)) === CHAPTERS_DIR;
  if (inPlace && (await isReport(own))) return { dir: own, file: path.relative(own, abs).split(path.sep).join('/') };
  // A file outside any report that git did not make is just itself.
  if (!isGitTemp(abs)) return undefined;
  const name = /^git-blob-/.test(path.basename(path.dirname(abs))) ? path.basename(abs) : path.basename(abs).replace(GIT_TEMP_PREFIX, '');
  const file = kind === 'metrics' ? METRICS_FILE : `${CHAPTERS_DIR}/${name}`;
  const listed = await runGit(ctx.cwd, ['ls-files', '-z', '--', CONFIG_FILE, `*/${CONFIG_FILE}`], { env: ctx.env });
  const configs = listed.status === 'ok' ? listed.stdout.toString('utf8').split('\0').filter(Boolean) : [CONFIG_FILE];
  const lines = new Set(text.split('\n').filter((l) => l.trim()));
  const shared = (other: string) => other.split('\n').filter((l) => lines.has(l)).length;
  // Reports with a file of that name first; a chapter renamed or deleted since has none, and is then looked for among all chapters.
  const scored: { dir: string; named: boolean; score: number }[] = [];
  for (const config of configs) {
    const dir = path.resolve(ctx.cwd, path.dirname(config));
    if (!(await isReport(dir))) continue;
    const named = await textIfReadable(path.join(dir, file));
    if (named !== undefined) {
      scored.push({ dir, named: true, score: shared(named) });
      continue;
    }
    const names = kind === 'chapter' ? await readdir(path.join(dir, CHAPTERS_DIR)).catch(() => [] as string[]) : [];
    const texts = await Promise.all(names.filter(isChapterFile).map(async (n) => (await textIfReadable(path.join(dir, CHAPTERS_DIR, n))) ?? ''));
    scored.push({ dir, named: false, score: Math.max(0, ...texts.map(shared)) });
  }
  const best = scored.sort((a, b) => Number(b.named) - Number(a.named) || b.score - a.score)[0];
  return best && (best.named || best.score > 0 || scored.length === 1) ? { dir: best.dir, file } : undefined;
}

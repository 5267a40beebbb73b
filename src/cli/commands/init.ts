import path from 'node:path';
import { calendarDate } from '../../model.js';
import { builtinsHost, toolVersion } from '../../io/builtins-host.js';
import { openRepository } from '../../io/git.js';
import { builtinCatalog, builtinProfile } from '../../init/builtins.js';
import { CI_WORKFLOW_FILE, defaultDate, optionalChapterFiles, REPOSITORY_TEMPLATES, scaffoldReport, TEXTCONV_CONFIG } from '../../init/scaffold.js';
import { existingFiles, strayChapters, writeFolder } from '../../init/write-folder.js';
import { nearest } from '../../diagnostics/suggest.js';
import type { SourceHost } from '../../io/host.js';
import { builtinProfileNames } from '../../profile/load.js';
import { Session } from '../../session.js';
import { EXIT, t, UsageError, type CliContext } from '../context.js';
import { shownPath } from '../format/paths.js';

export interface InitOptions {
  profile: string;
  org?: string;
  year?: string;
  date?: string;
  force?: boolean;
}

/** After --force: names the old chapter files left beside the new ones. */
export async function warnStrayChapters(ctx: CliContext, dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  const stray = await strayChapters(dir, files);
  if (stray.length === 0) return;
  ctx.stderr(
    t(
      ctx,
      `注意：这些原有的章节文件没有改动，仍会被当作章节读取，请删除或合并：\n${stray.map((f) => `  ${f}`).join('\n')}\n`,
      `Note: these existing chapter files were left as they were and are still read as chapters; delete or merge them:\n${stray.map((f) => `  ${f}`).join('\n')}\n`,
    ),
  );
}

/** A --profile that names no file of schemas/profiles/ is a usage error, with the nearest name. */
export async function assertBuiltinProfile(builtins: SourceHost, name: string): Promise<void> {
  const names = await builtinProfileNames(builtins);
  if (names.includes(name)) return;
  const guess = nearest(name, names);
  throw new UsageError(
    `没有名为“${name}”的内置提纲${guess ? `，是不是“${guess}”？` : '。'}内置提纲：${names.join('、')}。`,
    `There is no built-in profile "${name}"${guess ? `; did you mean "${guess}"?` : '.'} Built-in profiles: ${names.join(', ')}.`,
  );
}

/** Refuses to touch existing files unless --force, naming every one of them. */
export function refuseOverwrite(display: string, existing: string[]): never {
  throw new UsageError(
    `“${display}”中已有这些文件，未做任何改动：\n${existing.map((f) => `  ${f}`).join('\n')}\n确需覆盖时加 --force。`,
    `These files already exist in "${display}"; nothing was changed:\n${existing.map((f) => `  ${f}`).join('\n')}\nAdd --force to overwrite them.`,
  );
}

export function parseYear(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) {
    throw new UsageError(`年度“${value}”无效，请写四位数字，如 2025。`, `Invalid year "${value}"; write four digits, e.g. 2025.`);
  }
  return year;
}

/** `lawreport init [dir]`: a complete report folder from the outline, ready for `check`. */
export async function initCommand(ctx: CliContext, dir: string | undefined, options: InitOptions): Promise<number> {
  if (!options.org?.trim()) {
    throw new UsageError('请用 --org 给出报告主体，如 --org 示例镇人民政府。', 'Give the reporting body with --org, e.g. --org 示例镇人民政府.');
  }
  // Reports are written in the first quarter about the year before.
  const year = parseYear(options.year, new Date().getFullYear() - 1);
  const date = options.date ?? defaultDate(year);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !calendarDate(date)) {
    throw new UsageError(`成文日期“${date}”无效（格式不对，或日历上没有这一天），请写作 2025-02-10。`, `Invalid date "${date}" (not in the form, or no such day in the calendar); write it as 2025-02-10.`);
  }
  const builtins = builtinsHost();
  await assertBuiltinProfile(builtins, options.profile);
  const session = new Session(builtins);
  const [profile, catalog] = await Promise.all([builtinProfile(builtins, options.profile, session), builtinCatalog(builtins, session)]);
  const files = scaffoldReport(profile, catalog, {
    profileName: options.profile,
    org: options.org.trim(),
    year,
    date,
    dateDefaulted: options.date === undefined,
    repository: await repositoryFiles(builtins),
    version: toolVersion(),
  });

  const display = dir ?? '.';
  const abs = path.resolve(ctx.cwd, display);
  const existing = await existingFiles(abs, files);
  if (existing.length > 0 && !options.force) refuseOverwrite(display, existing);
  const written = await writeFolder(abs, files);
  await warnStrayChapters(ctx, abs, files);
  for (const file of written) ctx.stdout(t(ctx, `已创建 ${shownPath(ctx.cwd, file)}\n`, `created ${shownPath(ctx.cwd, file)}\n`));
  ctx.stdout(
    t(
      ctx,
      `\n下一步：\n` +
        `  1. 在 chapters/ 里把“待补充”换成正文，在 metrics.yaml 里填数据，然后运行 lawreport check ${display}。\n` +
        `  2. 让 git diff、git log -p 显示 Word 文档的文字和章节填好数据后的正文（每个克隆运行一次）：\n       ${TEXTCONV_CONFIG}\n` +
        `  3. CI：在这个文件夹里运行 npm install，把 package.json 和生成的 package-lock.json 一起提交；lawreport 还没有发布到 npm 时，` +
        `改用 npm install -D 压缩包或 git 地址（见 lawreport 的 README“CI”一节）。\n`,
      `\nNext:\n` +
        `  1. Replace “待补充” in chapters/ with the text, fill in metrics.yaml, then run lawreport check ${display}.\n` +
        `  2. Let git diff and git log -p show the text of Word files and the chapters as printed (once per clone):\n       ${TEXTCONV_CONFIG}\n` +
        `  3. CI: run npm install in this folder and commit package.json with the package-lock.json it writes; until lawreport is on npm, ` +
        `npm install -D a tarball or a git URL instead (see the README's CI section).\n`,
    ),
  );
  const optional = optionalChapterFiles(profile).filter((f) => f in files);
  if (optional.length > 0) {
    ctx.stdout(t(ctx, `可选的章节（${optional.join('、')}）不需要时直接删除文件。\n`, `The optional chapters (${optional.join(', ')}) may simply be deleted.\n`));
  }
  if (options.date === undefined) {
    ctx.stdout(t(ctx, `成文日期先填了 ${date}，签发时在 lawreport.yaml 里改为实际日期。\n`, `The signature date is set to ${date} for now; change it in lawreport.yaml to the real date when signed.\n`));
  }
  await warnNotAtTop(ctx, abs);
  return EXIT.ok;
}

/** The repository files init writes, as lawreport ships them in templates/ci/ (the README shows the same). */
async function repositoryFiles(builtins: SourceHost): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [target, shipped] of Object.entries(REPOSITORY_TEMPLATES)) {
    const read = await builtins.readText(shipped);
    if (read.status !== 'ok') throw new Error(`lawreport is incomplete: ${shipped} cannot be read`);
    files[target] = read.value;
  }
  return files;
}

/** GitHub runs workflows of the repository's top only: a report folder inside a repository says where they go. */
async function warnNotAtTop(ctx: CliContext, abs: string): Promise<void> {
  const repo = await openRepository(abs, { env: ctx.env });
  if (repo.status !== 'ok' || repo.repo.prefix === '') return;
  const top = shownPath(ctx.cwd, repo.repo.top);
  ctx.stderr(
    t(
      ctx,
      `注意：这个文件夹在 git 仓库“${top}”里面。GitHub 只运行仓库根目录下的 ${CI_WORKFLOW_FILE}，npm ci 也在根目录运行：` +
        `请把 ${CI_WORKFLOW_FILE} 和 package.json 移到“${top}”（已有时合并进去），工作流会检查仓库里的每份报告。\n`,
      `Note: this folder is inside the git repository "${top}". GitHub runs ${CI_WORKFLOW_FILE} only at the repository's top, and npm ci runs there: ` +
        `move ${CI_WORKFLOW_FILE} and package.json to "${top}" (merge them with any already there); the workflow checks every report of the repository.\n`,
    ),
  );
}

import path from 'node:path';
import { builtinsHost } from '../../io/builtins-host.js';
import { builtinCatalog, builtinProfile } from '../../init/builtins.js';
import { defaultDate, optionalChapterFiles, scaffoldReport } from '../../init/scaffold.js';
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new UsageError(`成文日期“${date}”无效，请写作 2025-02-10。`, `Invalid date "${date}"; write it as 2025-02-10.`);
  }
  const builtins = builtinsHost();
  await assertBuiltinProfile(builtins, options.profile);
  const session = new Session(builtins);
  const [profile, catalog] = await Promise.all([builtinProfile(builtins, options.profile, session), builtinCatalog(builtins, session)]);
  const files = scaffoldReport(profile, catalog, { profileName: options.profile, org: options.org.trim(), year, date, dateDefaulted: options.date === undefined });

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
      `\n下一步：在 chapters/ 里把“待补充”换成正文，在 metrics.yaml 里填数据，然后运行 lawreport check ${display}。\n`,
      `\nNext: replace “待补充” in chapters/ with the text, fill in metrics.yaml, then run lawreport check ${display}.\n`,
    ),
  );
  const optional = optionalChapterFiles(profile).filter((f) => f in files);
  if (optional.length > 0) {
    ctx.stdout(t(ctx, `可选的章节（${optional.join('、')}）不需要时直接删除文件。\n`, `The optional chapters (${optional.join(', ')}) may simply be deleted.\n`));
  }
  if (options.date === undefined) {
    ctx.stdout(t(ctx, `成文日期先填了 ${date}，签发时在 lawreport.yaml 里改为实际日期。\n`, `The signature date is set to ${date} for now; change it in lawreport.yaml to the real date when signed.\n`));
  }
  return EXIT.ok;
}

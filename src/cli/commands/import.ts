import { stat } from 'node:fs/promises';
import path from 'node:path';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import type { ImportSummary } from '../../import/import-report.js';
import { importReport } from '../../import/import-report.js';
import { builtinsHost } from '../../io/builtins-host.js';
import { builtinCatalog, builtinProfile } from '../../init/builtins.js';
import { existingFiles, writeFolder } from '../../init/write-folder.js';
import { Session } from '../../session.js';
import { EXIT, t, UsageError, type CliContext } from '../context.js';
import { shownPath } from '../format/paths.js';
import { readNamedFile } from '../named-file.js';
import { printDiagnostics } from '../print.js';
import { stoppedEarly } from '../run-extent.js';
import { assertBuiltinProfile, refuseOverwrite, warnStrayChapters } from './init.js';

export interface ImportCommandOptions {
  out?: string;
  profile: string;
  encoding?: string;
  templateFigures?: boolean;
  force?: boolean;
}

/** Read whole into memory, so capped first: a real report's DOCX with photos stays far below. */
export const MAX_IMPORT_BYTES = 50_000_000;

/** `lawreport import <file> -o <dir>`: last year's published report → a report folder. */
export async function importCommand(ctx: CliContext, file: string, options: ImportCommandOptions): Promise<number> {
  const abs = path.resolve(ctx.cwd, file);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`找不到文件“${file}”（或它不是普通文件）。`, `File "${file}" not found (or not a regular file).`);
  if (!/\.(docx|txt|text|md|markdown)$/i.test(file)) {
    throw new UsageError(
      `不支持“${path.extname(file) || file}”文件：可以导入 .docx、.txt、.md。旧版 .doc 请先用 Word 或 WPS 另存为 .docx。`,
      `Cannot import "${path.extname(file) || file}" files: .docx, .txt and .md are supported. Save an old .doc as .docx first.`,
    );
  }
  if (info.size > MAX_IMPORT_BYTES) {
    throw new UsageError(
      `“${file}”有 ${(info.size / 1e6).toFixed(1)} MB，超过导入上限 ${MAX_IMPORT_BYTES / 1e6} MB：年度报告不会这么大，请确认选对了文件。`,
      `"${file}" is ${(info.size / 1e6).toFixed(1)} MB, over the import limit of ${MAX_IMPORT_BYTES / 1e6} MB: an annual report is never this large; check the file.`,
    );
  }
  const builtins = builtinsHost();
  await assertBuiltinProfile(builtins, options.profile);
  const session = new Session(builtins);
  const [profile, catalog] = await Promise.all([builtinProfile(builtins, options.profile, session), builtinCatalog(builtins, session)]);
  // Read as checked: a file swapped for a pipe or grown since the stat above is refused, not waited on.
  const bytes = await readNamedFile(abs, file, MAX_IMPORT_BYTES);
  const result = await importReport(bytes, {
    file: path.basename(file),
    profile,
    profileName: options.profile,
    catalog,
    encoding: options.encoding,
    templateFigures: options.templateFigures,
  });
  const dir = path.resolve(ctx.cwd, options.out ?? path.basename(file).replace(/\.[^.]+$/, ''));
  const display = shownPath(ctx.cwd, dir);
  if (!result.files || !result.summary) {
    // Nothing was imported: this run leaves no code cache (run-extent.ts).
    stoppedEarly();
    printDiagnostics(ctx, result.diagnostics, 'human', '', 'stderr');
    return result.diagnostics.some((d) => d.ruleId === 'import-encoding') ? EXIT.usage : EXIT.errors;
  }
  const existing = await existingFiles(dir, result.files);
  if (existing.length > 0 && !options.force) refuseOverwrite(display, existing);
  await writeFolder(dir, result.files);
  await warnStrayChapters(ctx, dir, result.files);

  ctx.stdout(summaryText(ctx, result.summary, display));
  if (result.diagnostics.length > 0) printDiagnostics(ctx, result.diagnostics, 'human', '', 'stdout');
  const n = countBySeverity(result.diagnostics);
  ctx.stdout(t(ctx, `\n下一步：核对 ${display}/ 中的文件，然后运行 lawreport check ${display}。\n`, `\nNext: review the files in ${display}/, then run lawreport check ${display}.\n`));
  return n.error > 0 ? EXIT.errors : EXIT.ok;
}

function summaryText(ctx: CliContext, s: ImportSummary, dir: string): string {
  const none = t(ctx, '（未找到）', '(not found)');
  const lines = [
    t(ctx, `已导入到 ${dir}/`, `Imported into ${dir}/`),
    ...(s.encoding ? [t(ctx, `  编码：${s.encoding}`, `  encoding: ${s.encoding}`)] : []),
    t(ctx, `  标题：${s.title ?? none}`, `  title: ${s.title ?? none}`),
    t(ctx, `  报告主体：${s.org ?? none}；年度：${s.year ?? none}；成文日期：${s.date ?? none}`, `  org: ${s.org ?? none}; year: ${s.year ?? none}; date: ${s.date ?? none}`),
    t(ctx, `  署名：${s.signature.join('、') || none}`, `  signature: ${s.signature.join(', ') || none}`),
    t(ctx, '  章节：', '  chapters:'),
    ...s.chapters.map((c) => `    ${c.heading} → ${c.file}${c.id ? '' : t(ctx, '（提纲外）', ' (not in the outline)')}`),
    t(ctx, `  数据：${new Set(s.figures.map((f) => f.path)).size} 项（出现 ${s.figures.length} 次），写入 metrics.yaml`, `  figures: ${new Set(s.figures.map((f) => f.path)).size} metrics (${s.figures.length} occurrences) in metrics.yaml`),
    ...(s.debrisLines ? [t(ctx, `  去掉网页杂项 ${s.debrisLines} 行`, `  dropped ${s.debrisLines} lines of web-page debris`)] : []),
  ];
  return lines.join('\n') + '\n';
}

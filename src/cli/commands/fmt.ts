import path from 'node:path';
import { formatReport, type FileChange } from '../../fmt/fix.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { EXIT, t, type CliContext } from '../context.js';
import { joinPath } from '../format/paths.js';
import { exitCodeFor } from '../exit.js';
import { printDiagnostics } from '../print.js';
import { openReport } from '../report-dir.js';

export interface FmtOptions {
  check?: boolean;
  fix?: boolean;
}

/** Lines that differ between two versions of a file, 1-based, for "what would change". */
function changedLines(change: FileChange): number[] {
  const a = change.before.split('\n');
  const b = change.after.split('\n');
  const lines: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) lines.push(i + 1);
  return lines;
}

/**
 * `lawreport fmt [dir]`: rewrites chapter Markdown in its stable form; `--fix` also applies the
 * safe fixes (法制政府, half-width punctuation, 1、, 24年, 15～30%); `--check` writes nothing and
 * exits 1 when a file would change (for CI). `lawreport check --fix` applies the fixes alone.
 */
export async function fmtCommand(ctx: CliContext, dir: string | undefined, options: FmtOptions, markdown = true): Promise<number> {
  // Under check --fix, stdout belongs to the check's report (which may be JSON).
  const say = markdown ? ctx.stdout : ctx.stderr;
  const report = await openReport(ctx.cwd, dir);
  const result = await formatReport(report.host, report.session, { fix: Boolean(options.fix), markdown }, report.load);
  if (result.diagnostics.length > 0) {
    printDiagnostics(ctx, result.diagnostics, 'human', report.display, 'stderr');
    return exitCodeFor(result.diagnostics);
  }
  for (const change of result.changes) {
    const shown = joinPath(report.display, change.file);
    const lines = changedLines(change);
    const where = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
    const fixes = change.fixes.length;
    if (options.check) {
      say(t(ctx, `需要格式化 ${shown}（第 ${where} 行${fixes ? `，${fixes} 处修正` : ''}）\n`, `would reformat ${shown} (lines ${where}${fixes ? `, ${fixes} fix(es)` : ''})\n`));
    } else {
      await writeFileAtomic(path.join(report.abs, change.file), change.after);
      // metrics.yaml is only ever fixed, never reformatted.
      const formatted = markdown && change.file.endsWith('.md');
      say(t(ctx, `${formatted ? '已格式化' : '已修正'} ${shown}（第 ${where} 行${fixes ? `，${fixes} 处修正` : ''}）\n`, `${formatted ? 'formatted' : 'fixed'} ${shown} (lines ${where}${fixes ? `, ${fixes} fix(es)` : ''})\n`));
    }
  }
  if (result.changes.length === 0) {
    say(markdown ? t(ctx, '✔ 所有章节已是规范格式\n', '✔ every chapter is already formatted\n') : t(ctx, '✔ 没有可自动修正的问题\n', '✔ nothing to fix\n'));
  }
  return options.check && result.changes.length > 0 ? EXIT.errors : EXIT.ok;
}

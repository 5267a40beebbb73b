import path from 'node:path';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { buildReport } from '../../pipeline/build.js';
import type { Session } from '../../session.js';
import { OUTPUT_FORMATS, outputFormat } from '../../render/registry.js';
import { EXIT, t, UsageError, type CliContext } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { withHeapSizedFor } from '../heap.js';
import { shownPath } from '../format/paths.js';
import { printDiagnostics } from '../print.js';
import { stoppedEarly } from '../run-extent.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { openReport } from '../report-dir.js';
import { renderOptions } from '../render-options.js';
import { checkOutputDir, writeOutputs } from '../write-outputs.js';

export interface BuildOptions {
  format?: string;
  out?: string;
}

/** `-f docx,html`: ids of the renderer registry, each once. */
export function parseFormats(list: string): string[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !outputFormat(f));
  if (unknown.length > 0 || formats.length === 0) {
    const known = OUTPUT_FORMATS.map((f) => f.id).join(',');
    throw new UsageError(
      `未知的输出格式“${unknown.join(',') || list}”，可用：${known}。`,
      `Unknown output format "${unknown.join(',') || list}"; available: ${known}.`,
    );
  }
  return [...new Set(formats)];
}

/** `lawreport build [dir]`: writes nothing unless the report is free of errors. */
export async function buildCommand(ctx: CliContext, dir: string | undefined, options: BuildOptions): Promise<number> {
  const formats = options.format ? parseFormats(options.format) : undefined;
  cleanUpOnInterrupt(ctx);
  // This process builds this one report and ends: its heap may be sized for it.
  const built = await withHeapSizedFor((onChaptersRead) => buildFolder(ctx, dir, formats, options.out, undefined, onChaptersRead));
  if (built.diagnostics.length > 0) printDiagnostics(ctx, built.diagnostics, 'human', built.display, 'stderr');
  if (!built.ok) {
    stoppedEarly();
    ctx.stderr(
      t(ctx, `有 ${built.errors} 个错误，未生成输出文件；已有的输出文件保持不变。\n`, `${built.errors} error(s): no output written; existing outputs are left as they were.\n`),
    );
    return exitCodeFor(built.diagnostics);
  }
  for (const file of built.written) ctx.stdout(t(ctx, `已生成 ${shownPath(ctx.cwd, file)}\n`, `wrote ${shownPath(ctx.cwd, file)}\n`));
  return EXIT.ok;
}

/** Builds one report folder and writes its outputs; the part a batch shares with a single build. */
export async function buildFolder(
  ctx: Pick<CliContext, 'cwd' | 'env'>,
  dir: string | undefined,
  formats: string[] | undefined,
  out: string | undefined,
  session?: Session,
  onChaptersRead?: (chars: number) => void,
) {
  const report = await openReport(ctx.cwd, dir, session);
  const result = await buildReport(report.host, report.session, formats, { ...report.load, onChaptersRead, render: renderOptions(ctx.env) });
  const errors = countBySeverity(result.diagnostics).error;
  // The sources go back too: a batch makes the summary's record of the report from them.
  const base = { display: report.display, diagnostics: result.diagnostics, errors, source: result.source };
  if (errors > 0 || !result.source || !result.document) return { ...base, ok: false, written: [] as string[] };
  // Nothing is written unless every format could be made (all or nothing).
  if (result.unavailable) throw new UsageError(result.unavailable.zh, result.unavailable.en);
  const outDir = out ? path.resolve(ctx.cwd, out) : path.resolve(report.abs, result.source.config.output.dir);
  await checkOutputDir(report.abs, outDir, !out);
  const name = result.source.config.output.name ?? result.document.title;
  return { ...base, ok: true, written: await writeOutputs(outDir, name, result.outputs) };
}

import path from 'node:path';
import { writeFilesAtomic } from '../io/atomic-write.js';
import { toolVersion } from '../io/builtins-host.js';
import { loadSummaryRenderers, renderSummary, SUMMARY_FORMATS, summaryFormat } from '../summary/formats.js';
import { summaryInput, type SummaryInput } from '../summary/input.js';
import type { ReportRecord } from '../summary/record.js';
import { UsageError, type CliContext } from './context.js';
import { withSmallHeap } from './heap.js';

/** The summary's files are named 汇总.xlsx, 汇总.html … unless -o names them. */
export const SUMMARY_BASE = '汇总';

export interface SummaryTarget {
  dir: string;
  /** File name without extension: 汇总 → 汇总.xlsx, 汇总-合规.csv. */
  base: string;
}

/** `-f xlsx,csv`: ids of the summary format registry, each once. */
export function parseSummaryFormats(list: string): string[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !summaryFormat(f));
  if (unknown.length > 0 || formats.length === 0) {
    const known = SUMMARY_FORMATS.map((f) => f.id).join(',');
    throw new UsageError(`未知的汇总格式“${unknown.join(',') || list}”，可用：${known}。`, `Unknown summary format "${unknown.join(',') || list}"; available: ${known}.`);
  }
  return [...new Set(formats)];
}

/**
 * `-o`: the folder the files go in, as for build (`-o 汇总` → 汇总/汇总.xlsx …); a name with a
 * summary extension names the files instead (`-o 区汇总.xlsx` → 区汇总.xlsx, 区汇总.html …).
 * Without it: 汇总.* in the current folder.
 */
export function summaryTarget(cwd: string, out: string | undefined): SummaryTarget {
  if (!out) return { dir: cwd, base: SUMMARY_BASE };
  const abs = path.resolve(cwd, out);
  const ext = path.extname(abs);
  if (SUMMARY_FORMATS.some((f) => f.extension === ext.toLowerCase())) return { dir: path.dirname(abs), base: path.basename(abs, ext) };
  return { dir: abs, base: SUMMARY_BASE };
}

/**
 * Renders the summary of `records` in `formats` and writes it into `target` together with `extra`
 * files (build's index.html), all or nothing. Returns what was written and what it was drawn from.
 */
export async function writeSummary(
  ctx: Pick<CliContext, 'lang' | 'env'>,
  records: readonly ReportRecord[],
  target: SummaryTarget,
  formats: readonly string[],
  extra: (input: SummaryInput, written: readonly string[]) => [string, Uint8Array][] = () => [],
): Promise<{ written: string[]; input: SummaryInput }> {
  const input = summaryInput(records, { lang: ctx.lang, sourceDateEpoch: ctx.env.SOURCE_DATE_EPOCH, version: toolVersion() });
  // Loaded first: a code cache is refused when compiled under other flags than it was made with.
  await loadSummaryRenderers(formats);
  const files = [...(await withSmallHeap(() => renderSummary(input, formats, target.base)))].map(([name, bytes]) => [path.join(target.dir, name), bytes] as [string, Uint8Array]);
  files.push(...extra(input, files.map(([file]) => file)));
  await writeFilesAtomic(files);
  return { written: files.map(([file]) => file), input };
}

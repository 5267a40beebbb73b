import path from 'node:path';
import { writeFilesAtomic, type WriteOps } from '../io/atomic-write.js';
import { outputFormat } from '../render/registry.js';
import { UsageError } from './context.js';

/** Characters Windows and common file systems refuse in names. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 120) || 'report';
}

/** The output folder may not be the report folder itself or lie inside chapters/ (sources would mix with outputs). */
export function checkOutputDir(reportDir: string, outDir: string) {
  const rel = path.relative(reportDir, outDir);
  const inside = (p: string) => p === '' || (!p.startsWith('..') && !path.isAbsolute(p));
  const relToChapters = path.relative(path.join(reportDir, 'chapters'), outDir);
  if (rel === '' || inside(relToChapters) || inside(path.relative(path.join(reportDir, 'templates'), outDir))) {
    throw new UsageError(
      `输出文件夹“${outDir}”不能是报告文件夹本身，也不能在 chapters/ 或 templates/ 里。`,
      `The output folder "${outDir}" cannot be the report folder itself, nor inside chapters/ or templates/.`,
    );
  }
}

/**
 * Writes the outputs atomically: a reader sees the old file or the new one, never half of one,
 * and a write that fails (full disk) changes none of them.
 */
export async function writeOutputs(outDir: string, baseName: string, outputs: ReadonlyMap<string, Uint8Array>, ops?: WriteOps): Promise<string[]> {
  const files = [...outputs].map(([format, bytes]) => [path.join(outDir, safeFileName(baseName) + outputFormat(format)!.extension), bytes] as [string, Uint8Array]);
  await writeFilesAtomic(files, ops);
  return files.map(([target]) => target);
}

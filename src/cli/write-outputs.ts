import path from 'node:path';
import { writeFilesAtomic, type WriteOps } from '../io/atomic-write.js';
import { resolvedPath } from '../io/node-host.js';
import { SOURCE_DIRS } from '../load/output-dir.js';
import { outputFormat } from '../render/registry.js';
import { UsageError } from './context.js';

/**
 * Bytes an output's base name may take. Most file systems allow 255 bytes a name; the temp file
 * written first adds a dot, the pid, 8 hex digits and ".tmp" (≤ 25 bytes), and the extension
 * (≤ 5): 200 leaves room for all of them. The full title stays inside the documents.
 */
export const MAX_NAME_BYTES = 200;

/** Names Windows keeps for devices, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\.|$)/i;

/**
 * A title as a file name: without characters Windows and common file systems refuse, without
 * invisible format characters (bidi overrides like U+202E that make "报告‮xcod.exe" read as
 * another name, zero-width spaces, BOMs), without leading dots and trailing dots or spaces, and
 * cut to MAX_NAME_BYTES of UTF-8 at a character boundary.
 */
export function safeFileName(name: string): string {
  let cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  let bytes = 0;
  let cut = '';
  for (const ch of cleaned) {
    bytes += Buffer.byteLength(ch);
    if (bytes > MAX_NAME_BYTES) break;
    cut += ch;
  }
  cleaned = cut.replace(/[\s.]+$/, '');
  if (RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  return cleaned || 'report';
}

const within = (p: string, dir: string) => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The output folder may not be the report folder itself or lie inside chapters/ or templates/
 * (sources would mix with outputs), nor reach them through a link. One that comes from
 * lawreport.yaml (`confined`) must also stay inside the report folder once links are followed:
 * only the user's own -o may point elsewhere.
 */
export async function checkOutputDir(reportDir: string, outDir: string, confined = false): Promise<void> {
  const [report, out] = await Promise.all([resolvedPath(reportDir), resolvedPath(outDir)]);
  const sources = await Promise.all(SOURCE_DIRS.map((dir) => resolvedPath(path.join(reportDir, dir))));
  for (const [i, source] of sources.entries()) {
    if (SOURCE_DIRS[i] === '' ? out === source : within(out, source)) {
      throw new UsageError(
        `输出文件夹“${outDir}”不能是报告文件夹本身，也不能在 chapters/ 或 templates/ 里（经符号链接到达也不行）。`,
        `The output folder "${outDir}" cannot be the report folder itself, nor inside chapters/ or templates/ (not through a symbolic link either).`,
      );
    }
  }
  if (confined && !within(out, report)) {
    throw new UsageError(
      `lawreport.yaml 的输出文件夹“${path.relative(reportDir, outDir) || '.'}”经符号链接指向报告文件夹之外（${out}）：output.dir 只能在报告文件夹内。要写到别处，请运行时用 -o 明确指定。`,
      `The output folder "${path.relative(reportDir, outDir) || '.'}" of lawreport.yaml leads out of the report folder through a symbolic link (${out}): output.dir stays inside the report folder. To write elsewhere, name the folder with -o.`,
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

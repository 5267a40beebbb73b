import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomic } from '../io/atomic-write.js';

/** The files of `files` that already exist under `dir` (relative paths, sorted). */
export async function existingFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const found: string[] = [];
  for (const rel of Object.keys(files)) {
    if (await lstat(path.join(dir, rel)).catch(() => undefined)) found.push(rel);
  }
  return found.sort();
}

/**
 * Writes the files as one step as far as the file system allows (every temp file first, then
 * the renames): a full disk leaves the folder as it was. Returns the absolute paths, sorted.
 */
export async function writeFolder(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const entries = Object.keys(files)
    .sort()
    .map((rel) => [path.join(dir, rel), files[rel]!] as [string, string | Uint8Array]);
  await writeFilesAtomic(entries);
  return entries.map(([target]) => target);
}

/**
 * Chapter files already in `dir` that `files` does not replace: after an --force run they
 * would sit beside the new chapters (and be read as chapters too).
 */
export async function strayChapters(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const names = await readdir(path.join(dir, 'chapters')).catch(() => [] as string[]);
  return names
    .filter((n) => /\.(md|markdown)$/i.test(n))
    .map((n) => `chapters/${n}`)
    .filter((rel) => !(rel in files))
    .sort();
}

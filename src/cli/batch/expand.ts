import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../context.js';
import { CONFIG_FILE } from '../../load/report.js';

/**
 * Turns the folders a user named into the list of report folders to process, in a stable order.
 * A pattern (`reports/*`, quoted so the shell left it alone, or on Windows where shells don't expand)
 * keeps only the folders that hold a lawreport.yaml; a plain folder is kept as named, so a typo is
 * reported for that folder rather than silently skipped.
 */
export async function expandReportDirs(cwd: string, args: readonly string[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const arg of args) {
    if (!isDynamicPattern(arg) || (await stat(path.resolve(cwd, arg)).catch(() => undefined))) {
      dirs.push(arg);
      continue;
    }
    const matches = await glob(arg.replace(/\\/g, '/'), { cwd, onlyDirectories: true, expandDirectories: false });
    const reports: string[] = [];
    for (const match of matches) {
      const dir = match.replace(/\/$/, '');
      if (await stat(path.resolve(cwd, dir, CONFIG_FILE)).catch(() => undefined)) reports.push(dir);
    }
    if (reports.length === 0) {
      throw new UsageError(`“${arg}”没有匹配到任何报告文件夹（含 ${CONFIG_FILE} 的文件夹）。`, `"${arg}" matches no report folder (a folder holding ${CONFIG_FILE}).`);
    }
    dirs.push(...reports.sort(byName));
  }
  // The same folder named twice (`a a/`, or a glob overlapping a name) is processed once.
  const seen = new Set<string>();
  return dirs.filter((d) => {
    const key = path.resolve(cwd, d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

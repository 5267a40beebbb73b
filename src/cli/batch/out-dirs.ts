import path from 'node:path';

/**
 * Where each report of a batch writes under one `-o` folder: its path below the deepest folder
 * that holds all of them, so `reports/*` gives `out/<town>/` and `a/town b/town` give
 * `out/a/town/` and `out/b/town/`. Distinct folders give distinct paths, so two reports can never
 * write into one folder (equal titles would replace each other's outputs). When one report folder
 * holds the others, the paths start from its parent, so none is `out/` itself.
 */
export function batchOutDirs(cwd: string, dirs: readonly string[], out: string): string[] {
  const abs = dirs.map((d) => path.resolve(cwd, d));
  let base = abs.length === 1 ? path.dirname(abs[0]!) : commonFolder(abs);
  if (abs.some((d) => d === base)) base = path.dirname(base);
  const root = path.resolve(cwd, out);
  return abs.map((d) => path.join(root, path.relative(base, d) || path.basename(d)));
}

function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => p.split(path.sep));
  const first = split[0]!;
  let n = 0;
  while (n < first.length && split.every((parts) => parts[n] === first[n])) n++;
  return first.slice(0, n).join(path.sep) || path.sep;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleDir } from './helpers.js';

/** A file of the example report, read once, for cases that edit it. */
export function exampleText(file: string): string {
  return readFileSync(path.join(exampleDir, file), 'utf8');
}

/** The example's file with `from` replaced by `to`; fails loudly when `from` is absent so a case cannot go stale. */
export function edited(file: string, from: string | RegExp, to: string): string {
  const text = exampleText(file);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: "${String(from)}" not found`);
  return next;
}

export const metricsWith = (from: string | RegExp, to: string) => ({ 'metrics.yaml': edited('metrics.yaml', from, to) });

/** The optional "other" chapter, added to the example report with the given text. */
export const OTHER = 'chapters/05-other.md';
export const other = (text: string) => ({ [OTHER]: text });

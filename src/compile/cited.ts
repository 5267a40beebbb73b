import type { FigureRecord } from '../model.js';
import { compareNames } from '../collate.js';

/**
 * The figures of metrics.yaml that the chapters cite ({{fig a.b}}, {{a.b}}, and the parts of a
 * {{pct a.b c.d}} they print), by path: what the DOCX carries for `import` to give the folder
 * back. Only cited ones, which the text prints anyway: a figure kept in metrics.yaml for checking
 * alone is not published. Read off the report's figure records (src/figures/records.ts).
 */
export function citedFigures(records: readonly FigureRecord[]): Record<string, number> {
  const written = new Map(records.filter((r) => !r.computed).map((r) => [r.id, r]));
  const cited = new Set<string>();
  for (const r of records) {
    if (r.uses.length === 0) continue;
    if (!r.computed) cited.add(r.id);
    for (const part of r.formula?.of ?? []) if (written.has(part)) cited.add(part);
  }
  const out: [string, number][] = [];
  for (const id of cited) {
    const value = written.get(id)!.value;
    if (typeof value === 'number' && Number.isFinite(value)) out.push([id, value]);
  }
  return Object.fromEntries(out.sort(([a], [b]) => compareNames(a, b)));
}

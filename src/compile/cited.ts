import type { ReportSource } from '../model.js';
import { compiledChapters } from '../load/chapter-order.js';
import { templateTree, type CompiledTemplates } from '../template/render.js';

type Node = { type: string; [key: string]: unknown };

/**
 * The figures of metrics.yaml that the chapters cite ({{fig a.b}}, {{pct a.b c.d}}, {{a.b}}), by
 * path: what the DOCX carries for `import` to give the folder back. Only cited ones, which the
 * text prints anyway: a figure kept in metrics.yaml for checking alone is not published.
 */
export function citedFigures(source: Pick<ReportSource, 'chapters' | 'profile' | 'metrics'>, templates: CompiledTemplates): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'PathExpression' && !n.data && typeof n.original === 'string') {
      const value = figureAt(source.metrics, n.original);
      if (value !== undefined) out[n.original] = value;
      return;
    }
    for (const key of ['body', 'program', 'inverse', 'path', 'params', 'hash', 'pairs', 'value']) visit(n[key]);
  };
  for (const chapter of compiledChapters(source)) visit(templateTree(chapter.body, templates));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function figureAt(metrics: Record<string, unknown>, path: string): number | undefined {
  const [group, key, ...rest] = path.split('.');
  if (!group || !key || rest.length > 0 || !Object.hasOwn(metrics, group)) return undefined;
  const g = metrics[group];
  if (!g || typeof g !== 'object' || !Object.hasOwn(g, key)) return undefined;
  const value = (g as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { MetricDef, Relation, RelationSource } from '../model.js';
import { positionOf, type YamlDocument } from '../source/yaml.js';

/** Precision a rate is compared at when its catalog entry declares none. */
export const DEFAULT_RATE_PRECISION = 1;

export const catalogInvalid = defineDiagnostic({
  id: 'catalog-invalid',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('指标目录的 relations 中引用了目录里没有的数据项，或关系写错了。', 'A relation in a metric catalog names a figure the catalog lacks, or is malformed.'),
  why: loc('数据之间的关系（部分不大于整体、合计等于各项之和）是核对数字的依据，写错了就核对不了。', 'Relations between figures (part ≤ whole, total = sum of parts) drive the figure checks; a broken one checks nothing.'),
  fix: loc('改正关系中的“组.项”名称；kind 只能是 part 或 sum。', 'Correct the "group.key" names in the relation; kind is part or sum.'),
  example: { bad: 'relations:\n  - { kind: part, part: disputes.mediated, whole: disputes.recieved }\n', good: 'relations:\n  - { kind: part, part: disputes.mediated, whole: disputes.received }\n' },
}, {
  notAList: { message: loc('relations 必须是列表。', '"relations" must be a list.') },
  unknownMetric: { message: (d: { path: string }) => loc(`关系中的指标“${d.path}”不在指标目录中。`, `Metric "${d.path}" in a relation is not in the catalog.`) },
  fewParts: { message: loc('sum 关系至少要有两个 parts。', 'A sum relation needs at least two parts.') },
  notPercent: { message: (d: { path: string }) => loc(`“${d.path}”有分子分母，类型必须是 percent。`, `"${d.path}" has a numerator and denominator, so its type must be percent.`) },
  unknownKind: { message: (d: { kind: string }) => loc(`未知的关系类型“${d.kind}”，可用：part、sum。`, `Unknown relation kind "${d.kind}"; available: part, sum.`) },
});

type RawRelation = { kind?: unknown; part?: unknown; whole?: unknown; total?: unknown; parts?: unknown };

/**
 * Reads a catalog's top-level `relations:` list:
 *   - { kind: part, part: disputes.mediated, whole: disputes.received }
 *   - { kind: sum, total: hotline.received, parts: [hotline.closed, hotline.in_progress] }
 * Rates are not listed here: a percent metric declares `numerator`, `denominator` and
 * `precision` itself, and becomes a `rate` relation. Every named metric must exist.
 */
export function parseRelations(doc: YamlDocument, metrics: ReadonlyMap<string, MetricDef>, own: ReadonlySet<string>): { relations: Relation[]; diagnostics: Diagnostic[] } {
  const relations: Relation[] = [];
  const diagnostics: Diagnostic[] = [];
  const raw = (doc.value as { relations?: unknown } | null)?.relations;
  const at = (pointer: string): RelationSource => ({ file: doc.file, ...positionOf(doc, pointer, 'value') });
  const known = (value: unknown, pointer: string): value is string => {
    if (typeof value === 'string' && metrics.has(value)) return true;
    diagnostics.push(catalogInvalid.at(at(pointer), 'unknownMetric', { path: String(value) }));
    return false;
  };

  if (raw !== undefined && !Array.isArray(raw)) diagnostics.push(catalogInvalid.at(at('/relations'), 'notAList'));
  (Array.isArray(raw) ? (raw as RawRelation[]) : []).forEach((r, i) => {
    const p = `/relations/${i}`;
    if (r?.kind === 'part') {
      if (known(r.part, `${p}/part`) && known(r.whole, `${p}/whole`)) relations.push({ kind: 'part', part: r.part, whole: r.whole, source: at(p) });
    } else if (r?.kind === 'sum') {
      const parts = Array.isArray(r.parts) ? r.parts : [];
      if (parts.length < 2) diagnostics.push(catalogInvalid.at(at(`${p}/parts`), 'fewParts'));
      else if (known(r.total, `${p}/total`) && parts.every((x, j) => known(x, `${p}/parts/${j}`))) {
        relations.push({ kind: 'sum', total: r.total, parts: parts as string[], source: at(p) });
      }
    } else {
      diagnostics.push(catalogInvalid.at(at(p), 'unknownKind', { kind: String(r?.kind) }));
    }
  });

  const groups = (doc.value as { groups?: { key?: string; metrics?: { key?: string }[] }[] } | null)?.groups ?? [];
  groups.forEach((g, gi) =>
    (g?.metrics ?? []).forEach((m, mi) => {
      const path = `${g?.key}.${m?.key}`;
      const def = metrics.get(path);
      if (!def || !own.has(path) || (def.numerator === undefined && def.denominator === undefined)) return;
      const p = `/groups/${gi}/metrics/${mi}`;
      if (def.type !== 'percent') diagnostics.push(catalogInvalid.at(at(p), 'notPercent', { path }));
      else if (known(def.numerator, `${p}/numerator`) && known(def.denominator, `${p}/denominator`)) {
        relations.push({ kind: 'rate', rate: path, numerator: def.numerator, denominator: def.denominator, precision: def.precision ?? DEFAULT_RATE_PRECISION, source: at(p) });
      }
    }),
  );
  return { relations, diagnostics };
}

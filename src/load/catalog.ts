import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog, MetricDef, MetricType } from '../model.js';
import { parseRelations } from './relations.js';
import { parseYaml, type YamlDocument } from './yaml.js';

interface RawMetric { key: string; label: string; unit?: string; type?: MetricType; aliases?: string[]; numerator?: string; denominator?: string; precision?: number }
interface RawGroup { key: string; label: string; metrics: RawMetric[] }

/** Reads a metric catalog file; a report's own catalog extends (or adds groups to) the built-in one. */
export function parseCatalog(text: string, file: string, base?: Catalog): { catalog?: Catalog; doc?: YamlDocument; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = parseYaml(text, file);
  if (!doc) return { diagnostics };
  const raw = doc.value as { groups?: RawGroup[] } | null;
  if (!raw || !Array.isArray(raw.groups)) {
    return {
      diagnostics: [
        diag('catalog-invalid', 'error', { file, line: 1, column: 1 }, loc(
          '指标目录必须有 groups 列表。', 'A metric catalog needs a "groups" list.')),
      ],
    };
  }
  const groups = base ? base.groups.map((g) => ({ ...g, metrics: [...g.metrics] })) : [];
  const own = new Set<string>();
  for (const g of raw.groups) {
    if (!g || typeof g.key !== 'string' || !Array.isArray(g.metrics)) continue;
    let group = groups.find((x) => x.key === g.key);
    if (!group) {
      group = { key: g.key, label: String(g.label ?? g.key), metrics: [] };
      groups.push(group);
    }
    for (const m of g.metrics) {
      if (!m || typeof m.key !== 'string') continue;
      const def: MetricDef = {
        path: `${g.key}.${m.key}`,
        label: String(m.label ?? m.key),
        unit: m.unit ?? '',
        type: m.type ?? 'count',
        aliases: Array.isArray(m.aliases) ? m.aliases.map(String) : [],
        ...(typeof m.numerator === 'string' ? { numerator: m.numerator } : {}),
        ...(typeof m.denominator === 'string' ? { denominator: m.denominator } : {}),
        ...(typeof m.precision === 'number' ? { precision: m.precision } : {}),
      };
      own.add(def.path);
      const existing = group.metrics.findIndex((x) => x.path === def.path);
      if (existing >= 0) group.metrics[existing] = def;
      else group.metrics.push(def);
    }
  }
  const byPath = new Map(groups.flatMap((g) => g.metrics.map((m) => [m.path, m] as const)));
  const found = parseRelations(doc, byPath, own);
  const relations = [...(base?.relations ?? []), ...found.relations];
  return { catalog: { groups, byPath, relations }, doc, diagnostics: [...diagnostics, ...found.diagnostics] };
}

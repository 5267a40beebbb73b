import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog, MetricDef, MetricType } from '../model.js';
import { validateYaml } from '../validate/schema.js';
import { isMapping, notMapping } from '../source/mapping.js';
import { parseRelations } from './relations.js';
import { parseYaml, type YamlDocument } from '../source/yaml.js';

interface RawMetric {
  key: string;
  label: string;
  unit?: string;
  type?: MetricType;
  aliases?: string[];
  minimum?: number;
  maximum?: number;
  numerator?: string;
  denominator?: string;
  precision?: number;
}
interface RawGroup { key: string; label: string; metrics: RawMetric[] }

/**
 * Reads a metric catalog file, validated against the catalog meta-schema (schemas/catalog.schema.json);
 * a report's own catalog extends (or adds groups to) the built-in one, a figure of the same path replacing it.
 */
export function parseCatalog(text: string, file: string, metaSchema: object, base?: Catalog): { catalog?: Catalog; doc?: YamlDocument; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = parseYaml(text, file);
  if (!doc) return { diagnostics };
  if (!isMapping(doc.value)) return { diagnostics: [notMapping(file)] };
  const invalid = validateYaml(doc, metaSchema, 'catalog-schema');
  if (invalid.length > 0) return { diagnostics: invalid };
  const raw = doc.value as unknown as { groups: RawGroup[] };

  const groups = base ? base.groups.map((g) => ({ ...g, metrics: [...g.metrics] })) : [];
  const own = new Set<string>();
  for (const g of raw.groups) {
    let group = groups.find((x) => x.key === g.key);
    if (!group) {
      group = { key: g.key, label: g.label, metrics: [] };
      groups.push(group);
    }
    for (const m of g.metrics) {
      const def: MetricDef = {
        path: `${g.key}.${m.key}`,
        label: m.label,
        unit: m.unit ?? '',
        type: m.type ?? 'count',
        aliases: m.aliases ?? [],
        ...(m.numerator !== undefined ? { numerator: m.numerator } : {}),
        ...(m.denominator !== undefined ? { denominator: m.denominator } : {}),
        ...(m.precision !== undefined ? { precision: m.precision } : {}),
        ...(m.minimum !== undefined ? { minimum: m.minimum } : {}),
        ...(m.maximum !== undefined ? { maximum: m.maximum } : {}),
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

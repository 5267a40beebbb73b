import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog, MetricDef, MetricType, TotalKind } from '../model.js';
import { loc } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { SCHEMA_MESSAGES, validateYaml, Validators } from '../validate/schema.js';
import { isMapping, notMapping } from '../source/mapping.js';
import { parseRelations } from './relations.js';
import { parseYaml, type YamlDocument } from '../source/yaml.js';
import { precompiledBuiltins } from '../io/builtins-host.js';

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
  total?: TotalKind;
}
interface RawGroup { key: string; label: string; metrics: RawMetric[] }

export const catalogSchema = defineDiagnostic({
  id: 'catalog-schema',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('指标目录文件不符合 schemas/catalog.schema.json。', 'A metric catalog file does not match schemas/catalog.schema.json.'),
  why: loc('metrics.yaml 的校验规则（类型、单位、取值范围）都从目录生成。', 'The validation of metrics.yaml (types, units, ranges) is generated from the catalog.'),
  fix: loc('按提示改正目录文件：每组有 key、label、metrics，每项有 key、label、unit、type。', 'Correct the catalog as hinted: each group has key, label, metrics; each metric key, label, unit, type.'),
  example: { bad: 'groups:\n  - key: hotline\n    label: 12345热线\n    metrics:\n      - { key: received, label: 受理, unit: 宗, type: integer }\n', good: 'groups:\n  - key: hotline\n    label: 12345热线\n    metrics:\n      - { key: received, label: 受理, unit: 宗, type: count }\n' },
}, SCHEMA_MESSAGES);

/** The built-in catalog's name in messages (its relations' places carry it). */
export const BUILTIN_CATALOG_FILE = '<lawreport>/schemas/metrics.catalog.yaml';

/**
 * The built-in catalog as `npm run build` parsed it (scripts/precompile-builtins.mjs), when `text`
 * is the very text it was parsed from: new objects each time, as a parse makes them. Else undefined.
 */
export function precompiledCatalog(text: string): Catalog | undefined {
  const built = precompiledBuiltins()?.catalog;
  if (built?.text !== text) return undefined;
  const { groups, relations } = JSON.parse(built.json) as Pick<Catalog, 'groups' | 'relations'>;
  return { groups, byPath: new Map(groups.flatMap((g) => g.metrics.map((m) => [m.path, m] as const))), relations };
}

/**
 * Reads a metric catalog file, validated against the catalog meta-schema (schemas/catalog.schema.json);
 * a report's own catalog extends (or adds groups to) the built-in one, a figure of the same path replacing it.
 */
export function parseCatalog(text: string, file: string, metaSchema: object, base?: Catalog, validators = new Validators()): { catalog?: Catalog; doc?: YamlDocument; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = parseYaml(text, file);
  if (!doc) return { diagnostics };
  if (!isMapping(doc.value)) return { diagnostics: [notMapping(file)] };
  const invalid = validateYaml(doc, metaSchema, catalogSchema, validators);
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
        ...(m.total !== undefined && m.total !== 'sum' ? { total: m.total } : {}),
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

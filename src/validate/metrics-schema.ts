import type { Catalog, MetricDef } from '../model.js';

/**
 * The JSON Schema of metrics.yaml, generated from the metric catalog (the one source of truth
 * for keys, labels, units and ranges): groups and figures are closed sets, so a misspelt key is
 * an error with a did-you-mean; counts are non-negative integers, percentages lie in 0–100.
 */
export function metricsSchema(catalog: Catalog, byContent = new Map<string, object>()): object {
  // Each load reads the catalog afresh; the same content must give the same schema object (the
  // session keeps them by content), so it is compiled once (compiling costs more than checking a whole report).
  const built = build(catalog);
  const key = JSON.stringify(built);
  let schema = byContent.get(key);
  if (!schema) {
    if (byContent.size >= 16) byContent.clear(); // a batch of reports with their own catalogs stays bounded
    schema = built;
    byContent.set(key, schema);
  }
  return schema;
}

/** Its $id names the validator `npm run build` precompiles from the built-in catalog (used when its schema text matches). */
export const METRICS_SCHEMA_ID = 'https://lawreport.dev/schemas/metrics.schema.json';

function build(catalog: Catalog): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: METRICS_SCHEMA_ID,
    title: 'metrics.yaml：本报告的数据（由指标目录生成）',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      catalog.groups.map((group) => [
        group.key,
        {
          description: group.label,
          'x-description-en': group.label,
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(group.metrics.map((m) => [m.path.slice(group.key.length + 1), metricSchema(m)])),
        },
      ]),
    ),
  };
}

function metricSchema(m: MetricDef): object {
  const minimum = m.minimum ?? 0;
  const maximum = m.maximum ?? (m.type === 'percent' ? 100 : undefined);
  const expected = m.type === 'count' ? '非负整数' : m.type === 'percent' ? '0–100 的百分数' : '数';
  const expectedEn = m.type === 'count' ? 'a whole number ≥ 0' : m.type === 'percent' ? 'a percentage from 0 to 100' : 'a number';
  return {
    description: `${m.label}${m.unit ? `（${m.unit}）` : ''}：${expected}`,
    'x-description-en': `${m.label}${m.unit ? ` (${m.unit})` : ''}: ${expectedEn}`,
    type: m.type === 'count' ? 'integer' : 'number',
    minimum,
    ...(maximum !== undefined ? { maximum } : {}),
  };
}

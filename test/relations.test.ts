import { describe, expect, it } from 'vitest';
import { compileReport } from '../src/compile/compile.js';
import { parseCatalog } from '../src/load/catalog.js';
import { withComputedRates } from '../src/rate.js';
import { valueOf } from '../src/io/host.js';
import { loadReport } from '../src/load/report.js';
import { builtins, session, exampleFiles, hostOf } from './helpers.js';

// Catalogs are validated against their meta-schema first (schemas/catalog.schema.json).
const metaSchema = JSON.parse(valueOf(await builtins.readText('schemas/catalog.schema.json'))!) as object;

const OWN = `groups:
  - key: air
    label: 空气质量
    metrics:
      - { key: monitored_days, label: 有效监测天数, unit: 天, type: count }
      - { key: good_days, label: 优良天数, unit: 天, type: count }
      - { key: good_rate, label: 优良率, unit: "%", type: percent, numerator: air.good_days, denominator: air.monitored_days, precision: 1 }
relations:
  - { kind: part, part: air.good_days, whole: air.monitored_days }
`;

describe('catalog relations', () => {
  it('reads the built-in relations: parts, sums and rates with their precision', async () => {
    const text = valueOf(await builtins.readText('schemas/metrics.catalog.yaml'))!;
    const { catalog, diagnostics } = parseCatalog(text, 'metrics.catalog.yaml', metaSchema);
    expect(diagnostics).toEqual([]);
    const relations = catalog!.relations;
    expect(relations).toContainEqual(expect.objectContaining({ kind: 'part', part: 'disputes.mediated', whole: 'disputes.received' }));
    expect(relations).toContainEqual(expect.objectContaining({ kind: 'sum', total: 'hotline.received', parts: ['hotline.closed', 'hotline.in_progress'] }));
    expect(relations).toContainEqual(expect.objectContaining({ kind: 'rate', rate: 'disputes.rate', numerator: 'disputes.mediated', denominator: 'disputes.received', precision: 1 }));
  });

  it('a report\'s own catalog adds relations: 336 good days of 345 monitored is 97.4%, of 365 it is not', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] += 'catalog: catalog.yaml\n';
    files['catalog.yaml'] = OWN;
    files['metrics.yaml'] += 'air:\n  monitored_days: 345\n  good_days: 336\n  good_rate: 97.4\n';
    const { source } = await loadReport(hostOf(files), session);
    const rate = source!.catalog.relations.find((r) => r.kind === 'rate' && r.rate === 'air.good_rate');
    expect(rate).toMatchObject({ numerator: 'air.good_days', denominator: 'air.monitored_days', source: { file: 'catalog.yaml', line: 7 } });
    expect(source!.catalog.relations.filter((r) => r.kind === 'part' && r.part === 'air.good_days')).toHaveLength(1);
  });

  it('names unknown metrics and kinds with their place in the catalog', () => {
    const bad = OWN.replace('whole: air.monitored_days', 'whole: air.monitored').replace('relations:\n', 'relations:\n  - { kind: ratio, part: a, whole: b }\n');
    const { diagnostics } = parseCatalog(bad, 'catalog.yaml', metaSchema);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message.en}`)).toEqual([
      '9:5 Unknown relation kind "ratio"; available: part, sum.',
      '10:47 Metric "air.monitored" in a relation is not in the catalog.',
    ]);
  });

  it('computes a rate metrics.yaml leaves out, at its precision, for templates: 52/55 → 94.5', async () => {
    const files = await exampleFiles();
    files['metrics.yaml'] = files['metrics.yaml']!.replace(/disputes:.*\n(?:  .*\n){2}/, 'disputes:\n  received: 55\n  mediated: 52\n');
    files['chapters/05-other.md'] = '---\nid: other\n---\n\n调解成功率{{disputes.rate}}%。\n';
    const { source } = await loadReport(hostOf(files), session);
    const { document, diagnostics } = await compileReport(source!);
    expect(diagnostics).toEqual([]);
    expect(JSON.stringify(document!.chapters)).toContain('调解成功率94.5%。');
    expect(source!.metrics.disputes).toEqual({ received: 55, mediated: 52 });
  });

  it('never overrides a rate that is written, nor invents one without both parts', () => {
    const relations = [{ kind: 'rate', rate: 'd.rate', numerator: 'd.m', denominator: 'd.r', precision: 1, source: { file: 'x', line: 1, column: 1 } }] as const;
    expect(withComputedRates({ d: { m: 52, r: 55, rate: 95 } }, relations)).toEqual({ d: { m: 52, r: 55, rate: 95 } });
    expect(withComputedRates({ d: { m: 52 } }, relations)).toEqual({ d: { m: 52 } });
    expect(withComputedRates({ d: { m: 52, r: 0 } }, relations)).toEqual({ d: { m: 52, r: 0 } });
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';

const figuresOf = async (files: Record<string, string>) => {
  const built = await buildReport(hostOf(files), session, ['json']);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return JSON.parse(new TextDecoder().decode(built.outputs.get('json')));
};

describe('build -f json: every figure, computed or not, and where the text prints it', () => {
  it('matches schemas/figures-output.schema.json', async () => {
    const out = await figuresOf(await exampleFiles());
    const schema = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'figures-output.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.report).toEqual({ title: '示例镇人民政府2024年法治政府建设年度报告', org: '示例镇人民政府', year: 2024, date: '2025-02-10' });
  });

  it('a figure of metrics.yaml: label and unit from the catalog, where it is written, every place it is printed', async () => {
    const files = await exampleFiles();
    const out = await figuresOf(files);
    const filed = out.figures.find((f: { id: string }) => f.id === 'enforcement.cases_filed');
    expect(filed).toMatchObject({ label: '行政执法立案', unit: '宗', value: 422, computed: false, source: { file: 'metrics.yaml', line: 19 } });
    // Printed in the sentence and in the table below it.
    expect(filed.uses.map((u: { line: number; printed: string }) => `${u.line}:${u.printed}`)).toEqual(['23:422宗', '27:422宗']);
    expect(files['metrics.yaml']!.split('\n')[18]).toContain('cases_filed: 422');
    // Every figure metrics.yaml writes is there, unprinted ones too (with no uses).
    const written = [...files['metrics.yaml']!.matchAll(/^ {2}(\w+): \d/gm)].length;
    expect(out.figures.filter((f: { computed: boolean }) => !f.computed)).toHaveLength(written);
  });

  it('computed figures: the catalog\'s rates, and what the text computes with {{pct}} and {{sum}}', async () => {
    const files = await exampleFiles();
    files['chapters/05-other.md'] = '---\nid: other\n---\n\n全年矛盾纠纷和信访合计{{sum disputes.received petitions.batches}}件。\n';
    const out = await figuresOf(files);
    const byId = new Map(out.figures.map((f: { id: string }) => [f.id, f]));
    expect(byId.get('disputes.rate')).toMatchObject({ label: '调解成功率', unit: '%', value: 97.1, computed: true, formula: { kind: 'rate', of: ['disputes.mediated', 'disputes.received'] }, uses: [] });
    expect(byId.get('pct disputes.mediated disputes.received')).toMatchObject({
      label: '调解成功率', unit: '%', value: 97.06, computed: true, formula: { kind: 'pct', of: ['disputes.mediated', 'disputes.received'] },
      uses: [{ file: 'chapters/01-measures.md', line: 35, expression: '{{pct disputes.mediated disputes.received}}', printed: '97.06%' }],
    });
    expect(byId.get('sum disputes.received petitions.batches')).toMatchObject({ label: '排查受理矛盾纠纷 + 信访批次', unit: '', value: 416, computed: true, uses: [{ file: 'chapters/05-other.md', line: 5 }] });
  });
});

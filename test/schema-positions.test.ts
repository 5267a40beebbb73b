import { describe, expect, it } from 'vitest';
import { metricsSchemaRule } from '../src/check/rules/metrics-schema.js';
import { runRules } from '../src/check/run.js';
import { loadReport } from '../src/load/report.js';
import { builtins, session, exampleFiles, hostOf } from './helpers.js';
import { ruleTester } from './rule-tester.js';

ruleTester(metricsSchemaRule, {
  valid: [
    { name: 'the example figures match the catalog', files: {} },
    { name: 'flow style, a 0 count and a 100 percentage', files: { 'metrics.yaml': 'disputes: {received: 0, mediated: 0, rate: 100}\n' } },
  ],
  invalid: [
    {
      name: 'wrong type, negative count, fraction, percentage over 100 — each at its value',
      files: { 'metrics.yaml': 'disputes:\n  received: 六十八\n  mediated: -2\n  rate: 197.06\nhotline:\n  received: 38.5\n' },
      errors: [
        { file: 'metrics.yaml', line: 2, column: 13, message: /disputes\.received 应当是整数/ },
        { line: 3, column: 13, message: /disputes\.mediated 应当为 >= 0/ },
        { line: 4, column: 9, message: /disputes\.rate 应当为 <= 100/ },
        { line: 6, column: 13, message: /hotline\.received 应当是整数/ },
      ],
    },
    {
      name: 'unknown keys — Latin, Chinese, in flow style — at the key, with a did-you-mean',
      files: { 'metrics.yaml': 'disputes:\n  recieved: 68\n  调解成功: 66\nhotline: {received: 38, closd: 34}\npufa_: {}\n' },
      errors: [
        { line: 5, column: 1, message: /未知的键“pufa_”/ },
        { line: 2, column: 3, message: /未知的键“recieved”（位于 disputes）/ },
        { line: 3, column: 3, message: /未知的键“调解成功”/ },
        { line: 4, column: 25, message: /未知的键“closd”（位于 hotline）/ },
      ],
    },
    {
      name: 'figures uncommented under a group line still commented: unknown where YAML filed them, or silently counted there',
      files: { 'metrics.yaml': 'study:\n  central_group: 3\n# training:                 # 法治培训\n  participants: 120\n# petitions:\n#   batches:\n  persons: 30\n' },
      errors: [
        { line: 7, column: 3, message: /未知的键“persons”（位于 study）/ },
        { line: 4, column: 3, message: /“study\.participants”写在还是注释的“# training:”下面/ },
      ],
    },
    {
      name: 'full-width digits, plain and quoted, a rate with its full-width point',
      files: { 'metrics.yaml': 'petitions:\n  batches: １２\n  persons: "３０"\ndisputes:\n  received: 68\n  mediated: 66\n  rate: ９７．０６\n' },
      errors: [
        { line: 2, column: 12, message: /petitions\.batches 的“１２”是全角数字/ },
        { line: 3, column: 12, message: /petitions\.persons 的“３０”是全角数字/ },
        { line: 7, column: 9, message: /disputes\.rate 的“９７．０６”是全角数字/ },
      ],
      output: { 'metrics.yaml': 'petitions:\n  batches: 12\n  persons: 30\ndisputes:\n  received: 68\n  mediated: 66\n  rate: 97.06\n' },
    },
  ],
});

describe('schema errors carry a did-you-mean and map to YAML positions', () => {
  const metricsErrors = async (metrics: string, extra: Record<string, string> = {}) => {
    const files = { ...(await exampleFiles()), 'metrics.yaml': metrics, ...extra };
    const { source } = await loadReport(hostOf(files), session);
    return runRules(source!, [metricsSchemaRule]).map((d) => ({ line: d.line, column: d.column, hint: d.hint?.zh }));
  };

  it('suggests the nearest key, and explains a value with the catalog label and unit', async () => {
    expect(await metricsErrors('disputes:\n  recieved: 68\n')).toEqual([{ line: 2, column: 3, hint: '是不是“received”？' }]);
    expect(await metricsErrors('disputes:\n  mediated: 66件\n')).toEqual([{ line: 2, column: 13, hint: '调解成功（件）：非负整数' }]);
  });

  it('names the parent line still commented out, and offers the half-width digits', async () => {
    // The clerk's edit of init's metrics.yaml: `  batches: 12` uncommented, `# petitions:` not.
    const metrics = 'disputes:\n  received: 68\n\n# petitions:                # 信访\n  batches: 12               # 信访批次（批）\n';
    expect(await metricsErrors(metrics)).toEqual([{ line: 5, column: 3, hint: '它上一级的“petitions:”（第 4 行）还是注释：去掉那一行开头的“# ”，“batches”才属于 petitions。' }]);
    // At the top of the file YAML reads it as a group of its own: the same hint.
    expect(await metricsErrors('# petitions:\n  batches: 12\n')).toEqual([{ line: 2, column: 3, hint: '它上一级的“petitions:”（第 1 行）还是注释：去掉那一行开头的“# ”，“batches”才属于 petitions。' }]);
    // Uncommented as a whole, the group is fine; a commented sibling between real lines changes nothing.
    expect(await metricsErrors('petitions:\n#   batches:\n  persons: 30\n')).toEqual([]);
    expect(await metricsErrors('petitions:\n  batches: １２\n')).toEqual([{ line: 2, column: 12, hint: '改为半角数字 12（lawreport check --fix 会自动改正）。' }]);
  });

  it('accepts figures a report adds in its own catalog, Chinese labels and a custom range included', async () => {
    const catalog = 'groups:\n  - key: disputes\n    label: 矛盾纠纷\n    metrics:\n      - { key: villages, label: 涉及村居, unit: 个, type: count, maximum: 20 }\n';
    const config = (await exampleFiles())['lawreport.yaml'] + 'catalog: my-catalog.yaml\n';
    expect(await metricsErrors('disputes:\n  villages: 12\n', { 'my-catalog.yaml': catalog, 'lawreport.yaml': config })).toEqual([]);
    expect(await metricsErrors('disputes:\n  villages: 21\n', { 'my-catalog.yaml': catalog, 'lawreport.yaml': config })).toMatchObject([{ line: 2, column: 13 }]);
  });

  it('maps errors in nested and flow-style lawreport.yaml values', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] = 'org: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\noutput: {dir: dist, formats: [docx, pdfx]}\nfonts:\n  body: 仿宋\n  标题: 黑体\n';
    const { diagnostics } = await loadReport(hostOf(files), session);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['config-schema', 4, 37],
      ['config-schema', 7, 3],
    ]);
    expect(diagnostics[1]!.message.zh).toBe('未知的键“标题”（位于 fonts）。');
  });
});

describe('the metrics.yaml validator precompiled from the built-in catalog', () => {
  it('is the one a report without its own catalog uses, and reports what ajv at run time reports', async () => {
    const { createRequire } = await import('node:module');
    const { validateYaml } = await import('../src/validate/schema.js');
    const { configSchema } = await import('../src/load/report.js');
    const { parseYaml } = await import('../src/source/yaml.js');
    const { source } = await loadReport(hostOf(await exampleFiles()), session);
    const schema = source!.metricsSchema;
    const precompiled = createRequire(import.meta.url)('../lib/validate/precompiled/metrics.schema.cjs') as { schemaText: string };
    expect(precompiled.schemaText).toBe(JSON.stringify(schema));
    const doc = parseYaml('disputes:\n  recieved: 68\n  mediated: -1\n  rate: 101\n', 'metrics.yaml').doc!;
    const fast = validateYaml(doc, schema, configSchema, session.validators);
    expect(fast).toHaveLength(3);
    expect(fast).toEqual(validateYaml(doc, { ...schema, $comment: 'forces compilation' }, configSchema, session.validators));
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/import/import-report.js';
import { builtinCatalog, builtinProfile } from '../src/init/builtins.js';
import type { Catalog, Profile } from '../src/model.js';
import { checkReport } from '../src/pipeline/build.js';
import { outputFormat } from '../src/render/registry.js';
import { builtins, session, hostOf } from './helpers.js';

/** Body text of a report: prose, figure phrases, and whatever Markdown or Handlebars would read as syntax. */
const paragraph = fc
  .array(
    fc.oneof(
      fc.constantFrom('全年', '化解矛盾纠纷', '调解成功率达', '受理12345热线工单', '接待来访群众', '发放普法资料', '党委中心组学法', '，', '。', '、'),
      fc.constantFrom('1420件', '94.5%', '2254宗', '348批', '657人次', '1000余份', '7次', '95.0%', '３件', '20多场'),
      fc.constantFrom('*', '_', '`', '[', ']', '<', '>', '#', '|', '~', '\\', '{{', '}}', '{{#each x}}', '\\{{', '1. ', '- ', '<!--', '-->', '&amp;'),
      fc.constantFrom('法', '治', '政', '府', '（', '）', '“', '”', ' '),
    ),
    { minLength: 1, maxLength: 25 },
  )
  .map((parts) => parts.join('').trim())
  .filter((p) => /[\u4e00-\u9fff]/.test(p));

/** A report in the shape the importer expects, with random paragraphs in every chapter. */
/** A paragraph, or a sub-heading (short or run-in) with any of the typed numberings. */
const block = fc.tuple(fc.constantFrom('', '', '（一）', '(二)', '1、', '2.', '（1）'), paragraph).map(([number, text]) => number + text);

const report = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.array(block, { minLength: 1, maxLength: 3 })).map(([measures, rest]) =>
  [
    '示例镇人民政府2024年法治政府建设年度报告',
    '一、主要工作',
    ...measures,
    '二、主要负责人履行推进法治建设第一责任人职责情况',
    '镇长带头学法。',
    '三、存在的不足和原因',
    ...rest,
    '四、下一步打算',
    '继续推进。',
    '示例镇人民政府',
    '2025年2月10日',
  ].join('\n'),
);

describe('import, then compile: any report text', () => {
  let profile: Profile;
  let catalog: Catalog;
  beforeAll(async () => {
    [profile, catalog] = await Promise.all([builtinProfile(builtins, 'national'), builtinCatalog(builtins)]);
  });

  /**
   * The imported folder compiled and rendered as text. Findings about the report's content (two
   * different numbers for one figure) may be errors; a chapter that does not compile may not.
   */
  const textOf = async (source: string, templateFigures: boolean) => {
    const imported = await importReport(new TextEncoder().encode(source), { file: 'r.txt', profile, profileName: 'national', catalog, templateFigures });
    expect(imported.files, JSON.stringify(imported.diagnostics)).toBeDefined();
    const checked = await checkReport(hostOf(imported.files!), session);
    const broken = checked.diagnostics.filter((d) => d.severity === 'error' && /^(?:template|markdown|yaml|config|front-matter)-/.test(d.ruleId));
    expect(broken, JSON.stringify(broken.map((d) => [d.ruleId, d.message.en]))).toEqual([]);
    expect(checked.document).toBeDefined();
    return new TextDecoder().decode(await outputFormat('txt')!.render(checked.document!, {}));
  };

  it('compiles, and --template-figures prints exactly what the literals print', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (source) => {
        const literal = await textOf(source, false);
        expect(await textOf(source, true)).toBe(literal);
      }),
      { numRuns: 150 },
    );
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chapterDuplicate } from '../src/check/rules/chapter-duplicate.js';
import { chapterEmpty } from '../src/check/rules/chapter-empty.js';
import { chapterMissing } from '../src/check/rules/chapter-missing.js';
import { chapterOrder } from '../src/check/rules/chapter-order.js';
import { chapterPartUntitled } from '../src/check/rules/chapter-part-untitled.js';
import { chapterPlaceholder } from '../src/check/rules/chapter-placeholder.js';
import { chapterUnknown } from '../src/check/rules/chapter-unknown.js';
import { configUnknownRule } from '../src/check/rules/config-unknown-rule.js';
import { metricRequired } from '../src/check/rules/metric-required.js';
import { sectionMissing } from '../src/check/rules/section-missing.js';
import { repoRoot } from './helpers.js';
import { ruleTester } from './rule-tester.js';

const CONFIG = 'org: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\n';
const gangyao = `profile: gangyao-2021\n${CONFIG}`;
const gangyaoMeasures = readFileSync(path.join(repoRoot, 'test/fixtures/gangyao-measures.md'), 'utf8');

ruleTester(chapterMissing, {
  valid: [
    { name: 'the example has every required chapter', files: {} },
    { name: 'the optional chapter "other" may be absent, and a chapter may be found by its Chinese file name', files: { 'chapters/04-next-year.md': null, 'chapters/04-下一步打算.md': '明年的安排。' } },
  ],
  invalid: [
    {
      name: 'the first-responsible chapter is missing: reported at the profile line, related to the profile definition',
      files: { 'chapters/03-first-responsible.md': null },
      errors: [{ file: 'lawreport.yaml', line: 2, column: 1, message: /第一责任人.*first-responsible/, related: 1 }],
    },
    {
      name: 'two chapters are missing, with no profile key the position is the top of lawreport.yaml',
      files: { 'lawreport.yaml': CONFIG, 'chapters/02-shortcomings.md': null, 'chapters/04-next-year.md': null },
      errors: [{ line: 1, column: 1, message: /shortcomings/ }, { message: /next-year/ }],
    },
  ],
});

ruleTester(chapterUnknown, {
  valid: [
    { name: 'a preface and the outline chapters', files: {} },
    { name: 'front matter id wins over the file name', files: { 'chapters/05-misc.md': '---\nid: other\n---\n其他情况。' } },
  ],
  invalid: [
    {
      name: 'a file named after no chapter',
      files: { 'chapters/05-extra.md': '正文。' },
      errors: [{ file: 'chapters/05-extra.md', line: 1, column: 1, message: /“extra”不在提纲/ }],
    },
    {
      name: 'a misspelt id gets a suggestion',
      files: { 'chapters/05-x.md': '---\nid: shortcomming\n---\n正文。' },
      errors: [{ file: 'chapters/05-x.md', message: /shortcomming/ }],
    },
  ],
});

ruleTester(chapterDuplicate, {
  valid: [
    { name: 'one file per chapter', files: {} },
    { name: 'measures may span several themed chapters', files: { 'chapters/01b-more.md': '---\nid: measures\ntitle: 优化法治化营商环境\n---\n更多。' } },
  ],
  invalid: [
    {
      name: 'two files claim the shortcomings',
      files: { 'chapters/02b-more.md': '---\nid: shortcomings\n---\n更多。' },
      errors: [{ file: 'chapters/02b-more.md', message: /shortcomings/, related: 1 }],
    },
  ],
});

ruleTester(chapterPartUntitled, {
  valid: [
    { name: 'one file per chapter', files: {} },
    { name: 'one part prints the outline title, the other has its own', files: { 'chapters/01b-more.md': '---\nid: measures\ntitle: 优化法治化营商环境\n---\n更多。' } },
  ],
  invalid: [
    {
      name: 'two parts of the measures without a title',
      files: { 'chapters/01b-more.md': '---\nid: measures\n---\n更多。' },
      errors: [{ file: 'chapters/01b-more.md', message: /写成了 2 章.*没有自己的标题/ }],
    },
  ],
});

ruleTester(chapterEmpty, {
  valid: [
    { name: 'every example chapter has text', files: {} },
    { name: 'a chapter of one image is not empty', files: { 'chapters/05-other.md': '![合影](images/a.png)\n' } },
    { name: 'a chapter of one reference-style image is not empty', files: { 'chapters/05-other.md': '![合影][合影]\n\n[合影]: images/a.png\n' } },
  ],
  invalid: [
    {
      name: 'a chapter of headings only',
      files: { 'chapters/02-shortcomings.md': '---\nid: shortcomings\n---\n\n## 存在的不足\n\n## 原因\n' },
      errors: [{ file: 'chapters/02-shortcomings.md', line: 5, column: 1, message: /shortcomings.*没有正文/ }],
    },
    {
      name: 'a chapter holding nothing but comments and blank lines',
      files: { 'chapters/05-other.md': '\n<!-- 以后再写 -->\n\n{{!-- 待定 --}}\n' },
      errors: [{ file: 'chapters/05-other.md', message: /other/ }],
    },
  ],
});

ruleTester(chapterPlaceholder, {
  valid: [
    { name: 'the example has no placeholders', files: {} },
    { name: 'notes in comments and Latin words with xx are allowed', files: { 'chapters/05-other.md': '<!-- TODO: 核对数字 -->\n{{! 待补充 }}\n用 xxhash 校验，box 模型排版。\n' } },
    // Found importing the 2022 Tanbu report: 「有待完善」 is prose ("remains to be improved"), not a placeholder.
    { name: 'prose saying something remains to be done is not a placeholder', files: { 'chapters/05-other.md': '机制有待完善，数据尚待核实，制度仍待完善，问题亟待完善。\n' } },
  ],
  invalid: [
    {
      name: 'XX, 【…】 and 待补充 left from a template, each with its line and column',
      files: { 'chapters/05-other.md': '全年受理XX件，\n调解成功【待补充】件。\n其余情况待补充。\n' },
      errors: [
        { file: 'chapters/05-other.md', line: 1, column: 5, message: /“XX”/ },
        { line: 2, column: 5, message: /“【待补充】”/ },
        { line: 3, column: 5, message: /“待补充”/ },
      ],
    },
    {
      name: 'an optional chapter (the preface, 其他需要报告的情况) says it is optional; a required one does not',
      files: { 'chapters/00-preface.md': '待补充。\n', 'chapters/02-shortcomings.md': '---\nid: shortcomings\n---\n\n待补充。\n', 'chapters/05-other.md': '待补充。\n' },
      errors: [
        { file: 'chapters/00-preface.md', line: 1, column: 1, message: /^占位文字“待补充”还没有替换；这一章是可选的。$/ },
        { file: 'chapters/02-shortcomings.md', line: 5, column: 1, message: /^占位文字“待补充”还没有替换。$/ },
        { file: 'chapters/05-other.md', line: 1, column: 1, message: /^占位文字“待补充”还没有替换；这一章是可选的。$/ },
      ],
    },
    {
      name: 'a template leftover in the printed fields of lawreport.yaml',
      files: { 'lawreport.yaml': 'org: XX镇人民政府\nyear: 2024\ndate: 2025-02-10\nsignature: [中共XX镇委员会, "【单位名称】"]\n' },
      errors: [
        { file: 'lawreport.yaml', line: 1, column: 6, message: /“XX”/ },
        { file: 'lawreport.yaml', line: 4, column: 15, message: /“XX”/ },
        { file: 'lawreport.yaml', line: 4, column: 24, message: /“【单位名称】”/ },
      ],
    },
    {
      name: 'TODO and full-width ×××',
      files: { 'chapters/05-other.md': 'TODO 补写\n×××村调解组织\n' },
      errors: [{ line: 1, column: 1 }, { line: 2, column: 1, message: /×××/ }],
    },
  ],
});

ruleTester(chapterOrder, {
  valid: [
    { name: 'files follow the outline', files: {} },
    { name: 'the preface may sort anywhere', files: { 'chapters/00-preface.md': null, 'chapters/99-preface.md': '---\nid: preface\n---\n引言。' } },
  ],
  invalid: [
    {
      name: 'the first-responsible chapter filed first, as some reports do',
      files: {
        'chapters/03-first-responsible.md': null,
        'chapters/00a-first-responsible.md': '---\nid: first-responsible\n---\n主要负责人履职情况。',
      },
      errors: [
        { file: 'chapters/01-measures.md', message: /measures.*first-responsible/, related: 1 },
        { file: 'chapters/02-shortcomings.md' },
      ],
    },
  ],
});

ruleTester(sectionMissing, {
  valid: [
    { name: 'the national profile asks for no sections', files: {} },
    { name: 'gangyao-2021 with every area of the 纲要 as a section, titles as real reports word them', files: { 'lawreport.yaml': gangyao, 'chapters/01-measures.md': gangyaoMeasures } },
    {
      name: 'gangyao-2021 over measures written as two themed chapters: sections are looked for across both, a part\'s title counts as one',
      files: {
        'lawreport.yaml': gangyao,
        'chapters/01-measures.md': gangyaoMeasures.replace(/## 依法应对重大突发事件情况[\s\S]*$/, ''),
        'chapters/01-measures-2.md': '---\nid: measures\ntitle: 依法应对重大突发事件\n---\n\n正文。\n\n' + gangyaoMeasures.replace(/^[\s\S]*(?=## 依法化解社会矛盾纠纷情况)/, ''),
      },
    },
  ],
  invalid: [
    {
      name: 'gangyao-2021 over a measures chapter lacking the 突发事件 and 数字法治政府 sections',
      files: {
        'lawreport.yaml': gangyao,
        'chapters/01-measures.md': gangyaoMeasures.replace(/## 依法应对重大突发事件情况\n\n.*\n/, '').replace(/## 打造数字法治政府情况\n\n.*\n/, ''),
      },
      errors: [
        { file: 'chapters/01-measures.md', line: 5, column: 1, message: /缺少提纲要求的小节“健全突发事件应对体系”/, related: 1 },
        { message: /全面建设数字法治政府/ },
      ],
    },
    {
      name: 'a custom profile with a required third-level section',
      files: {
        'lawreport.yaml': `profile: outline.yaml\n${CONFIG}`,
        'outline.yaml': 'id: town\nname: 某市镇街提纲\nchapters:\n  - $ref: "national#/chapters/0"\n    sections:\n      - id: decisions\n        title: 规范重大行政决策\n        required: true\n        sections:\n          - { id: review, title: 合法性审查, required: true }\n  - $ref: "national#/chapters/1"\n  - $ref: "national#/chapters/2"\n  - $ref: "national#/chapters/3"\n',
        'chapters/01-measures.md': '## 规范重大行政决策\n\n### 落实决策程序\n\n正文。\n',
      },
      errors: [{ file: 'chapters/01-measures.md', line: 1, column: 1, message: /“规范重大行政决策”缺少.*“合法性审查”/ }],
    },
  ],
});

ruleTester(metricRequired, {
  valid: [
    { name: 'gangyao-2021: the enforcement and disputes sections cite their figures', files: { 'lawreport.yaml': gangyao, 'chapters/01-measures.md': gangyaoMeasures } },
  ],
  invalid: [
    {
      name: 'the enforcement section states no figure',
      files: { 'lawreport.yaml': gangyao, 'chapters/01-measures.md': gangyaoMeasures.replace(/全年立案.*\n/, '全年查处了一批案件。\n') },
      errors: [
        { file: 'chapters/01-measures.md', line: 21, column: 1, message: /行政执法立案（enforcement\.cases_filed）/ },
        { file: 'chapters/01-measures.md', line: 21, message: /enforcement\.cases_closed/ },
      ],
    },
    {
      name: 'a required figure absent from metrics.yaml is reported there',
      files: {
        'lawreport.yaml': gangyao,
        'chapters/01-measures.md': gangyaoMeasures,
        'metrics.yaml': 'enforcement:\n  cases_filed: 422\n  cases_closed: 338\ndisputes:\n  received: 68\n',
      },
      errors: [{ file: 'metrics.yaml', line: 4, column: 1, message: /调解成功（disputes\.mediated）.*metrics\.yaml 中没有/ }],
    },
  ],
});

ruleTester(configUnknownRule, {
  valid: [
    { name: 'no rules settings', files: {} },
    { name: 'known rules set to any level', files: { 'lawreport.yaml': `${CONFIG}rules:\n  chapter-order: off\n  heading-typed-number: warning\n` } },
  ],
  invalid: [
    {
      name: 'a misspelt rule id gets a did-you-mean at its line',
      files: { 'lawreport.yaml': `${CONFIG}rules:\n  chapter-oder: off\n` },
      errors: [{ file: 'lawreport.yaml', line: 5, column: 3, message: /没有名为“chapter-oder”的规则/ }],
    },
    {
      name: 'a rule the build stops on cannot be turned off',
      files: { 'lawreport.yaml': `${CONFIG}rules:\n  template-unknown-path: off\n` },
      errors: [{ line: 5, column: 3, message: /不能改变/ }],
    },
  ],
});

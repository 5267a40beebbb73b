import { listNumbering } from '../src/check/rules/list-numbering.js';
import { numberApproxRound } from '../src/check/rules/number-approx-round.js';
import { numberApproxStacked } from '../src/check/rules/number-approx-stacked.js';
import { numberNotationMixed } from '../src/check/rules/number-notation-mixed.js';
import { numberRangeUnit } from '../src/check/rules/number-range-unit.js';
import { punctuationHalfwidth } from '../src/check/rules/punctuation-halfwidth.js';
import { termFazhiban } from '../src/check/rules/term-fazhiban.js';
import { termFazhiZhengfu } from '../src/check/rules/term-fazhi-zhengfu.js';
import { OTHER, other } from './example-text.js';
import { ruleTester } from './rule-tester.js';


ruleTester(termFazhiZhengfu, {
  valid: [
    { name: 'the example says 法治政府 throughout', files: {} },
    { name: '法制审核 (a current term) and a quoted old title are left alone', files: other('落实重大执法决定法制审核制度，学习《关于加快法制政府建设的意见》原文。') },
    { name: 'inside code', files: other('系统中的字段名为 `法制政府`。') },
  ],
  invalid: [
    {
      name: '法制政府 in the prose, fixed to 法治政府',
      files: other('全面推进法制政府建设。\n'),
      errors: [{ file: OTHER, line: 1, column: 5, message: /应为“法治政府”/ }],
      output: { [OTHER]: '全面推进法治政府建设。\n' },
    },
    {
      name: 'in a heading and next to a template figure, after front matter',
      files: other('---\nid: other\n---\n\n## 法制政府示范创建\n\n法制政府{{fig pufa.lectures}}。\n'),
      errors: [{ line: 5, column: 4 }, { line: 7, column: 1 }],
      output: { [OTHER]: '---\nid: other\n---\n\n## 法治政府示范创建\n\n法治政府{{fig pufa.lectures}}。\n' },
    },
  ],
});

ruleTester(termFazhiban, {
  valid: [{ name: '司法所 does the work now', files: other('合同由镇司法所审核。') }],
  invalid: [
    { name: '镇法制办 is gone since 2018', files: other('合同由镇法制办审核。'), errors: [{ line: 1, column: 5, message: /法制办.*2018/ }] },
    { name: '法制办公室 too', files: other('原政府法制办公室的职责。'), errors: [{ message: /法制办公室/ }] },
  ],
});

ruleTester(punctuationHalfwidth, {
  valid: [
    { name: 'full-width punctuation', files: other('全年受理68件，调解成功66件（含诉前调解）。') },
    { name: 'figures and English keep half-width: 1,200, 10:30, (GB/T 9704)', files: other('发放资料1,200份，10:30开始，参照 GB/T 9704 (2012) 排版。') },
    { name: 'link targets, code and {{pct … digits=1}} are not prose', files: other('见[网站](https://example.org/a,b)和`a,b`，办结率{{pct hotline.closed hotline.received digits=1}}。') },
    { name: 'quoted titles are never touched', files: other('学习《关于(试行)的通知》。') },
  ],
  invalid: [
    {
      name: 'a comma and a bracket pair in Chinese text',
      files: other('全年受理68件,调解成功66件(含诉前调解)。\n'),
      errors: [{ column: 8, message: /半角“,”应为全角“，”/ }, { column: 16, message: /“\(”/ }, { column: 22, message: /“\)”/ }],
      output: { [OTHER]: '全年受理68件，调解成功66件（含诉前调解）。\n' },
    },
    {
      name: 'a colon and semicolon after Chinese, next to a template figure',
      files: other('主要做法:一是建台账;二是{{fig pufa.lectures}};\n'),
      errors: [{ column: 5 }, { column: 11 }, { column: 35 }],
      output: { [OTHER]: '主要做法：一是建台账；二是{{fig pufa.lectures}}；\n' },
    },
  ],
});

ruleTester(numberApproxRound, {
  valid: [
    { name: '20余次 and 1000余份 are round', files: other('开展学法20余次，发放资料1000余份，10多年来坚持。') },
    { name: 'an exact figure', files: other('开展普法讲座9场。') },
  ],
  invalid: [
    { name: '9余场', files: other('开展普法讲座9余场。'), errors: [{ column: 7, message: /“9余”/ }] },
    { name: '38多件', files: other('受理38多件。'), errors: [{ message: /38多/ }] },
  ],
});

ruleTester(numberApproxStacked, {
  valid: [{ name: 'one approximation each', files: other('参加群众约1000人，另有1000多人观看直播，时长2小时左右。') }],
  invalid: [
    { name: '约1000多人', files: other('参加群众约1000多人。'), errors: [{ column: 5, message: /约.*多/ }] },
    { name: '近50余次 and 约3万左右', files: other('近50余次，约3万左右。'), errors: [{ column: 1 }, { column: 7 }] },
  ],
});

ruleTester(numberRangeUnit, {
  valid: [{ name: 'both units written', files: other('降幅在15%～30%之间，时间为2021—2025年。') }],
  invalid: [
    {
      name: '15～30% gets the first %',
      files: other('降幅在15～30%之间，增幅为5至8‰。\n'),
      errors: [{ column: 4, message: /15～30%/ }, { column: 16 }],
      output: { [OTHER]: '降幅在15%～30%之间，增幅为5‰至8‰。\n' },
    },
  ],
});

ruleTester(listNumbering, {
  valid: [
    { name: 'the example uses 1. lists', files: {} },
    { name: '一、 with a Chinese numeral, and 1、 inside a sentence', files: other('一、总体情况\n\n分为1、2两个批次。') },
  ],
  invalid: [
    {
      name: 'items opened with 1、 become a Markdown list',
      files: other('主要做法有：\n\n1、培育“法律明白人”58名；\n2、创建民主法治示范村3个。\n'),
      errors: [{ line: 3, column: 1, message: /“1、”应为“1\.”/ }, { line: 4, column: 1 }],
      output: { [OTHER]: '主要做法有：\n\n1. 培育“法律明白人”58名；\n2. 创建民主法治示范村3个。\n' },
    },
  ],
});

ruleTester(numberNotationMixed, {
  valid: [
    { name: 'one notation for each family; years and 12345 are not counts', files: other('发放资料1200份，覆盖3500人，化解率95%，办结率100%，2024年，12345热线。') },
    { name: 'separators used throughout', files: other('发放资料1,200份，覆盖3,500人。') },
  ],
  invalid: [
    {
      name: '1,200 among plain large numbers, pointing at the first plain one',
      files: other('发放资料1,200份，覆盖3500人，服务2100人次。'),
      errors: [{ column: 5, message: /“1,200”.*带千位分隔符.*不带分隔符/, related: 1 }],
    },
    { name: '百分之九十五 beside 95%', files: other('化解率95%，满意度达百分之九十五。'), errors: [{ column: 12, message: /百分之九十五/ }] },
  ],
});

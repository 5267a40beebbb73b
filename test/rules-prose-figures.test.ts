import { figureYoyChange } from '../src/check/rules/figure-yoy-change.js';
import { proseFigureLiteral } from '../src/check/rules/prose-figure-literal.js';
import { proseFigureMismatch } from '../src/check/rules/prose-figure-mismatch.js';
import { exampleText, metricsWith, OTHER, other } from './example-text.js';
import { ruleTester } from './rule-tester.js';


/** Sentences that hold numbers which are not figures: none may be taken for one. */
const NOT_FIGURES = [
  '2024年3月15日，依据《行政处罚法》第三十二条和第32条，按照〔2024〕5号文件，调解成功的第3件案例入选。',
  '开通12345热线和咨询电话6933148，法律咨询电话0760-6933148，受理工单号20240315。',
  '“八五”普法第4年，法治讲座于10月9日举办，第2场法治讲座在9号楼。',
].join('\n\n');

ruleTester(proseFigureMismatch, {
  valid: [
    { name: 'the example writes every figure as {{fig …}}', files: {} },
    { name: 'years, dates, article, phone and document numbers and ordinals', files: other(NOT_FIGURES) },
    { name: 'literal figures that agree: 调成66件, 化解率97.06%, 调解成功率97.1%', files: other('调成66件，调解成功率97.1%，化解率97.06%。') },
    { name: 'a sub-category after 其中 is not the total', files: other('全年立案{{fig enforcement.cases_filed}}，其中安全生产领域立案51宗。') },
    {
      name: 'sub-categories as real reports write them: a field, a joint campaign, the villages',
      files: other('安全生产领域立案51宗，结案38宗；共联动调处矛盾纠纷36起，调处成功36起，调解成功率达100%。各村居法律顾问给群众提供法律服务392件次。'),
    },
    { name: 'a change after the figure is not the figure: 工单同比上升84.15%', files: other('热线工单同比上升84.15%。') },
    { name: 'a unit that does not fit: 开庭3天 is not a count of hearings', files: other('集中开庭3天。') },
  ],
  invalid: [
    {
      name: '化解矛盾纠纷1420件，化解率95%: both against metrics.yaml, with the yaml location',
      files: other('化解矛盾纠纷1420件，化解率95%。'),
      errors: [
        { file: OTHER, line: 1, column: 7, message: /“化解矛盾纠纷”后写 1420件，而 metrics\.yaml 中 调解成功（disputes\.mediated） 为 66件/, related: 1 },
        { line: 1, column: 16, message: /化解率.*95%.*97%/ },
      ],
    },
    {
      name: 'a rate computed from its parts when metrics.yaml gives none: 52/55 is 94.5, not 95.0',
      files: {
        ...metricsWith(/disputes:.*\n(?:  .*\n){2}/, 'disputes:\n  received: 55\n  mediated: 52\n'),
        [OTHER]: '调解成功率95.0%，调解成功率94.5%。',
      },
      errors: [{ column: 6, message: /95\.0%.*94\.5%（由分子分母算出）/, related: 2 }],
    },
    { name: 'a 起 counts like a 件', files: other('排查受理矛盾纠纷70起。'), errors: [{ column: 9, message: /70件.*68件/ }] },
  ],
});

ruleTester(proseFigureLiteral, {
  valid: [
    { name: 'template references', files: {} },
    { name: 'a literal that differs is the mismatch rule\'s business', files: other('调解成功70件。') },
  ],
  invalid: [
    {
      name: '调解成功66件 and 办结率89.5% could be references',
      files: other('调解成功66件，办结率89.5%。'),
      errors: [{ column: 5, message: /\{\{fig disputes\.mediated\}\}/ }, { column: 12, message: /\{\{pct hotline\.closed hotline\.received digits=1\}\}/ }],
    },
  ],
});

const hotline = (received: number, closed: number, inProgress: number) =>
  metricsWith(/hotline:\n(?:  .*\n){3}/, `hotline:\n  received: ${received}\n  closed: ${closed}\n  in_progress: ${inProgress}\n`);
const lastYear = (metrics: string) => ({
  'lawreport.yaml': exampleText('lawreport.yaml') + 'previous: ../shilizhen-2023/metrics.yaml\n',
  '../shilizhen-2023/metrics.yaml': metrics,
});

ruleTester(figureYoyChange, {
  valid: [
    {
      name: '12345 工单 2254 宗，同比上升 84.15% over 1224',
      files: { ...hotline(2254, 2200, 54), ...lastYear('hotline:\n  received: 1224\n'), ...other('受理工单{{fig hotline.received}}，同比上升84.15%。') },
    },
    { name: 'without previous: nothing to recompute', files: { ...hotline(2254, 2200, 54), ...other('受理工单{{fig hotline.received}}，同比上升48.15%。') } },
  ],
  invalid: [
    {
      name: 'digits swapped: 48.15% for 84.15%, with last year\'s location',
      files: { ...hotline(2254, 2200, 54), ...lastYear('# 2023\nhotline:\n  received: 1224\n'), ...other('受理工单{{fig hotline.received}}，同比上升48.15%。') },
      errors: [{ file: OTHER, line: 1, column: 34, message: /同比应为上升 84\.15%.*1224 到 2254/, related: 2 }],
    },
    {
      name: 'the wrong direction, on a literal figure',
      files: { ...hotline(2254, 2200, 54), ...lastYear('hotline:\n  received: 1224\n'), ...other('热线工单2254宗，同比下降84.15%。') },
      errors: [{ message: /应为上升 84\.15%.*正文写下降/ }],
    },
  ],
});

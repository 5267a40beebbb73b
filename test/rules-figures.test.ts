import { figurePartWhole } from '../src/check/rules/figure-part-whole.js';
import { figurePercentRange } from '../src/check/rules/figure-percent-range.js';
import { figureRate } from '../src/check/rules/figure-rate.js';
import { figureRateUnverifiable } from '../src/check/rules/figure-rate-unverifiable.js';
import { figureSum } from '../src/check/rules/figure-sum.js';
import { figureYoyJump } from '../src/check/rules/figure-yoy-jump.js';
import { exampleText, metricsWith } from './example-text.js';
import { ruleTester } from './rule-tester.js';

// Real figures from published reports (DOMAIN.md): 调成 66 of 排查 68; 结案 338 of 立案 422;
// 安全生产 51 within 422; 开庭 21 of 收案 30, 出庭 12; 被纠错 1 of 复议 2; 657 人次 ≥ 348 批;
// 12345 受理 38 = 办结 34 + 在办 4; 52/55 = 94.55%.

ruleTester(figurePartWhole, {
  valid: [
    { name: 'the example: 66 of 68, 338 of 422, 51 of 422, 21 of 30, 12 of 21, 1 of 2, 348 批 / 657 人次', files: {} },
    { name: 'a part equal to its whole is fine (every dispute mediated)', files: metricsWith('mediated: 66', 'mediated: 68') },
  ],
  invalid: [
    {
      name: 'mediated 70 > received 68, with both locations',
      files: metricsWith('mediated: 66', 'mediated: 70'),
      errors: [{ file: 'metrics.yaml', line: 34, column: 13, message: /调解成功（disputes\.mediated） 70 大于 排查受理矛盾纠纷（disputes\.received） 68/, related: 1 }],
    },
    {
      name: 'cases closed 438 > filed 422',
      files: metricsWith('cases_closed: 338', 'cases_closed: 438'),
      errors: [{ line: 20, message: /438 大于.*422/ }],
    },
    {
      name: 'head appearances 22 > hearings 21 (and hearings still ≤ received)',
      files: metricsWith('head_appearances: 12', 'head_appearances: 22'),
      errors: [{ message: /负责人出庭应诉.*22 大于 行政诉讼开庭.*21/ }],
    },
    {
      name: 'persons fewer than batches (348 批 but 300 人次)',
      files: metricsWith('persons: 657', 'persons: 300'),
      errors: [{ message: /信访批次.*348 大于 信访人次.*300/ }],
    },
  ],
});

ruleTester(figureSum, {
  valid: [
    { name: '38 = 34 + 4', files: {} },
    { name: 'a part missing: nothing to add up', files: metricsWith(/  in_progress: 4 .*\n/, '') },
  ],
  invalid: [
    {
      name: '38 ≠ 34 + 5, pointing at the total and both parts',
      files: metricsWith('in_progress: 4', 'in_progress: 5'),
      errors: [{ file: 'metrics.yaml', line: 39, message: /12345热线受理.*38 不等于.*34 \+ 5 = 39/, related: 2 }],
    },
  ],
});

const disputes = (received: number, mediated: number, rate: string) =>
  metricsWith(/disputes:.*\n(?:  .*\n){2}/, `disputes:\n  received: ${received}\n  mediated: ${mediated}\n  rate: ${rate}\n`);

ruleTester(figureRate, {
  valid: [
    { name: '66/68 stated as 97.06', files: disputes(68, 66, '97.06') },
    { name: 'the example leaves the rate out: nothing to compare', files: {} },
    { name: '52/55 stated as 94.5 (one decimal place)', files: disputes(55, 52, '94.5') },
    { name: '52/55 stated as 94.55', files: disputes(55, 52, '94.55') },
    { name: 'no denominator: nothing to recompute here', files: metricsWith(/  received: 68 .*\n/, '') },
  ],
  invalid: [
    {
      name: '52/55 stated as 95 is wrong at one decimal place',
      files: disputes(55, 52, '95'),
      errors: [{ file: 'metrics.yaml', line: 35, column: 9, message: /写作 95%，但 52 ÷ 55 = 94\.5%/, related: 2 }],
    },
    { name: '52/55 stated as 94.6 is wrong', files: disputes(55, 52, '94.6'), errors: [{ message: /94\.5%/ }] },
    { name: '66/68 stated as 97.1 at two written places: 97.06 expected', files: disputes(68, 66, '97.10'), errors: [{ message: /97\.06%/ }] },
  ],
});

ruleTester(figureRateUnverifiable, {
  valid: [{ name: 'the rate has both parts', files: disputes(68, 66, '97.06') }, { name: 'no rate written', files: {} }],
  invalid: [
    {
      name: '化解率 95% with no received count',
      files: metricsWith(/disputes:.*\n(?:  .*\n){2}/, 'disputes:\n  mediated: 1420\n  rate: 95\n'),
      errors: [{ line: 34, message: /无法核对：metrics\.yaml 中没有 disputes\.received/, related: 1 }],
    },
  ],
});

ruleTester(figurePercentRange, {
  valid: [{ name: 'filing rate 100', files: {} }],
  invalid: [{ name: 'filing rate 1000', files: metricsWith('filing_rate: 100', 'filing_rate: 1000'), errors: [{ line: 14, message: /1000%/ }] }],
});

const withPrevious = (previousMetrics: string, options = '') => ({
  'lawreport.yaml': exampleText('lawreport.yaml') + `previous: ../shilizhen-2023\n${options}`,
  '../shilizhen-2023/metrics.yaml': previousMetrics,
});

ruleTester(figureYoyJump, {
  valid: [
    { name: 'no previous year configured', files: {} },
    {
      name: '12345 工单 1224 → 2254 (同比上升 84.15%) is a real change',
      files: { ...withPrevious('hotline:\n  received: 1224\n'), ...metricsWith(/hotline:\n(?:  .*\n){3}/, 'hotline:\n  received: 2254\n  closed: 2250\n  in_progress: 4\n') },
    },
    { name: 'small counts may swing: 0 → 1 lawsuit lost', files: withPrevious('litigation:\n  lost: 1\n') },
    {
      name: 'a larger factor configured in lawreport.yaml',
      files: withPrevious('pufa:\n  materials: 120\n', 'rules:\n  figure-yoy-jump: [warning, { factor: 20 }]\n'),
    },
    { name: 'a larger factor given as the case\'s options', files: withPrevious('pufa:\n  materials: 120\n'), options: { factor: 20 } },
  ],
  invalid: [
    {
      name: 'leaflets 120 → 1200: a digit too many, with last year\'s location',
      files: withPrevious('# 2023\npufa:\n  materials: 120\n'),
      errors: [{ file: 'metrics.yaml', line: 46, message: /发放普法资料.*从上年的 120 变为 1200/, related: 1 }],
    },
    {
      name: 'a smaller minimum given as options makes small counts count',
      files: withPrevious('litigation:\n  lost: 1\n'),
      options: { minimum: 0, factor: 2 },
      errors: [{ file: 'metrics.yaml', message: /从上年的 1 变为 0/ }],
    },
  ],
});


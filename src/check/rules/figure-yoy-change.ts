import { loc } from '../../diagnostics/diagnostic.js';
import { changePercent } from '../../rate.js';
import { decimalsOf, figureIn, named, rateHolds, relatedTo } from '../figures.js';
import { locate } from '../prose.js';
import { metricValue, proseFigures } from '../prose-figures.js';
import type { Rule } from '../rule.js';

export const figureYoyChange: Rule = {
  meta: {
    id: 'figure-yoy-change',
    category: 'figures',
    severity: 'error',
    description: loc('正文写的同比变化与两年的数据重算结果不符。', 'A stated change over last year ("同比上升84.15%") differs from the two years\' figures.'),
    why: loc(
      '12345 工单 2254 宗、同比上升 84.15%，上年就应是 1224 宗。lawreport.yaml 的 previous: 指向上一年度的报告文件夹或 metrics.yaml 后，每个“同比上升/下降 X%”都按所写的小数位数重算。',
      '2254 tickets, up 84.15% year on year, means 1224 last year. With previous: in lawreport.yaml naming last year\'s folder or metrics.yaml, every "同比上升/下降 X%" is recomputed at the places written.',
    ),
    fix: loc('按提示改正百分比或方向（上升/下降），或核对两年的数据。', 'Correct the percentage or the direction (up/down) as suggested, or check both years\' figures.'),
    example: { bad: '<!-- 上年 hotline.received: 1224，本年 2254 -->\n受理工单2254宗，同比上升48.15%。', good: '受理工单2254宗，同比上升84.15%。' },
  },
  check({ source, views, report }) {
    const previous = source.previous;
    if (!previous) return;
    for (const f of proseFigures(source, views)) {
      if (!f.change || f.metric.type === 'percent') continue;
      const now = metricValue(source, f.metric.path);
      const before = figureIn(previous.metrics, previous.doc, f.metric.path, f.metric, previous.file);
      const exact = now && before ? changePercent(now.value, before.value) : undefined;
      if (!now || !before || exact === undefined) continue;
      const digits = decimalsOf(f.change.written);
      if (Math.sign(exact) === f.change.sign && rateHolds(f.change.value, Math.abs(exact), digits)) continue;
      const word = exact >= 0 ? '上升' : '下降';
      const right = `${Math.abs(exact).toFixed(digits)}%`;
      report({
        ...locate(f.block.chapter, f.change.start, f.change.end),
        message: loc(
          `同比应为${word} ${right}：${named(before).zh} 从 ${before.value} 到 ${now.value}，正文写${f.change.sign > 0 ? '上升' : '下降'} ${f.change.written}%。`,
          `The change should be ${exact >= 0 ? 'up' : 'down'} ${right}: ${named(before).en} went from ${before.value} to ${now.value}; the prose says ${f.change.sign > 0 ? 'up' : 'down'} ${f.change.written}%.`,
        ),
        hint: loc(`改为“同比${word}${right}”。`, `Write 同比${word}${right}.`),
        related: [relatedTo(before, loc('上年：', 'last year: ')), ...now.figures.map((x) => relatedTo(x, loc('本年：', 'this year: ')))],
      });
    }
  },
};

import { loc, type Localized } from '../../diagnostics/diagnostic.js';
import { renderTitle } from '../../profile/title.js';
import { METRICS_FILE } from '../../load/report.js';
import { positionOf } from '../../source/yaml.js';
import type { ChapterSource, ProfileSection } from '../../model.js';
import { mentionsPath } from '../../source/mustache.js';
import type { SourceViews } from '../views.js';
import type { Finding, Rule, RuleSource } from '../rule.js';
import { sectionsFound } from './section-missing.js';

export const metricRequired: Rule = {
  meta: {
    id: 'metric-required',
    category: 'outline',
    severity: 'error',
    description: loc('提纲要求某章（或小节）引用的数据，在 metrics.yaml 中没有，或正文没有引用。', 'A figure the outline requires in a chapter (or section) is missing from metrics.yaml or not cited in the text.'),
    why: loc(
      '上级汇总时要逐项比对的数字（如执法立案、结案，矛盾纠纷受理、调成），缺了就无法汇总。',
      'Figures the level above compiles across reports (cases filed and closed, disputes received and mediated) cannot be compiled when missing.',
    ),
    fix: loc(
      '在 metrics.yaml 中填上这项数据，并在该章（小节）正文中用 {{fig 组.项}} 引用。',
      'Put the figure in metrics.yaml and cite it in that chapter (section) with {{fig group.key}}.',
    ),
    example: {
      bad: '## 严格规范公正文明执法情况\n\n全年查处了一批违法案件。\n',
      good: '## 严格规范公正文明执法情况\n\n全年立案{{fig enforcement.cases_filed}}、结案{{fig enforcement.cases_closed}}。\n',
    },
  },
  check({ source, views, report }) {
    for (const chapter of source.chapters) {
      const node = source.profile.chapters.find((c) => c.id === chapter.id);
      if (node) checkNode(source, views, chapter, node, { start: 0, end: chapter.body.length, line: 1, column: 1 }, 2, report);
    }
  },
};

interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

function checkNode(source: RuleSource, views: SourceViews, chapter: ChapterSource, node: ProfileSection, span: Span, depth: number, report: (d: Finding) => void) {
  const title = renderTitle(node.title, source.config);
  for (const path of node.metrics ?? []) checkMetric(source, chapter, title, path, span, report);
  if (!node.sections) return;
  const headings = views.outline(chapter).headings.filter((h) => h.depth === depth && h.start >= span.start && h.start < span.end);
  // A section that is absent is section-missing's to report; its figures are checked once it exists.
  for (const [id, heading] of sectionsFound(node, headings)) {
    checkNode(source, views, chapter, node.sections.find((s) => s.id === id)!, heading, depth + 1, report);
  }
}

function checkMetric(source: RuleSource, chapter: ChapterSource, title: string, path: string, span: Span, report: (d: Finding) => void) {
  const def = source.catalog.byPath.get(path);
  // A figure the catalog lacks is the profile's mistake, reported at its line there (profile-metric-unknown).
  if (!def) return;
  const name = `${def.label}（${path}）`;
  const where: Localized = loc(`“${title}”`, `"${title}"`);
  if (!hasValue(source.metrics, path)) {
    const doc = source.metricsDoc;
    report({
      file: METRICS_FILE,
      ...(doc ? positionOf(doc, `/${path.split('.')[0]}`, 'key') : {}),
      message: loc(`提纲要求${where.zh}报告数据“${name}”，metrics.yaml 中没有。`, `The outline requires ${where.en} to report "${name}", which metrics.yaml lacks.`),
      hint: loc(`在 metrics.yaml 中写上 ${path.replace('.', ':\n  ')}: 数值`, `Add ${path.replace('.', ':\n  ')}: value to metrics.yaml`),
    });
    return;
  }
  const text = chapter.body.slice(span.start, span.end);
  if (mentionsPath(text, path)) return;
  report({
    file: chapter.file,
    line: span.line,
    column: span.column,
    message: loc(`提纲要求${where.zh}引用数据“${name}”，正文没有引用。`, `The outline requires ${where.en} to cite "${name}"; the text does not.`),
    hint: loc(`在这一部分用 {{fig ${path}}} 写出这项数据。`, `Cite it in this part with {{fig ${path}}}.`),
  });
}

function hasValue(metrics: Record<string, unknown>, path: string): boolean {
  const [group, key] = path.split('.') as [string, string];
  const g = metrics[group];
  return g !== null && typeof g === 'object' && Object.hasOwn(g, key) && (g as Record<string, unknown>)[key] !== null;
}

import type { Lang } from '../../../diagnostics/diagnostic.js';
import type { FigureUse } from '../../../model.js';
import type { FigureChange, FigureValue, OutlineChange, ReportDiff, TextChange } from '../../../review/compare.js';
import { joinPath } from '../paths.js';

/** What every diff format is given besides the diff. */
export interface DiffFormatContext {
  lang: Lang;
  color: boolean;
  /** The report folder as the user named it, prefixed to file paths. */
  base: string;
  /** Where lawreport is installed (a file: URL): the diagnostics' docs urls are resolved against it. */
  packageUrl?: string;
}

/** One signature for the diff's formats, like the diagnostics' formatters: the diff in, text out. */
export type DiffFormatter = (diff: ReportDiff, context: DiffFormatContext) => string;

/** The wording the human and Markdown formats share, so both read alike. */
export const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

export function isEmpty(diff: ReportDiff): boolean {
  return diff.figures.length + diff.text.length + diff.outline.length + diff.diagnostics.appeared.length + diff.diagnostics.resolved.length === 0;
}

/** "66件", "97.06%". */
export function valueText(value: FigureValue | undefined, unit: string): string {
  if (!value) return '—';
  return typeof value.value === 'number' ? `${value.value}${unit}` : String(value.value);
}

/** "-2件", "+2.94 个百分点". */
export function differenceText(change: FigureChange, lang: Lang): string {
  if (change.difference === undefined) return '';
  const d = change.difference;
  // At the decimals the values are written with: 97.1 → 94.1 is -3.0 points.
  const decimals = Math.max(...[change.before?.value, change.after?.value].map((v) => (String(v ?? '').split('.')[1] ?? '').length));
  const signed = `${d > 0 ? '+' : ''}${d.toFixed(Math.min(decimals, 10))}`;
  return change.unit === '%' ? `${signed} ${say(lang, '个百分点', 'pp')}` : `${signed}${change.unit}`;
}

/** The figure's name: its label, and its id (the expression, for one the text computes). */
export function figureName(change: FigureChange, lang: Lang): string {
  const computed = change.computed ? say(lang, '，算出', ', computed') : '';
  return change.label === change.id ? change.id : `${change.label}（${change.id}${computed}）`;
}

/** "chapters/01-measures.md:35, 52": where the text prints a figure, lines grouped by file. */
export function usesText(uses: readonly FigureUse[], base: string, lang: Lang): string {
  if (uses.length === 0) return say(lang, '（正文没有引用）', '(not printed in the text)');
  const byFile = new Map<string, number[]>();
  for (const u of uses) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u.line]);
  return [...byFile].map(([file, lines]) => `${joinPath(base, file)}:${[...new Set(lines)].join(', ')}`).join(say(lang, '；', '; '));
}

/** A chapter's heading for a text change: "一、标题（chapters/01-measures.md）"; the closing block by name. */
export function chapterHeading(change: TextChange, base: string, lang: Lang): string {
  if (change.key === 'closing') return say(lang, '标题、署名和成文日期', 'title, signature and date');
  const marks = { added: say(lang, '（新增）', ' (added)'), removed: say(lang, '（删除）', ' (removed)'), changed: '' };
  return `${change.number}${change.title || change.key}${say(lang, `（${joinPath(base, change.file)}）`, ` (${joinPath(base, change.file)})`)}${marks[change.change]}`;
}

/** Why a chapter's text could not be compared. */
export function unavailableText(change: TextChange, diff: ReportDiff, lang: Lang): string | undefined {
  if (!change.unavailable) return undefined;
  const side = change.unavailable === 'before' ? diff.before.label : diff.after.label;
  return say(lang, `在 ${side} 中这一章有错误，无法生成正文，见下面的问题。`, `In ${side} this chapter has errors and cannot be filled; see the problems below.`);
}

/** One line per outline change. */
export function outlineText(change: OutlineChange, base: string, lang: Lang, code: (s: string) => string = (s) => s): string {
  const at = (file: string) => code(joinPath(base, file));
  switch (change.kind) {
    case 'added':
      return say(lang, `新增：${change.number}${change.title}（${at(change.file)}）`, `added: ${change.number}${change.title} (${at(change.file)})`);
    case 'removed':
      return say(lang, `删除：${change.number}${change.title}（${at(change.file)}）`, `removed: ${change.number}${change.title} (${at(change.file)})`);
    case 'renamed':
      return say(lang, `改名：${at(change.from)} → ${at(change.to)}（${change.title}）`, `renamed: ${at(change.from)} → ${at(change.to)} (${change.title})`);
    case 'retitled':
      return say(lang, `改标题：“${change.from}” → “${change.to}”（${at(change.file)}）`, `retitled: "${change.from}" → "${change.to}" (${at(change.file)})`);
    case 'renumbered':
      return change.reordered
        ? say(lang, `调整顺序：${change.title} 由 ${change.from || '不编号'} 改为 ${change.to || '不编号'}`, `reordered: ${change.title} from ${change.from || 'unnumbered'} to ${change.to || 'unnumbered'}`)
        : say(lang, `编号顺延：${change.title} 由 ${change.from || '不编号'} 改为 ${change.to || '不编号'}`, `renumbered: ${change.title} from ${change.from || 'unnumbered'} to ${change.to || 'unnumbered'}`);
  }
}

/** The headline: which report, from which version to which. */
export function headline(diff: ReportDiff, base: string, lang: Lang): string {
  const report = base === '' || base === '.' ? '' : say(lang, `${base}：`, `${base}: `);
  return `${report}${diff.before.label} → ${diff.after.label}`;
}

/** Said when a version holds no report: every figure is new (or gone). */
export function existenceText(diff: ReportDiff, lang: Lang): string | undefined {
  if (!diff.before.exists) return say(lang, `${diff.before.label} 时还没有这份报告：全部内容都是新增的。`, `The report did not exist at ${diff.before.label}: everything is new.`);
  if (!diff.after.exists) return say(lang, `${diff.after.label} 中已没有这份报告：全部内容都已删除。`, `The report no longer exists at ${diff.after.label}: everything was removed.`);
  return undefined;
}

import type { Catalog, ChapterSource, FigureRecord, FigureUse, ReportSource } from '../model.js';
import { withComputedRates } from '../rate.js';
import { pointerEscape, positionOf } from '../source/yaml.js';
import { templateContext } from '../template/context.js';
import { evaluateStatement } from '../template/evaluate.js';
import { createHelpers } from '../template/helpers.js';
import { templateTree, type CompiledTemplates } from '../template/render.js';

/** Helpers whose result is a figure of its own (a rate, a total, a difference), not a figure printed as is. */
const COMPUTING = { pct: 'pct', sum: 'sum', diff: 'diff' } as const;
type Computing = keyof typeof COMPUTING;

/**
 * Every figure of a report and where the chapters print it: the values of metrics.yaml, the rates
 * the catalog computes from them, and what the text computes with {{pct}}, {{sum}} and {{diff}}.
 * `chapters`: the chapters that are printed (compiledChapters), whose `{{…}}` are read from the
 * session's parsed templates and evaluated as filling them does. What `build -f json` writes and
 * what `lawreport diff` compares.
 */
export function figureRecords(source: Pick<ReportSource, 'metrics' | 'metricsDoc' | 'catalog' | 'config'>, chapters: readonly ChapterSource[], templates: CompiledTemplates): FigureRecord[] {
  const { catalog } = source;
  const records = new Map<string, FigureRecord>();
  const labelOf = (id: string) => catalog.byPath.get(id)?.label ?? id;

  // Written in metrics.yaml, in its order.
  for (const [group, values] of Object.entries(source.metrics)) {
    if (values === null || typeof values !== 'object' || Array.isArray(values)) continue;
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      if (typeof value !== 'number' && typeof value !== 'string') continue;
      const id = `${group}.${key}`;
      const def = catalog.byPath.get(id);
      const at = source.metricsDoc ? positionOf(source.metricsDoc, `/${pointerEscape(group)}/${pointerEscape(key)}`, 'value') : undefined;
      records.set(id, { id, label: def?.label ?? id, unit: def?.unit ?? '', value, computed: false, ...(at ? { source: { file: 'metrics.yaml', ...at } } : {}), uses: [] });
    }
  }
  // Rates the catalog computes because metrics.yaml leaves them out.
  const figures = withComputedRates(source.metrics, catalog.relations);
  for (const r of catalog.relations) {
    if (r.kind !== 'rate' || records.has(r.rate)) continue;
    const [group, key] = r.rate.split('.') as [string, string];
    const value = (figures[group] as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'number') continue;
    records.set(r.rate, { id: r.rate, label: labelOf(r.rate), unit: '%', value, computed: true, formula: { kind: 'rate', of: [r.numerator, r.denominator] }, uses: [] });
  }

  const data = templateContext(source);
  const helpers = createHelpers(catalog);
  for (const chapter of chapters) {
    for (const m of mustaches(templateTree(chapter.body, templates))) {
      const figure = figureOf(m, catalog, records);
      if (!figure) continue;
      const printed = evaluateStatement(m, data, helpers);
      if (printed === undefined) continue;
      const use: FigureUse = { file: chapter.file, line: m.loc.start.line, column: m.loc.start.column + 1, expression: chapter.lines.text.slice(chapter.lines.offset(m.loc.start.line, m.loc.start.column + 1), chapter.lines.offset(m.loc.end.line, m.loc.end.column + 1)), printed };
      let record = records.get(figure.id);
      if (!record && figure.computing) {
        const value = figure.computing === 'pct' ? Number(printed.replace(/%$/, '')) : Number(printed);
        record = { id: figure.id, label: figure.label, unit: figure.unit, value: Number.isFinite(value) ? value : printed, computed: true, formula: { kind: figure.computing, of: figure.of }, uses: [] };
        records.set(figure.id, record);
      }
      record?.uses.push(use);
    }
  }
  return [...records.values()];
}

/** Which figure an expression prints: a metric ({{a.b}}, {{fig a.b}}), one the text computes, or none. */
function figureOf(m: hbs.AST.MustacheStatement, catalog: Catalog, records: Map<string, FigureRecord>): { id: string; computing?: Computing; label: string; unit: string; of: string[] } | undefined {
  if (m.path.type !== 'PathExpression') return undefined;
  const name = (m.path as hbs.AST.PathExpression).original;
  const paths = m.params.map((p) => (p.type === 'PathExpression' ? (p as hbs.AST.PathExpression).original : undefined));
  if (m.params.length === 0) return records.has(name) ? { id: name, label: '', unit: '', of: [] } : undefined;
  if (name === 'fig' && paths.length === 1 && paths[0]) return records.has(paths[0]) ? { id: paths[0], label: '', unit: '', of: [] } : undefined;
  if (!(name in COMPUTING) || paths.some((p) => p === undefined || !records.has(p))) return undefined;
  const of = paths as string[];
  const computing = name as Computing;
  const hash = (m.hash?.pairs ?? []).map((p) => `${p.key}=${literal(p.value)}`).sort();
  const id = [computing, ...of, ...hash].join(' ');
  const label = (p: string) => records.get(p)?.label ?? p;
  if (computing === 'pct') {
    // The catalog's name for the same rate, when it has one (调解成功率 for mediated ÷ received).
    const rate = catalog.relations.find((r) => r.kind === 'rate' && r.numerator === of[0] && r.denominator === of[1]);
    return { id, computing, label: rate?.kind === 'rate' ? (catalog.byPath.get(rate.rate)?.label ?? rate.rate) : `${label(of[0]!)} ÷ ${label(of[1]!)}`, unit: '%', of };
  }
  const units = new Set(of.map((p) => records.get(p)?.unit ?? ''));
  return { id, computing, label: of.map(label).join(computing === 'sum' ? ' + ' : ' − '), unit: units.size === 1 ? [...units][0]! : '', of };
}

function literal(node: hbs.AST.Expression): string {
  if (node.type === 'PathExpression') return (node as hbs.AST.PathExpression).original;
  return String((node as hbs.AST.StringLiteral).value);
}

/** Every `{{…}}` of a template, blocks' bodies included, in source order. */
function* mustaches(program: hbs.AST.Program | undefined): Generator<hbs.AST.MustacheStatement> {
  for (const node of program?.body ?? []) {
    if (node.type === 'MustacheStatement') yield node as hbs.AST.MustacheStatement;
    if (node.type === 'BlockStatement') {
      yield* mustaches((node as hbs.AST.BlockStatement).program);
      yield* mustaches((node as hbs.AST.BlockStatement).inverse);
    }
  }
}

import { jsonDiagnostic } from '../diagnostics/json.js';
import type { SummaryInput } from './input.js';

/**
 * One record per report, passing ones included, with the district's columns, totals by year and
 * warnings: schemas/summary.schema.json. Every number as lawreport computed it (not rounded for show).
 */
export async function renderSummaryJson({ district, lang, title, version }: SummaryInput): Promise<Uint8Array> {
  const diagnostic = (d: Parameters<typeof jsonDiagnostic>[0]) => jsonDiagnostic(d, lang);
  const out = {
    tool: { name: 'lawreport', version: version ?? null },
    title,
    lang,
    chapters: district.chapters,
    metrics: district.columns.map((c) => ({
      key: c.key,
      path: c.path,
      group: c.group,
      label: c.label,
      unit: c.unit,
      type: c.type,
      numerator: c.numerator ?? null,
      denominator: c.denominator ?? null,
      computed: c.computed,
      change: c.change,
      total: c.total,
    })),
    years: district.groups.map((g) => ({
      year: g.year ?? null,
      reports: g.records.map((r) => r.folder),
      totals: Object.fromEntries(Object.entries(g.totals).map(([key, t]) => [key, { aggregate: t.aggregate, value: t.value ?? null, min: t.min ?? null, max: t.max ?? null, reports: t.reports, note: t.note?.[lang] ?? null }])),
      changes: g.changes,
    })),
    warnings: district.warnings.map(diagnostic),
    reports: district.records.map((r) => ({
      folder: r.folder,
      org: r.org ?? null,
      year: r.year ?? null,
      profile: r.profile ?? null,
      passed: r.passed,
      errors: r.counts.error,
      warnings: r.counts.warning,
      infos: r.counts.info,
      failure: r.failure ?? null,
      failingRules: r.failingRules,
      chapters: r.chapters.map((c) => ({ id: c.id, title: c.title, required: c.required, state: c.state, files: c.files, section: c.section ?? null })),
      figures: r.figures.map((f) => ({
        path: f.path,
        label: f.label,
        unit: f.unit,
        type: f.type,
        value: f.value,
        computed: f.computed,
        previous: f.previous ?? null,
        change: f.change ?? null,
      })),
      diagnostics: r.diagnostics.map(diagnostic),
    })),
  };
  return new TextEncoder().encode(JSON.stringify(out, null, 2) + '\n');
}

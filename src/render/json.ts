import type { ReportDocument } from '../model.js';

/** The published shape of this output: schemas/figures-output.schema.json. */
export const FIGURES_SCHEMA_ID = 'https://lawreport.dev/schemas/figures-output.schema.json';

/**
 * The report's figures for scripts and reviewers: every figure with its label, unit and value,
 * whether lawreport computed it (and from what), where metrics.yaml writes it and every place the
 * text prints it. The same records `lawreport diff` compares.
 */
export function renderJson(doc: ReportDocument): Uint8Array {
  const out = {
    $schema: FIGURES_SCHEMA_ID,
    report: { title: doc.title, org: doc.org, year: doc.year, date: `${doc.date.year}-${pad(doc.date.month)}-${pad(doc.date.day)}` },
    figures: doc.figures.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      value: f.value,
      computed: f.computed,
      ...(f.formula ? { formula: f.formula } : {}),
      ...(f.source ? { source: f.source } : {}),
      uses: f.uses,
    })),
  };
  return new TextEncoder().encode(JSON.stringify(out, null, 2) + '\n');
}

const pad = (n: number) => String(n).padStart(2, '0');

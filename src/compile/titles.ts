import type { ReportConfig } from '../model.js';

/** Profile titles may name {{report.year}} and {{report.nextYear}}; nothing else is templated there. */
export function renderTitle(template: string, config: Pick<ReportConfig, 'year'>): string {
  return template
    .replace(/\{\{\s*report\.year\s*\}\}/g, String(config.year))
    .replace(/\{\{\s*report\.nextYear\s*\}\}/g, String(config.year + 1));
}

/** Splits a title at explicit breaks ("\n" written in lawreport.yaml, or a real newline). */
export function titleLines(title: string): string[] {
  return title
    .split(/\\n|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

import type { ReportConfig } from '../model.js';
import { MUSTACHE } from '../source/mustache.js';

/** Profile titles may name {{report.year}} and {{report.nextYear}}; nothing else is templated there. */
export function renderTitle(template: string, config: Pick<ReportConfig, 'year'>): string {
  const fields: Record<string, string> = { 'report.year': String(config.year), 'report.nextYear': String(config.year + 1) };
  return template.replace(MUSTACHE, (m) => fields[m.slice(2, -2).trim()] ?? m);
}

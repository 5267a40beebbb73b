import { MUSTACHE } from '../source/mustache.js';

/**
 * Profile titles may name {{report.year}} and {{report.nextYear}}; nothing else is templated there.
 * Without a year (lawreport.yaml lacks it) they read as the 2019 rules word them: 上一年度, 下一年度.
 */
export function renderTitle(template: string, config: { year?: number }): string {
  const known = Number.isInteger(config.year);
  const fields: Record<string, string> = { 'report.year': known ? String(config.year) : '上一', 'report.nextYear': known ? String(config.year! + 1) : '下一' };
  return template.replace(MUSTACHE, (m) => fields[m.slice(2, -2).trim()] ?? m);
}

/**
 * Profile titles may name {{report.year}} and {{report.nextYear}}; nothing else is templated there.
 * Without a year (lawreport.yaml lacks it) they read as the 2019 rules word them: 上一年度, 下一年度.
 */
export function renderTitle(template: string, config: { year?: number }): string {
  const known = Number.isInteger(config.year);
  return template
    .replace(/\{\{\s*report\.year\s*\}\}/g, known ? String(config.year) : '上一')
    .replace(/\{\{\s*report\.nextYear\s*\}\}/g, known ? String(config.year! + 1) : '下一');
}

/** Splits a title at explicit breaks ("\n" written in lawreport.yaml, or a real newline). */
export function titleLines(title: string): string[] {
  return title
    .split(/\\n|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

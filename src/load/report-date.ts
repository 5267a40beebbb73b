import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { calendarDate, daysInMonth } from '../model.js';
import { positionOf, type YamlDocument } from '../source/yaml.js';

export const dateInvalid = defineDiagnostic({
  id: 'date-invalid',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('lawreport.yaml 的成文日期在日历上不存在（如 2 月 30 日、4 月 31 日，或平年的 2 月 29 日）。', 'The signature date in lawreport.yaml does not exist in the calendar (30 February, 31 April, 29 February of a common year).'),
  why: loc('成文日期印在署名下面，不存在的日期会原样印进公文。', 'The date is printed under the signature: a date that does not exist would go into the document as written.'),
  fix: loc('改成实际的成文日期。', 'Write the real signature date.'),
  example: { bad: 'date: 2025-02-30\n', good: 'date: 2025-02-28\n' },
}, {
  noSuchDay: {
    message: (d: { text: string; year: number; month: number }) =>
      loc(`成文日期“${d.text}”不存在：${d.year} 年 ${d.month} 月只有 ${daysInMonth(d.year, d.month)} 天。`, `The date "${d.text}" does not exist: ${d.month}/${d.year} has ${daysInMonth(d.year, d.month)} days.`),
    hint: 'fix',
  },
});

/**
 * The calendar check of `date:` (the schema checks its form, 2025-02-10, and that month and day
 * are in range): a day the month does not have, at the value's place in lawreport.yaml.
 */
export function checkReportDate(configDoc: YamlDocument, value: unknown): Diagnostic | undefined {
  const text = String(value);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m || calendarDate(text) || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  const at = { file: configDoc.file, ...positionOf(configDoc, '/date', 'value') };
  return dateInvalid.at(at, 'noSuchDay', { text, year: Number(m[1]), month: Number(m[2]) });
}

import type { ReportDocument } from '../../model.js';

/**
 * What `lawreport import` reads to give the folder back (import/own-docx.ts): that lawreport made
 * the file, the profile, the 成文日期 as a date, each chapter's outline id and file in order, and
 * the figures the text cites (no others: a figure kept only for checking is not published).
 * Custom document properties: Word and WPS keep them through editing, and show them under
 * 文件 → 属性 → 自定义.
 */
export const PROVENANCE = 'lawreport';

export function provenanceProperties(doc: ReportDocument): { name: string; value: string }[] {
  const d = doc.date;
  const out = [
    { name: PROVENANCE, value: '1' },
    { name: `${PROVENANCE}.profile`, value: doc.provenance.profile },
    { name: `${PROVENANCE}.org`, value: doc.org },
    { name: `${PROVENANCE}.year`, value: String(doc.year) },
    { name: `${PROVENANCE}.date`, value: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` },
  ];
  if (doc.preface) out.push({ name: `${PROVENANCE}.preface`, value: doc.preface.file });
  doc.chapters.forEach((c, i) => out.push({ name: `${PROVENANCE}.chapter.${i + 1}`, value: `${c.id}|${c.file}` }));
  for (const [path, value] of Object.entries(doc.provenance.figures)) out.push({ name: `${PROVENANCE}.figure.${path}`, value: String(value) });
  return out;
}

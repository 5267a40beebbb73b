/** The district's columns: every report's figures and chapters merged into one order, each report's value found in its column. */
import { describe, expect, it } from 'vitest';
import { figureOf, summarise } from '../src/summary/district.js';
import type { ReportRecord } from '../src/summary/record.js';
import type { SummaryFigure } from '../src/summary/figures.js';

const fig = (path: string, value: number, unit = '件'): SummaryFigure => ({ path, group: '执法', label: path, unit, type: 'count', value, computed: false });
const record = (folder: string, figures: SummaryFigure[]): ReportRecord => ({
  folder,
  org: `${folder}镇人民政府`,
  year: 2024,
  passed: true,
  counts: { error: 0, warning: 0, info: 0 } as ReportRecord['counts'],
  failingRules: [],
  chapters: [],
  figures,
  diagnostics: [],
});

describe('summarise: column order', () => {
  // What the merge has done since the summary came (checked against it before it found positions by a map).
  it('keeps each report\'s own order and puts a figure new to the merge after the one before it in its report, past what its report does not hold', () => {
    const district = summarise([
      record('甲', [fig('a', 1), fig('c', 3)]),
      record('乙', [fig('a', 1), fig('b', 2), fig('c', 3), fig('e', 5)]),
      record('丙', [fig('d', 4), fig('c', 3), fig('c', 30, '次')]),
      record('丁', [fig('e', 5), fig('a', 1), fig('f', 6)]),
    ]);
    expect(district.columns.map((c) => c.key)).toEqual(['a', 'b', 'd', 'c@件', 'f', 'e', 'c@次']);
  });

  it('finds each report\'s figure in its column, the first where a report gives one twice, and none where it gives none', () => {
    const twice = record('戊', [fig('a', 7), fig('a', 8), fig('b', 2, '次')]);
    expect(figureOf(twice, { path: 'a', unit: '件' })?.value).toBe(7);
    expect(figureOf(twice, { path: 'b', unit: '次' })?.value).toBe(2);
    expect(figureOf(twice, { path: 'b', unit: '件' })).toBeUndefined();
    expect(figureOf(twice, { path: 'z', unit: '件' })).toBeUndefined();
  });
});

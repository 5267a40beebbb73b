import ExcelJS from 'exceljs';
import { makeReproducible } from '../render/rezip.js';
import type { SummaryInput } from './input.js';
import type { Cell, ColumnKind, Mark, Table } from './tables.js';
import { displayWidth } from './width.js';

/** Number formats by column kind: counts with thousands separators, rates with one or two places, 同比 signed. */
const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  count: '#,##0',
  number: 'General',
  percent: '0.0#',
  change: '+0.00;-0.00;0.00',
};

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Excel's own "bad", "neutral" and "good"-like styles, so a clerk reads them as Excel means them. */
const MARK_STYLE: Record<Mark, { fill?: ExcelJS.Fill; font?: Partial<ExcelJS.Font> }> = {
  fail: { fill: fill('FFFFC7CE'), font: { color: { argb: 'FF9C0006' } } },
  missing: { fill: fill('FFFFC7CE'), font: { color: { argb: 'FF9C0006' }, bold: true } },
  warn: { fill: fill('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
  empty: { fill: fill('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
  section: { fill: fill('FFFFF2CC'), font: { color: { argb: 'FF7F6000' } } },
  optional: { font: { color: { argb: 'FF7F7F7F' } } },
  absent: { font: { color: { argb: 'FFA6A6A6' } } },
  computed: { font: { italic: true, color: { argb: 'FF44546A' } } },
};

/** The widest a column gets (in characters of a Latin font; CJK count two), and the widest a header makes it before wrapping. */
const MAX_WIDTH = 60;
const MAX_HEADER_WIDTH = 16;
/** Messages wrap within this width. */
const MAX_WRAP_WIDTH = 70;

/** One sheet per table: header frozen, autofilter over the rows (not the totals), widths from the text. */
export async function renderXlsx({ tables, title, stamp, sourceDateEpoch }: SummaryInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lawreport';
  workbook.title = title;
  workbook.created = workbook.modified = new Date(0); // replaced below: same sources, same bytes
  for (const table of tables) addSheet(workbook, table);
  // Stored, not deflated: makeReproducible unzips it and deflates every part itself (natively), so
  // exceljs' JavaScript deflate (pako, through JSZip) was work thrown away. Same parts, same bytes.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof workbook.xlsx.writeBuffer>[0]));
  return makeReproducible(bytes, stamp, { sourceDateEpoch });
}

function addSheet(workbook: ExcelJS.Workbook, table: Table) {
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', xSplit: table.frozen, ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = fill('FFE7E6E6');
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
    if (c.note) cell.note = c.note;
  });

  for (const row of table.rows) {
    const added = sheet.addRow(row.cells.map((c) => c.value ?? null));
    row.cells.forEach((c, i) => style(added.getCell(i + 1), c));
    // A failing report's name stands out whichever column one looks along.
    if (row.mark && !row.cells[0]?.mark) style(added.getCell(1), { mark: row.mark });
  }
  if (table.totals) {
    const totals = sheet.addRow(table.totals.map((c) => c.value ?? null));
    totals.font = { bold: true };
    table.totals.forEach((c, i) => {
      const cell = totals.getCell(i + 1);
      cell.fill = fill('FFF2F2F2');
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
      if (c.note) cell.note = c.note;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };

  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const format = NUMBER_FORMAT[c.kind];
    if (format) column.numFmt = format;
    if (c.kind !== 'text') column.alignment = { horizontal: 'right' };
    const cells = [...table.rows.map((r) => r.cells[i]), table.totals?.[i]];
    const widest = Math.max(Math.min(displayWidth(c.header), MAX_HEADER_WIDTH), ...cells.map((x) => displayWidth(shown(x, c.kind))));
    column.width = Math.min(c.wrap ? MAX_WRAP_WIDTH : MAX_WIDTH, widest + 2);
    if (c.wrap) column.alignment = { wrapText: true, vertical: 'top' };
  });
  header.getCell(1).alignment = { vertical: 'middle', wrapText: true };
}

function style(cell: ExcelJS.Cell, c: Cell) {
  const s = c.mark ? MARK_STYLE[c.mark] : undefined;
  if (s?.fill) cell.fill = s.fill;
  if (s?.font) cell.font = s.font;
  if (c.note && c.mark && c.mark !== 'computed') cell.note = c.note;
}

/** About what a cell shows, for its column's width. */
function shown(c: Cell | undefined, kind: ColumnKind): string {
  if (c?.value === undefined) return '';
  if (typeof c.value === 'string') return c.value;
  const text = kind === 'count' ? c.value.toLocaleString('en') : String(c.value);
  return kind === 'change' ? `+${text}` : text;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** Nothing left to load once this module is (formats.ts, loadSummaryRenderers; the one-file bundles load theirs here). */
export const ready = (): void => {};

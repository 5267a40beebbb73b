import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, type ParagraphChild, TableCell, TableRow, VerticalAlignTable, VerticalMergeType, WidthType } from 'docx';
import type { Table as MdTable, TableCell as MdCell } from 'mdast';
import { headerRows, inlineText, tableGrid } from '../common.js';
import { runs, type BlockContext } from './runs.js';
import { LAYOUT, cells, fontsOf } from './layout.js';

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/**
 * A table as a 公文 table: single-line borders, the header rows repeated on every page, 仿宋 at
 * 四号, single line spacing inside cells (the body's fixed 28.95 pt would make rows too tall),
 * column widths in proportion to their longest unmerged cell so Word and LibreOffice agree.
 * Merged cells are Word's own merges: gridSpan across columns, vMerge down rows.
 */
export function tableBlock(table: MdTable, ctx: BlockContext): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const cellRun = { font: fontsOf(ctx.fonts, 'body'), size: LAYOUT.tableSize };
  const grid = tableGrid(table);
  const heads = headerRows(table);
  const longest = Array.from({ length: grid.columns }, (_, c) =>
    Math.max(2, ...grid.rows.map((row) => row[c]).filter((s) => s && s.colSpan === 1).map((s) => cells(inlineText(s!.cell.children)))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  const columnWidths = longest.map((w) => Math.floor((LAYOUT.textWidth * w) / total));
  const widthOf = (col: number, span: number) => columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const align = (cell: MdCell, r: number, c: number) => {
    const own = (cell.data as { align?: string } | undefined)?.align;
    if (r < heads) return AlignmentType.CENTER;
    const a = own === 'left' || own === 'right' || own === 'center' ? own : table.align?.[c];
    return ALIGN[a ?? 'left'];
  };
  const paragraph = (children: ParagraphChild[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children });
  // A picture in a cell fits inside the cell's default margins (0.19 cm each side).
  const pictureWidth = (twips: number) => (Math.max(twips - 2 * 108, 144) / 1440) * 96;

  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths,
    borders,
    rows: grid.rows.map((row, r) => {
      const out: TableCell[] = [];
      for (let c = 0; c < grid.columns; ) {
        const slot = row[c];
        if (!slot) {
          out.push(new TableCell({ width: { size: columnWidths[c]!, type: WidthType.DXA }, children: [paragraph([], AlignmentType.LEFT)] }));
          c++;
          continue;
        }
        const first = slot.row === r;
        const width = { size: widthOf(slot.col, slot.colSpan), type: WidthType.DXA };
        out.push(
          new TableCell({
            width,
            ...(slot.colSpan > 1 ? { columnSpan: slot.colSpan } : {}),
            ...(slot.rowSpan > 1 ? { verticalMerge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE, verticalAlign: VerticalAlignTable.CENTER } : {}),
            children: [paragraph(first ? runs(slot.cell.children, cellRun, ctx, pictureWidth(width.size)) : [], align(slot.cell, slot.row, slot.col))],
          }),
        );
        c += slot.colSpan;
      }
      return new TableRow({ tableHeader: r < heads, cantSplit: true, children: out });
    }),
  });
}

import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Table as MdTable } from 'mdast';
import { inlineText } from '../common.js';
import { runs, type BlockContext } from './runs.js';
import { LAYOUT, cells, fontsOf } from './layout.js';

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/**
 * A GFM table as a 公文 table: single-line borders, the header row repeated on every page,
 * 仿宋 at 四号, single line spacing inside cells (the body's fixed 28.95 pt would make rows
 * too tall), column widths in proportion to their longest cell so Word and LibreOffice agree.
 */
export function tableBlock(table: MdTable, ctx: BlockContext): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const cellRun = { font: fontsOf(ctx.fonts, 'body'), size: LAYOUT.tableSize };
  const columns = Math.max(...table.children.map((r) => r.children.length));
  const longest = Array.from({ length: columns }, (_, c) => Math.max(2, ...table.children.map((r) => cells(inlineText(r.children[c]?.children ?? [])))));
  const total = longest.reduce((a, b) => a + b, 0);
  const columnWidths = longest.map((w) => Math.floor((LAYOUT.textWidth * w) / total));
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths,
    borders,
    rows: table.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, c) =>
              new TableCell({
                width: { size: columnWidths[c]!, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    alignment: r === 0 ? AlignmentType.CENTER : ALIGN[table.align?.[c] ?? 'left'],
                    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                    children: runs(cell.children, cellRun, ctx),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

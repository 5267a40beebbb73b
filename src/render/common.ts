/** What every renderer shares: inline text, list markers, captions, the table grid, the attachments line. */
import type { List, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import type { DocChapter, Figure } from '../model.js';

const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const SUBSCRIPT: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };

/** 「m²」「CO₂」 in plain text where Unicode has the characters; otherwise the text as it is (「注」 stays 「注」). */
export function scriptText(text: string, kind: 'superscript' | 'subscript'): string {
  const map = kind === 'superscript' ? SUPERSCRIPT : SUBSCRIPT;
  const chars = [...text];
  return chars.every((c) => map[c]) ? chars.map((c) => map[c]).join('') : text;
}

/** Plain text of inline content, as the TXT output and DOCX fallbacks show it. */
export function inlineText(nodes: readonly PhrasingContent[] | readonly RootContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ? `［图：${node.alt}］` : '［图］';
        break;
      case 'link': {
        const text = inlineText(node.children);
        out += text === node.url || node.url.startsWith('#') ? text : `${text}（${node.url.replace(/^mailto:/, '')}）`;
        break;
      }
      case 'superscript':
      case 'subscript':
        out += scriptText(inlineText(node.children), node.type);
        break;
      case 'footnoteReference':
        out += `[${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) out += inlineText(node.children as PhrasingContent[]);
        break;
    }
  }
  return out;
}

/** List markers match the other outputs: 「1.」 for ordered items, 「·」 for bullets. */
export function listMarker(list: List, index: number): string {
  return list.ordered ? `${(list.start ?? 1) + index}.` : '·';
}

/** 「图3 综合执法队开展夜查」: the picture's number through the report, then its description. */
export function figureCaption(chapter: Pick<DocChapter, 'figureStart'>, figure: Figure): string {
  const alt = figure.children[0].alt?.trim();
  return `图${chapter.figureStart + figure.index}${alt ? ` ${alt}` : ''}`;
}

/**
 * The box a picture is fitted into, in px at 96 dpi (CSS px; the unit docx sizes pictures in):
 * the 156 mm text block wide, two thirds of its 225 mm high, so the picture keeps its caption
 * and some text on its page.
 */
export const PICTURE_BOX = { width: (156 / 25.4) * 96, height: (150 / 25.4) * 96 };

/**
 * The size a picture is drawn at in every format: its own at 96 dpi, made smaller (never larger)
 * to fit `box`, its aspect kept. One whose size cannot be read is drawn as wide as the box at 4:3.
 */
export function fittedSize(asset: { width?: number; height?: number }, box: { width: number; height: number }): { width: number; height: number } {
  const w = asset.width && asset.width > 0 ? asset.width : box.width;
  const h = asset.height && asset.height > 0 ? asset.height : (w * 3) / 4;
  const scale = Math.min(1, box.width / w, box.height / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** One slot of a table's grid: the cell covering it, and whether it is that cell's top-left slot. */
export interface GridSlot {
  cell: TableCell;
  /** Row and column of the cell's top-left slot. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * A table's cells laid out on its grid as HTML lays them (a cell takes the first column not held
 * by a rowspan from above): what the DOCX merges (gridSpan, vMerge) and the TXT aligns by.
 * Slots no cell covers (a short row) are undefined.
 */
export function tableGrid(table: Table): { rows: (GridSlot | undefined)[][]; columns: number } {
  const rows: (GridSlot | undefined)[][] = table.children.map(() => []);
  table.children.forEach((row, r) => {
    let c = 0;
    for (const cell of row.children) {
      while (rows[r]![c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.data?.rowSpan ?? 1, table.children.length - r));
      const colSpan = Math.max(1, cell.data?.colSpan ?? 1);
      const slot: GridSlot = { cell, row: r, col: c, rowSpan, colSpan };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) rows[r + dr]![c + dc] = slot;
      c += colSpan;
    }
  });
  const columns = Math.max(1, ...rows.map((r) => r.length));
  for (const r of rows) r.length = columns;
  return { rows, columns };
}

/** The leading rows that head the table (repeated on each page; centred). */
export function headerRows(table: Table): number {
  return table.data?.headerRows ?? 1;
}

/** 「附件：1. …」 as GB/T 9704 lists them. */
export function attachmentsText(attachments: string[]): string {
  if (attachments.length === 1) return `附件：${attachments[0]}`;
  return attachments.map((a, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${a}`).join('\n');
}

import { AlignmentType, Paragraph, TextRun, type ParagraphChild, type Table } from 'docx';
import type { List, RootContent } from 'mdast';
import type { DocChapter } from '../../model.js';
import { numberOf } from '../../markdown/numbering.js';
import { listMarker } from '../common.js';
import { chars, type FontRole } from './layout.js';
import { bodyRun, runs, type BlockContext } from './runs.js';
import { tableBlock } from './table.js';


export type Block = Paragraph | Table;

/** The heading font of each numbered level: 「一、」 黑体, 「（一）」 楷体, 「1.」 and 「（1）」 仿宋. */
const HEADING_FONT: Record<number, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

/** A body paragraph: first line two characters in, justified, on the fixed line. */
function bodyParagraph(children: ParagraphChild[], indentLevel: number): Paragraph {
  return new Paragraph({
    indent: { firstLine: chars(2), left: chars(2 * indentLevel) },
    alignment: AlignmentType.JUSTIFIED,
    children,
  });
}

export function blocks(node: RootContent, ctx: BlockContext, indentLevel = 0): Block[] {
  switch (node.type) {
    case 'heading': {
      const level = numberOf(node)?.level ?? 4;
      return [headingParagraph(level, runs(node.children, bodyRun(ctx.fonts, HEADING_FONT[level]), ctx))];
    }
    case 'paragraph':
      return [bodyParagraph(runs(node.children, bodyRun(ctx.fonts), ctx), indentLevel)];
    case 'list':
      return listBlocks(node, ctx, indentLevel);
    case 'blockquote':
      return node.children.flatMap((c) => blocks(c, ctx, indentLevel + 1));
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ ...bodyRun(ctx.fonts), text: line })] }));
    case 'table':
      return [tableBlock(node, ctx)];
    default:
      return [];
  }
}

/** Headings use the real Word styles (标题 1–4), so a clerk can restyle them; the number is plain text. */
export function headingParagraph(level: number, children: ParagraphChild[]): Paragraph {
  return new Paragraph({ style: `Heading${level}`, children });
}

function listBlocks(list: List, ctx: BlockContext, indentLevel: number): Block[] {
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children;
    const marker = new TextRun({ ...bodyRun(ctx.fonts), text: listMarker(list, i) });
    const head =
      first?.type === 'paragraph'
        ? [bodyParagraph([marker, ...runs(first.children, bodyRun(ctx.fonts), ctx)], indentLevel)]
        : first
          ? blocks(first, ctx, indentLevel)
          : [];
    return [...head, ...rest.flatMap((c) => blocks(c, ctx, indentLevel + 1))];
  });
}

export function chapterBlocks(chapter: DocChapter, ctx: BlockContext): Block[] {
  const out: Block[] = [];
  if (chapter.number) out.push(headingParagraph(1, [new TextRun({ ...bodyRun(ctx.fonts, 'heading1'), text: chapter.number + chapter.title })]));
  for (const node of chapter.body.children) out.push(...blocks(node, ctx));
  return out;
}

import { AlignmentType, Paragraph, type ParagraphChild, type Table } from 'docx';
import type { FootnoteDefinition, List, RootContent } from 'mdast';
import type { DocChapter } from '../../model.js';
import { numberOf } from '../../markdown/numbering.js';
import { figureCaption, inlineText, listMarker, PICTURE_BOX } from '../common.js';
import { chars, fontsOf, LAYOUT, type FontRole } from './layout.js';
import { bodyRun, pictureRun, runs, type BlockContext } from './runs.js';
import { STYLE } from './styles.js';
import { tableBlock } from './table.js';

export type Block = Paragraph | Table;

/** The heading font of each numbered level: 「一、」 黑体, 「（一）」 楷体, 「1.」 and 「（1）」 仿宋. */
const HEADING_FONT: Record<number, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

/**
 * A body paragraph: first line two characters in, justified, on the fixed line. List items and
 * quotes look the same but carry styles of their own (列表段落, 引用), so a clerk can restyle
 * them in Word and `import` reads them back as a list and a quote.
 */
function bodyParagraph(ctx: BlockContext, children: ParagraphChild[], indentLevel: number, style?: string): Paragraph {
  return ctx.styles.paragraph(
    {
      ...(style ? { style } : {}),
      indent: { firstLine: chars(2), left: chars(2 * indentLevel) },
      alignment: AlignmentType.JUSTIFIED,
    },
    children,
  );
}

interface Place {
  indentLevel: number;
  /** Inside a quote: paragraphs take the quote's style. */
  quote: boolean;
}

export function blocks(node: RootContent, ctx: BlockContext, chapter: Pick<DocChapter, 'figureStart'>, place: Place = { indentLevel: 0, quote: false }): Block[] {
  switch (node.type) {
    case 'heading': {
      const level = numberOf(node)?.level ?? 4;
      return [headingParagraph(ctx, level, runs(node.children, bodyRun(ctx.fonts, HEADING_FONT[level]), ctx))];
    }
    case 'paragraph':
      return [bodyParagraph(ctx, runs(node.children, bodyRun(ctx.fonts), ctx), place.indentLevel, place.quote ? STYLE.quote : undefined)];
    case 'list':
      return listBlocks(node, ctx, chapter, place);
    case 'blockquote':
      return node.children.flatMap((c) => blocks(c, ctx, chapter, { indentLevel: place.indentLevel + 1, quote: true }));
    case 'code':
      return node.value.split('\n').map((line) => ctx.styles.paragraph({}, [ctx.styles.textRun(bodyRun(ctx.fonts), line)]));
    case 'table':
      return [tableBlock(node, ctx)];
    case 'figure': {
      const picture = pictureRun(node.children[0], ctx, PICTURE_BOX);
      return [
        ctx.styles.paragraph({ style: STYLE.figure }, picture ? [picture] : []),
        ctx.styles.paragraph({ style: STYLE.caption }, [ctx.styles.textRun({ font: fontsOf(ctx.fonts, 'body'), size: LAYOUT.captionSize }, figureCaption(chapter, node))]),
      ];
    }
    case 'footnoteDefinition':
      return []; // printed at the foot of the page it is referred to on (runs.ts)
    default:
      return [];
  }
}

/** Headings use the real Word styles (标题 1–4), so a clerk can restyle them; the number is plain text. */
function headingParagraph(ctx: BlockContext, level: number, children: ParagraphChild[]): Paragraph {
  return ctx.styles.paragraph({ style: `Heading${level}` }, children);
}

function listBlocks(list: List, ctx: BlockContext, chapter: Pick<DocChapter, 'figureStart'>, place: Place): Block[] {
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children;
    const marker = ctx.styles.textRun(bodyRun(ctx.fonts), listMarker(list, i));
    const head =
      first?.type === 'paragraph'
        ? [bodyParagraph(ctx, [marker, ...runs(first.children, bodyRun(ctx.fonts), ctx)], place.indentLevel, STYLE.listItem)]
        : first
          ? blocks(first, ctx, chapter, place)
          : [];
    return [...head, ...rest.flatMap((c) => blocks(c, ctx, chapter, { ...place, indentLevel: place.indentLevel + 1 }))];
  });
}

export function chapterBlocks(chapter: DocChapter, ctx: BlockContext): Block[] {
  const out: Block[] = [];
  const notes = new Map<string, FootnoteDefinition>();
  const collect = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'footnoteDefinition') notes.set((node as FootnoteDefinition).identifier, node as FootnoteDefinition);
    else for (const child of node.children ?? []) collect(child as { type: string; children?: unknown[] });
  };
  collect(chapter.body);
  const chapterCtx: BlockContext = {
    ...ctx,
    footnote: (id) => {
      const note = notes.get(id);
      if (!note) return undefined;
      notes.delete(id); // a second reference to one note prints its number only
      const run = { font: fontsOf(ctx.fonts, 'body'), size: LAYOUT.footnoteSize };
      return note.children.map((c) => new Paragraph({ style: STYLE.footnote, children: runs(c.type === 'paragraph' ? c.children : [{ type: 'text', value: inlineText([c]) }], run, chapterCtx) }));
    },
  };
  if (chapter.number) out.push(headingParagraph(ctx, 1, [ctx.styles.textRun(bodyRun(ctx.fonts, 'heading1'), chapter.number + chapter.title)]));
  for (const node of chapter.body.children) out.push(...blocks(node, chapterCtx, chapter));
  return out;
}

import { AlignmentType, ImageRun, Paragraph, TextRun, type IRunOptions, type ParagraphChild, type Table } from 'docx';
import type { List, PhrasingContent, RootContent } from 'mdast';
import type { Asset, DocChapter, Fonts, ReportDocument } from '../../model.js';
import { numberOf } from '../../markdown/numbering.js';
import { inlineText } from '../inline.js';
import { listMarker } from '../text.js';
import { LAYOUT, chars, fontsOf, type FontRole } from './layout.js';
import { tableBlock } from './table.js';

export type Block = Paragraph | Table;

export interface BlockContext {
  doc: ReportDocument;
  fonts: Fonts;
  /** Drawing ids must be unique in a document; docx's own counter is global to the process, so a second build would differ. */
  nextDrawingId: () => number;
}

/** Body text: 三号 at the 28-a-line character pitch. */
export function bodyRun(fonts: Fonts, role: FontRole = 'body'): IRunOptions {
  return { font: fontsOf(fonts, role), size: LAYOUT.bodySize, characterSpacing: LAYOUT.bodyCharSpacing };
}

/** The heading font of each numbered level: 「一、」 黑体, 「（一）」 楷体, 「1.」 and 「（1）」 仿宋. */
const HEADING_FONT: Record<number, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

const IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif' | 'bmp'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp' };

export function runs(nodes: readonly PhrasingContent[], base: IRunOptions, ctx: BlockContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const walk = (list: readonly PhrasingContent[], style: IRunOptions) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          out.push(new TextRun({ ...style, text: node.value }));
          break;
        case 'emphasis':
          walk(node.children, { ...style, italics: true });
          break;
        case 'strong':
          walk(node.children, { ...style, bold: true });
          break;
        case 'delete':
          walk(node.children, { ...style, strike: true });
          break;
        case 'break':
          out.push(new TextRun({ ...style, break: 1 }));
          break;
        case 'image': {
          const asset = ctx.doc.assets.get(decodeURI(node.url));
          const type = asset && IMAGE_TYPES[asset.mime];
          out.push(asset && type ? imageRun(asset, type, node.alt ?? '', node.title ?? undefined, ctx) : new TextRun({ ...style, text: inlineText([node]) }));
          break;
        }
        default:
          out.push(new TextRun({ ...style, text: inlineText([node]) }));
          break;
      }
    }
  };
  walk(nodes, base);
  return out;
}

function imageRun(asset: Asset, type: 'png' | 'jpg' | 'gif' | 'bmp', alt: string, title: string | undefined, ctx: BlockContext): ImageRun {
  const maxWidth = (LAYOUT.textWidth / 1440) * 96; // the text block in px at 96 dpi
  const w = asset.width ?? maxWidth;
  const h = asset.height ?? maxWidth * 0.75;
  const scale = Math.min(1, maxWidth / w);
  return new ImageRun({
    type,
    data: asset.bytes,
    transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
    altText: { id: String(ctx.nextDrawingId()), name: alt, description: alt, title: title ?? alt },
  });
}

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

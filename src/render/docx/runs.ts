import { FootnoteReferenceRun, ImageRun, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Image, PhrasingContent } from 'mdast';
import { assetKey, type Fonts, type ReportDocument } from '../../model.js';
import { fittedSize, inlineText, PICTURE_BOX } from '../common.js';
import { LAYOUT, fontsOf, type FontRole } from './layout.js';
import type { SharedStyles } from './shared-properties.js';

/** Inline content as DOCX runs: the ground floor under paragraphs (blocks.ts) and table cells (table.ts). */

export interface BlockContext {
  doc: ReportDocument;
  fonts: Fonts;
  /** Drawing ids must be unique in a document; docx's own counter is global to the process, so a second build would differ. */
  nextDrawingId: () => number;
  /** The document's runs and body paragraphs, which share their properties by style. */
  styles: SharedStyles;
  /** A footnote's content, by the identifier the text refers to it with (set per chapter). */
  footnote?: (identifier: string) => Paragraph[] | undefined;
}

/** Body text: 三号 at the 28-a-line character pitch. */
export function bodyRun(fonts: Fonts, role: FontRole = 'body'): IRunOptions {
  return { font: fontsOf(fonts, role), size: LAYOUT.bodySize, characterSpacing: LAYOUT.bodyCharSpacing };
}

export const IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif' | 'bmp'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp' };

/** What each inline mark adds to the run options of the text inside it. */
const MARKS = {
  emphasis: { italics: true },
  strong: { bold: true },
  delete: { strike: true },
  underline: { underline: {} },
  superscript: { superScript: true },
  subscript: { subScript: true },
} satisfies Record<string, IRunOptions>;

export function runs(nodes: readonly PhrasingContent[], base: IRunOptions, ctx: BlockContext, maxWidthPx = PICTURE_BOX.width): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const walk = (list: readonly PhrasingContent[], style: IRunOptions) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          out.push(ctx.styles.textRun(style, node.value));
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'underline':
        case 'superscript':
        case 'subscript':
          walk(node.children, { ...style, ...MARKS[node.type] });
          break;
        case 'break':
          out.push(new TextRun({ ...style, break: 1 }));
          break;
        case 'image':
          out.push(pictureRun(node, ctx, { width: Math.min(maxWidthPx, PICTURE_BOX.width), height: PICTURE_BOX.height }) ?? new TextRun({ ...style, text: inlineText([node]) }));
          break;
        case 'footnoteReference': {
          const content = ctx.footnote?.(node.identifier);
          // A note referred to again: its number raised, as Word marks the first reference (and the HTML both).
          out.push(content ? new FootnoteReferenceRun({ children: content }) : new TextRun({ ...style, superScript: true, text: node.label ?? node.identifier }));
          break;
        }
        default:
          out.push(ctx.styles.textRun(style, inlineText([node])));
          break;
      }
    }
  };
  walk(nodes, base);
  return out;
}

/**
 * The picture itself; undefined when no picture was read for it. The drawing's name is the
 * path the chapter wrote (so `import` puts the file back where it was), its description the alt text.
 */
export function pictureRun(node: Image, ctx: BlockContext, box: { width: number; height: number }): ImageRun | undefined {
  const asset = ctx.doc.assets.get(assetKey(node.url));
  const type = asset && IMAGE_TYPES[asset.mime];
  if (!asset || !type) return undefined;
  return new ImageRun({
    type,
    data: asset.bytes,
    transformation: fittedSize(asset, box),
    altText: { id: String(ctx.nextDrawingId()), name: assetKey(node.url), description: node.alt ?? '', title: node.title ?? node.alt ?? '' },
  });
}

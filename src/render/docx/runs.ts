import { ImageRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import { assetKey, type Asset, type Fonts, type ReportDocument } from '../../model.js';
import { inlineText } from '../common.js';
import { LAYOUT, fontsOf, type FontRole } from './layout.js';

/** Inline content as DOCX runs: the ground floor under paragraphs (blocks.ts) and table cells (table.ts). */

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
          const asset = ctx.doc.assets.get(assetKey(node.url));
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


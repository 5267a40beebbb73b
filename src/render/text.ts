import type { List, RootContent, Table } from 'mdast';
import type { DocChapter, ReportDocument } from '../model.js';
import { attachmentsText, figureCaption, inlineText, listMarker, tableGrid } from './common.js';

/**
 * Plain UTF-8 text for pasting into a website CMS: generated numbering, one paragraph per
 * line, blank lines between paragraphs, no hard wrapping. What plain text cannot draw is put in
 * words: a picture by its caption (「图1 ……」), m² and CO₂ in Unicode where it has the
 * characters, a table as tab-separated rows with a merged cell's text in its first slot.
 */
export function renderText(doc: ReportDocument): Uint8Array {
  const blocks: string[] = [doc.titleLines.join('\n')];
  if (doc.preface) blocks.push(...chapterBlocks(doc.preface));
  for (const chapter of doc.chapters) {
    blocks.push(chapter.number + chapter.title);
    blocks.push(...chapterBlocks(chapter));
  }
  if (doc.attachments.length > 0) blocks.push(attachmentsText(doc.attachments));
  blocks.push([...doc.signature, doc.dateText].join('\n'));
  return new TextEncoder().encode(blocks.filter((b) => b.trim() !== '').join('\n\n') + '\n');
}

/** A chapter's body as printed text, one string a block (a table's rows on lines, cells between tabs). */
export function chapterBlocks(chapter: Pick<DocChapter, 'body' | 'figureStart'>): string[] {
  return chapter.body.children.flatMap((node) => block(node, chapter));
}

function block(node: RootContent, chapter: Pick<DocChapter, 'figureStart'>): string[] {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [inlineText(node.children)];
    case 'list':
      return listBlocks(node, chapter);
    case 'blockquote':
      return node.children.flatMap((c) => block(c, chapter));
    case 'code':
      return [node.value];
    case 'table':
      return [tableText(node)];
    case 'figure':
      return [figureCaption(chapter, node)];
    case 'footnoteDefinition': {
      const [first, ...rest] = node.children.flatMap((c) => block(c, chapter));
      return [`[${node.label ?? node.identifier}] ${first ?? ''}`, ...rest];
    }
    default:
      return 'children' in node ? [inlineText(node.children as RootContent[])] : [];
  }
}

function listBlocks(list: List, chapter: Pick<DocChapter, 'figureStart'>): string[] {
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children;
    const head = first ? block(first, chapter).join('\n') : '';
    return [`${listMarker(list, i)}${head}`, ...rest.flatMap((c) => block(c, chapter))];
  });
}

/** Rows of tab-separated cells on the table's grid: a merged cell's text in its top-left slot, the slots it covers empty. */
function tableText(table: Table): string {
  const { rows } = tableGrid(table);
  return rows
    .map((row, r) =>
      Array.from(row, (slot, c) => (slot && slot.row === r && slot.col === c ? inlineText(slot.cell.children).replace(/\n/g, ' ') : '')).join('\t'),
    )
    .join('\n');
}

import type { List, RootContent, Table } from 'mdast';
import type { DocChapter, ReportDocument } from '../model.js';
import { attachmentsText, inlineText, listMarker } from './common.js';

/**
 * Plain UTF-8 text for pasting into a website CMS: generated numbering, one paragraph per
 * line, blank lines between paragraphs, no hard wrapping.
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
export function chapterBlocks(chapter: Pick<DocChapter, 'body'>): string[] {
  return chapter.body.children.flatMap((node) => block(node));
}

function block(node: RootContent): string[] {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [inlineText(node.children)];
    case 'list':
      return listBlocks(node);
    case 'blockquote':
      return node.children.flatMap((c) => block(c));
    case 'code':
      return [node.value];
    case 'table':
      return [tableText(node)];
    case 'thematicBreak':
      return [];
    case 'html':
      return [];
    default:
      return 'children' in node ? [inlineText(node.children as RootContent[])] : [];
  }
}

function listBlocks(list: List): string[] {
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children;
    const head = first ? block(first).join('\n') : '';
    return [`${listMarker(list, i)}${head}`, ...rest.flatMap((c) => block(c))];
  });
}

function tableText(table: Table): string {
  return table.children.map((row) => row.children.map((cell) => inlineText(cell.children)).join('\t')).join('\n');
}

/**
 * The only module that opens a DOCX (via mammoth, which unzips it with JSZip). zip-guard.ts
 * vets the archive first; mammoth then never reads anything but the zip's own entries.
 */
import mammoth from 'mammoth';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLine } from './source-line.js';
import { guardDocx } from './zip-guard.js';

interface MammothNode {
  type: string;
  value?: string;
  styleName?: string | null;
  /** Set on a paragraph Word numbers itself (a list item, an auto-numbered heading). */
  numbering?: { level: string; isOrdered: boolean } | null;
  children?: MammothNode[];
}

/** A block of the document in reading order: a paragraph, or a table as rows of cell texts. */
export type DocxBlock =
  | { kind: 'paragraph'; text: string; no: number; styleLevel?: number; numbered: boolean }
  | { kind: 'table'; rows: string[][] };

/** One SourceLine per non-empty paragraph (Word's "Heading N" styles give the level), table cells' paragraphs included, or why the file is refused. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceLine[] | Diagnostic> {
  const read = await readParagraphs(bytes, file);
  if (!Array.isArray(read)) return read;
  return read.flatMap(({ node, no }) => {
    const line = paragraphLine(node, no);
    return line.text.trim() ? [{ text: line.text, no, styleLevel: line.styleLevel }] : [];
  });
}

/** The document as paragraphs and tables (what git's textconv prints), or why the file is refused. */
export async function readDocxBlocks(bytes: Uint8Array, file: string): Promise<DocxBlock[] | Diagnostic> {
  const read = await readParagraphs(bytes, file);
  if (!Array.isArray(read)) return read;
  const blocks: DocxBlock[] = [];
  const tables = new Map<MammothNode, { kind: 'table'; rows: string[][] }>();
  for (const { node, no, table, row, cell } of read) {
    if (!table) {
      const line = paragraphLine(node, no);
      if (line.text.trim()) blocks.push({ kind: 'paragraph', ...line, numbered: Boolean(node.numbering) });
      continue;
    }
    let block = tables.get(table);
    if (!block) tables.set(table, (block = { kind: 'table', rows: [] })), blocks.push(block);
    const cells = (block.rows[row!] ??= []);
    cells[cell!] = [cells[cell!], textOf(node)].filter(Boolean).join(' ');
  }
  return blocks.map((b) => (b.kind === 'table' ? { ...b, rows: b.rows.map((r) => Array.from(r, (c) => c ?? '')) } : b));
}

interface Paragraph {
  node: MammothNode;
  /** Its place among the document's paragraphs, 1-based (what import calls a line). */
  no: number;
  /** The table it is in (the outermost), with its row and cell. */
  table?: MammothNode;
  row?: number;
  cell?: number;
}

function paragraphLine(node: MammothNode, no: number): { text: string; no: number; styleLevel?: number } {
  const heading = /^(?:heading|标题)\s*(\d)$/i.exec(node.styleName?.trim() ?? '');
  return { text: textOf(node), no, styleLevel: heading ? Number(heading[1]) : node.styleName === 'Title' ? 0 : undefined };
}

async function readParagraphs(bytes: Uint8Array, file: string): Promise<Paragraph[] | Diagnostic> {
  const refused = await guardDocx(bytes, file);
  if (refused) return refused;
  const paragraphs: Paragraph[] = [];
  const collect = (node: MammothNode, at: Omit<Paragraph, 'node' | 'no'>) => {
    if (node.type === 'paragraph') return void paragraphs.push({ node, no: paragraphs.length + 1, ...at });
    if (node.type === 'table' && !at.table) {
      node.children?.forEach((row, r) => row.children?.forEach((cell, c) => collect(cell, { table: node, row: r, cell: c })));
      return;
    }
    node.children?.forEach((child) => collect(child, at));
  };
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      // Linked (r:link, TargetMode="External") images would be read from disk; mammoth 1.13
      // defaults to off, pinned here so an upgrade cannot turn it on. Images are never read at
      // all: only the text is imported.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      includeEmbeddedStyleMap: false,
      transformDocument: (document: MammothNode) => {
        collect(document, {});
        return document;
      },
    },
  );
  return paragraphs;
}

function textOf(node: MammothNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return '\t';
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(textOf).join('');
}

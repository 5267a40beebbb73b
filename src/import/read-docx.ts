/**
 * The only module that opens a DOCX (via mammoth, which unzips it with JSZip): swap it here
 * when the zip reading needs hardening against hostile files.
 */
import mammoth from 'mammoth';
import type { SourceLine } from './source-line.js';

interface MammothNode {
  type: string;
  value?: string;
  styleName?: string | null;
  children?: MammothNode[];
}

/** One SourceLine per non-empty paragraph; Word's "Heading N" styles give the level. */
export async function readDocx(bytes: Uint8Array): Promise<SourceLine[]> {
  const paragraphs: MammothNode[] = [];
  const collect = (node: MammothNode) => {
    if (node.type === 'paragraph') paragraphs.push(node);
    else node.children?.forEach(collect);
  };
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      transformDocument: (document: MammothNode) => {
        collect(document);
        return document;
      },
    },
  );
  const lines: SourceLine[] = [];
  paragraphs.forEach((p, i) => {
    const text = textOf(p);
    if (!text.trim()) return;
    const heading = /^(?:heading|标题)\s*(\d)$/i.exec(p.styleName?.trim() ?? '');
    lines.push({ text, no: i + 1, styleLevel: heading ? Number(heading[1]) : p.styleName === 'Title' ? 0 : undefined });
  });
  return lines;
}

function textOf(node: MammothNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return '\t';
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(textOf).join('');
}

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
  children?: MammothNode[];
}

/** One SourceLine per non-empty paragraph (Word's "Heading N" styles give the level), or why the file is refused. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceLine[] | Diagnostic> {
  const refused = await guardDocx(bytes, file);
  if (refused) return refused;
  const paragraphs: MammothNode[] = [];
  const collect = (node: MammothNode) => {
    if (node.type === 'paragraph') paragraphs.push(node);
    else node.children?.forEach(collect);
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

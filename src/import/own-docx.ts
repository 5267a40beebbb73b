/**
 * A DOCX that lawreport built, read back by its structure: the styles the renderer gave each
 * block (标题, 标题 1–4, 列表段落, 引用, Figure, 题注), Word's own table merges, run formatting,
 * pictures and footnotes, and the custom document properties render/docx/provenance.ts wrote.
 * A clerk's edits in Word keep all of these, so edited text comes back as edited.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { PROVENANCE } from '../render/docx/provenance.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** A piece of a paragraph's text, with the formatting Markdown or HTML can say again. */
export type Piece =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; strike?: boolean; underline?: boolean; script?: 'superscript' | 'subscript' }
  | { kind: 'break' }
  | { kind: 'picture'; name: string; alt: string; title: string; bytes?: Uint8Array; extension: string }
  | { kind: 'footnote'; pieces: Piece[][] };

export interface OwnParagraph {
  kind: 'paragraph';
  style: string;
  /** Left indent in twips (list and quote nesting). */
  left: number;
  /** A first-line indent is set (body text); code lines and closing lines have none. */
  firstLine: boolean;
  pieces: Piece[];
}

export interface OwnCell {
  pieces: Piece[];
  colSpan: number;
  /** 'restart' opens a vertical merge, 'continue' is covered by the cell above. */
  vMerge?: 'restart' | 'continue';
  align?: 'left' | 'right' | 'center';
}

export interface OwnTable {
  kind: 'table';
  headerRows: number;
  rows: OwnCell[][];
}

export type OwnBlock = OwnParagraph | OwnTable;

export interface OwnDocument {
  properties: Map<string, string>;
  blocks: OwnBlock[];
}

/** The properties of a DOCX lawreport built, or undefined for any other DOCX (read the ordinary way). */
export function ownProperties(parts: Record<string, Uint8Array>): Map<string, string> | undefined {
  const custom = parts['docProps/custom.xml'];
  if (!custom) return undefined;
  const doc = parse(custom);
  const props = new Map<string, string>();
  for (const p of Array.from(doc.getElementsByTagNameNS('*', 'property'))) {
    const name = p.getAttribute('name');
    if (name && (name === PROVENANCE || name.startsWith(`${PROVENANCE}.`))) props.set(name, p.textContent ?? '');
  }
  return props.has(PROVENANCE) ? props : undefined;
}

/**
 * The parts of a vetted DOCX (zip-guard.ts ran first), read by the very parser the guard measured:
 * another one would see entries the guard never counted (of two entries with one name JSZip keeps
 * the last; fflate inflates both, a 2 GB one hidden first included).
 */
export async function docxParts(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, Uint8Array> = {};
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && /^(?:word\/|docProps\/custom\.xml$)/.test(entry.name)) parts[entry.name] = await entry.async('uint8array');
  }
  return parts;
}

function parse(bytes: Uint8Array) {
  return new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'text/xml');
}

type El = Element;

const children = (el: El, local?: string): El[] =>
  Array.from(el.childNodes).filter((n): n is El => n.nodeType === 1 && (local === undefined || ((n as El).localName === local && (n as El).namespaceURI === W)));
const child = (el: El | undefined, local: string) => (el ? children(el, local)[0] : undefined);
const wAttr = (el: El | undefined, name: string) => el?.getAttributeNS(W, name) || undefined;
/** A w:b / w:i style toggle: on unless w:val says off. */
const toggle = (el: El | undefined) => el !== undefined && !/^(?:0|false|off)$/.test(wAttr(el, 'val') ?? '');

export function readOwnDocument(parts: Record<string, Uint8Array>, properties: Map<string, string>): OwnDocument {
  const document = parse(parts['word/document.xml'] ?? new Uint8Array());
  const rels = new Map<string, string>();
  const relsPart = parts['word/_rels/document.xml.rels'];
  if (relsPart) for (const r of Array.from(parse(relsPart).getElementsByTagName('Relationship'))) rels.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  const footnotes = new Map<string, El>();
  const notesPart = parts['word/footnotes.xml'];
  if (notesPart) for (const f of Array.from(parse(notesPart).getElementsByTagNameNS(W, 'footnote'))) footnotes.set(wAttr(f, 'id') ?? '', f);

  const picture = (drawing: El): Piece | undefined => {
    const docPr = drawing.getElementsByTagNameNS(WP, 'docPr')[0];
    const blip = drawing.getElementsByTagNameNS(A, 'blip')[0];
    const target = blip ? rels.get(blip.getAttributeNS(R, 'embed') ?? '') : undefined;
    if (!target) return undefined;
    const path = `word/${target.replace(/^\.?\//, '')}`;
    return {
      kind: 'picture',
      name: docPr?.getAttribute('name') ?? '',
      alt: docPr?.getAttribute('descr') ?? '',
      title: docPr?.getAttribute('title') ?? '',
      bytes: parts[path],
      extension: (/\.([a-z0-9]+)$/i.exec(target)?.[1] ?? 'png').toLowerCase(),
    };
  };

  const pieces = (p: El): Piece[] => {
    const out: Piece[] = [];
    const walk = (el: El) => {
      for (const c of children(el)) {
        if (c.namespaceURI !== W) continue;
        if (c.localName === 'r') run(c);
        else if (['hyperlink', 'ins', 'smartTag', 'sdt', 'sdtContent', 'fldSimple'].includes(c.localName)) walk(c);
      }
    };
    const run = (r: El) => {
      const rPr = child(r, 'rPr');
      const vert = wAttr(child(rPr, 'vertAlign'), 'val');
      const u = wAttr(child(rPr, 'u'), 'val');
      const format = {
        ...(toggle(child(rPr, 'b')) ? { bold: true } : {}),
        ...(toggle(child(rPr, 'i')) ? { italic: true } : {}),
        ...(toggle(child(rPr, 'strike')) ? { strike: true } : {}),
        ...(child(rPr, 'u') && u !== 'none' ? { underline: true } : {}),
        ...(vert === 'superscript' || vert === 'subscript' ? { script: vert as 'superscript' | 'subscript' } : {}),
      };
      for (const c of children(r)) {
        if (c.localName === 't') out.push({ kind: 'text', text: c.textContent ?? '', ...format });
        else if (c.localName === 'tab') out.push({ kind: 'text', text: '\t', ...format });
        else if (c.localName === 'br' && (wAttr(c, 'type') ?? 'textWrapping') === 'textWrapping') out.push({ kind: 'break' });
        else if (c.localName === 'drawing') {
          const pic = picture(c);
          if (pic) out.push(pic);
        } else if (c.localName === 'footnoteReference') {
          const note = footnotes.get(wAttr(c, 'id') ?? '');
          if (note) out.push({ kind: 'footnote', pieces: children(note, 'p').map(pieces).filter((ps) => ps.length > 0) });
        }
      }
    };
    walk(p);
    return out;
  };

  const paragraph = (p: El): OwnParagraph => {
    const pPr = child(p, 'pPr');
    const ind = child(pPr, 'ind');
    return {
      kind: 'paragraph',
      style: wAttr(child(pPr, 'pStyle'), 'val') ?? 'Normal',
      left: Number(wAttr(ind, 'left') ?? wAttr(ind, 'start') ?? 0) || 0,
      firstLine: Number(wAttr(ind, 'firstLine') ?? 0) > 0,
      pieces: pieces(p),
    };
  };

  const table = (tbl: El): OwnTable => {
    const rows = children(tbl, 'tr');
    let headerRows = 0;
    while (headerRows < rows.length && toggle(child(child(rows[headerRows], 'trPr'), 'tblHeader'))) headerRows++;
    return {
      kind: 'table',
      headerRows,
      rows: rows.map((tr) =>
        children(tr, 'tc').map((tc) => {
          const tcPr = child(tc, 'tcPr');
          const vMerge = child(tcPr, 'vMerge');
          const ps = children(tc, 'p');
          const jc = wAttr(child(child(ps[0], 'pPr'), 'jc'), 'val');
          return {
            pieces: ps.flatMap((p, i) => [...(i > 0 ? [{ kind: 'break' } as const] : []), ...pieces(p)]),
            colSpan: Math.max(1, Number(wAttr(child(tcPr, 'gridSpan'), 'val') ?? 1) || 1),
            ...(vMerge ? { vMerge: wAttr(vMerge, 'val') === 'restart' ? ('restart' as const) : ('continue' as const) } : {}),
            ...(jc === 'right' || jc === 'center' ? { align: jc } : jc === 'left' ? { align: 'left' as const } : {}),
          };
        }),
      ),
    };
  };

  const blocks: OwnBlock[] = [];
  const body = document.getElementsByTagNameNS(W, 'body')[0];
  const visit = (el: El) => {
    for (const c of children(el)) {
      if (c.localName === 'p') blocks.push(paragraph(c));
      else if (c.localName === 'tbl') blocks.push(table(c));
      else if (c.localName === 'sdt' || c.localName === 'sdtContent') visit(c);
    }
  };
  if (body) visit(body);
  return { properties, blocks };
}

/** A paragraph's plain text. */
export function plainText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? '\n' : '')).join('');
}

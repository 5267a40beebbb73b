import { findFigures, type FigureHit } from '../figures/find.js';
import { configYaml, metricComment, PLACEHOLDER, yamlScalar } from '../init/report-files.js';
import { CONFIG_FILE, METRICS_FILE } from '../load/report.js';
import type { Catalog, Profile } from '../model.js';
import { stripHeadingNumber } from '../profile/match.js';
import { renderTitle } from '../profile/title.js';
import { PROVENANCE } from '../render/docx/provenance.js';
import { formatPercent } from '../template/helpers.js';
import { escapeProse } from './markdown-out.js';
import { plainText, type OwnBlock, type OwnCell, type OwnDocument, type OwnParagraph, type OwnTable, type Piece } from './own-docx.js';

/** One nesting level of lists and quotes: the renderer indents by two characters (docx/layout.ts chars(2)). */
const LEVEL_TWIPS = 630;

export interface OwnImport {
  files: Record<string, string | Uint8Array>;
  title: string;
  org: string;
  year?: number;
  date?: string;
  signature: string[];
  chapters: { heading: string; line: number; id?: string; file: string }[];
  figures: { path: string; value: number }[];
}

/**
 * A DOCX lawreport built → the folder it was built from: lawreport.yaml from the properties and
 * the closing (signature, attachments), each chapter into the file it came from with its
 * sections, lists, quotes, tables (merged cells as HTML), pictures and footnotes, and the figures
 * the text cites as references again ({{fig …}}, {{pct …}} where a rate equals the one computed
 * from its parts), metrics.yaml holding their values.
 */
export function importOwnDocument(doc: OwnDocument, profile: Profile, profileName: string, catalog: Catalog, templateFigures: boolean): OwnImport {
  const props = doc.properties;
  const figures = new Map<string, number>();
  for (const [name, value] of props) {
    const path = name.startsWith(`${PROVENANCE}.figure.`) ? name.slice(`${PROVENANCE}.figure.`.length) : undefined;
    if (path && catalog.byPath.has(path) && value.trim() !== '' && Number.isFinite(Number(value))) figures.set(path, Number(value));
  }
  const year = Number(props.get(`${PROVENANCE}.year`)) || undefined;
  const org = props.get(`${PROVENANCE}.org`) ?? '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(props.get(`${PROVENANCE}.date`) ?? '') ? props.get(`${PROVENANCE}.date`) : undefined;
  const written = props.get(`${PROVENANCE}.profile`);

  const blocks = doc.blocks;
  // The title: the leading 标题 paragraphs.
  let i = 0;
  const titleLines: string[] = [];
  while (i < blocks.length && isParagraph(blocks[i]!) && (blocks[i] as OwnParagraph).style === 'Title') titleLines.push(plainText((blocks[i++] as OwnParagraph).pieces));
  const closing = closingOf(blocks);
  const body = blocks.slice(i, closing.start);

  // Chapters at 标题 1; what comes before the first is the preface.
  const parts: { heading?: OwnParagraph; blocks: OwnBlock[] }[] = [{ blocks: [] }];
  for (const b of body) {
    if (isParagraph(b) && b.style === 'Heading1') parts.push({ heading: b, blocks: [] });
    else parts.at(-1)!.blocks.push(b);
  }

  const files: Record<string, string | Uint8Array> = {};
  const pictures = new Pictures(files);
  const md = new MarkdownWriter(catalog, figures, templateFigures, pictures, year);
  const chapters: OwnImport['chapters'] = [];
  const [preface, ...rest] = parts;
  if (preface!.blocks.some((b) => !isEmpty(b))) {
    const file = props.get(`${PROVENANCE}.preface`) ?? 'chapters/00-preface.md';
    files[safeChapterPath(file, 'chapters/00-preface.md')] = chapterText('preface', undefined, md.blocks(preface!.blocks));
  }
  rest.forEach((part, n) => {
    const heading = stripHeadingNumber(plainText(part.heading!.pieces)).text.trim();
    const [id, file] = (props.get(`${PROVENANCE}.chapter.${n + 1}`) ?? '').split('|');
    const outline = profile.chapters.find((c) => c.id === id);
    const fallback = `chapters/${String(n + 1).padStart(2, '0')}-${id || `extra-${n + 1}`}.md`;
    const path = safeChapterPath(file ?? '', fallback);
    const own = !outline || renderTitle(outline.title, { year }) !== heading;
    files[path] = chapterText(id || `extra-${n + 1}`, own ? heading : undefined, md.blocks(part.blocks));
    chapters.push({ heading: plainText(part.heading!.pieces), line: 0, ...(outline ? { id } : {}), file: path });
  });

  const title = titleLines.join('');
  files[CONFIG_FILE] = configYaml({
    origin: '由 lawreport 生成的 DOCX 导入（lawreport import），请核对后再用',
    profile: written && /^[a-z0-9][a-z0-9-]*$/.test(written) ? written : profileName,
    org,
    year,
    date,
    title: title && title !== `${org}${year}年法治政府建设年度报告` ? (titleLines.length > 1 ? titleLines.join('\\n') : title) : undefined,
    signature: closing.signature.length > 0 ? closing.signature : undefined,
    attachments: closing.attachments,
  });
  files[METRICS_FILE] = metricsOf(catalog, figures);
  return { files, title, org, year, date, signature: closing.signature, chapters, figures: [...figures].map(([path, value]) => ({ path, value })) };
}

const isParagraph = (b: OwnBlock): b is OwnParagraph => b.kind === 'paragraph';
const isEmpty = (b: OwnBlock) => isParagraph(b) && b.pieces.every((p) => p.kind === 'text' && p.text.trim() === '');

/** A chapter path from the properties, if it is one lawreport could have read (chapters/*.md, nothing leaving the folder). */
function safeChapterPath(file: string, fallback: string): string {
  return /^chapters\/[^/\\]+\.(?:md|markdown)$/i.test(file) && !file.includes('..') ? file : fallback;
}

function chapterText(id: string, title: string | undefined, body: string): string {
  const front = ['---', `id: ${yamlScalar(id)}`, ...(title ? [`title: ${yamlScalar(title)}`] : []), '---', ''];
  return [...front, (body || PLACEHOLDER).trimEnd(), ''].join('\n');
}

/**
 * The closing as docx/closing.ts lays it out, read from the end: the date, the signature lines
 * above it up to a blank line, and above that (after another blank) 「附件：」 lines.
 */
function closingOf(blocks: OwnBlock[]): { start: number; signature: string[]; attachments: string[] } {
  let end = blocks.length;
  while (end > 0 && isEmpty(blocks[end - 1]!)) end--;
  const closingLine = (b: OwnBlock | undefined) => b !== undefined && isParagraph(b) && b.style === 'Normal' && !b.firstLine && !isEmpty(b);
  if (!closingLine(blocks[end - 1])) return { start: blocks.length, signature: [], attachments: [] };
  let k = end - 1; // the date
  const signature: string[] = [];
  while (closingLine(blocks[k - 1])) signature.unshift(plainText((blocks[--k] as OwnParagraph).pieces));
  let start = k;
  if (!isEmpty(blocks[start - 1] ?? { kind: 'table', headerRows: 0, rows: [] })) return { start: blocks.length, signature: [], attachments: [] };
  start--;
  const attachments: string[] = [];
  let a = start;
  while (closingLine(blocks[a - 1])) a--;
  const lines = blocks.slice(a, start).map((b) => plainText((b as OwnParagraph).pieces));
  if (lines.length > 0 && lines[0]!.startsWith('附件：') && isEmpty(blocks[a - 1] ?? { kind: 'table', headerRows: 0, rows: [] })) {
    const names = lines.map((l, n) => l.replace(/^附件：/, '').replace(lines.length > 1 ? new RegExp(`^\\s*${n + 1}\\.\\s*`) : /^$/, ''));
    attachments.push(...names);
    start = a - 1;
  }
  return { start, signature, attachments };
}

/** Pictures written back under the names the chapters gave them (a drawing's name), else images/图N. */
class Pictures {
  private n = 0;
  constructor(private files: Record<string, string | Uint8Array>) {}
  place(piece: Extract<Piece, { kind: 'picture' }>): string {
    this.n++;
    const wanted = piece.name.replace(/^\.\//, '');
    const safe = /^[^/\\:*?"<>|][^\\:*?"<>|]*\.(?:png|jpe?g|gif|bmp)$/i.test(wanted) && !wanted.split('/').includes('..') && !wanted.startsWith('/') && !/^(?:chapters|templates|dist)\//.test(wanted);
    const path = safe ? wanted : `images/图${this.n}.${piece.extension}`;
    if (piece.bytes) this.files[path] = piece.bytes;
    return path;
  }
}

/** Chapter blocks → Markdown, with the figures as references. */
class MarkdownWriter {
  constructor(
    private catalog: Catalog,
    private figures: Map<string, number>,
    private template: boolean,
    private pictures: Pictures,
    private year: number | undefined,
  ) {}

  blocks(blocks: OwnBlock[]): string {
    const out: string[] = [];
    const notes: string[] = [];
    /** Content columns of the open list items, innermost last. */
    const items: { level: number; indent: string }[] = [];
    let code: string[] | undefined;
    const flushCode = () => {
      if (code) out.push(['```', ...code, '```'].join('\n'));
      code = undefined;
    };
    for (let k = 0; k < blocks.length; k++) {
      const b = blocks[k]!;
      if (b.kind === 'table') {
        flushCode();
        items.length = 0;
        out.push(this.table(b));
        continue;
      }
      if (b.style !== 'Normal' || b.firstLine || b.left > 0) flushCode();
      const level = Math.round(b.left / LEVEL_TWIPS);
      switch (b.style) {
        case 'Heading2':
        case 'Heading3':
        case 'Heading4': {
          items.length = 0;
          const depth = Number(b.style.slice(-1));
          out.push(`${'#'.repeat(depth)} ${this.inline(dropNumber(b.pieces), notes, false)}`);
          break;
        }
        case 'ListParagraph': {
          const text = plainText(b.pieces);
          const m = /^(\d+)\.|^·/.exec(text);
          const marker = m ? (m[1] ? `${m[1]}.` : '-') : '-';
          const pieces = m ? dropPrefix(b.pieces, m[0].length) : b.pieces;
          while (items.length > 0 && items.at(-1)!.level >= level) items.pop();
          const indent = items.at(-1)?.indent ?? '';
          const line = `${indent}${marker} ${this.inline(pieces, notes, false)}`;
          // Items of one list stay together (a tight list, as the source had it).
          if (isListItem(blocks[k - 1]) && out.length > 0) out[out.length - 1] += `\n${line}`;
          else out.push(line);
          items.push({ level, indent: indent + ' '.repeat(marker.length + 1) });
          break;
        }
        case 'Quote':
          items.length = 0;
          out.push(`${'> '.repeat(Math.max(1, level))}${this.inline(b.pieces, notes, false)}`);
          break;
        case 'Figure': {
          const pic = b.pieces.find((p): p is Extract<Piece, { kind: 'picture' }> => p.kind === 'picture');
          if (!pic) break;
          const path = this.pictures.place(pic);
          const title = pic.title && pic.title !== pic.alt ? ` ${JSON.stringify(pic.title)}` : '';
          // The picture's indent says which list item holds it; the renderer indents none, so a
          // picture ends the lists before it. Kept inside an item, it would join the next list to
          // the one before and renumber it (「1.」 after the picture printed as 「3.」).
          while (items.length > 0 && items.at(-1)!.level >= level) items.pop();
          out.push(`${items.at(-1)?.indent ?? ''}![${escapeProse(pic.alt, false)}](${encodeURI(path)}${title})`);
          if (isParagraph(blocks[k + 1] ?? b) && (blocks[k + 1] as OwnParagraph).style === 'Caption') k++;
          break;
        }
        case 'Caption':
          break;
        default: {
          if (isEmpty(b)) break;
          if (!b.firstLine && b.left === 0) {
            (code ??= []).push(plainText(b.pieces));
            break;
          }
          // An indented body paragraph after a list item continues that item.
          const owner = [...items].reverse().find((it) => it.level < level);
          if (!owner) items.length = 0;
          out.push(`${owner?.indent ?? ''}${this.inline(b.pieces, notes, true)}`);
        }
      }
    }
    flushCode();
    return [...out, ...notes].join('\n\n');
  }

  /** A table: GFM when it has one header row and no merges, HTML (which lawreport renders in every format) otherwise. */
  private table(t: OwnTable): string {
    const merged = t.rows.some((r) => r.some((c) => c.colSpan > 1 || c.vMerge));
    if (!merged && t.headerRows === 1 && t.rows.length > 0) {
      const notes: string[] = [];
      const cell = (c: OwnCell) => this.inline(c.pieces, notes, false).replace(/\|/g, '\\|').replace(/\n/g, '<br>') || ' ';
      const body = t.rows.slice(1);
      const align = t.rows[0]!.map((_, col) => body[0]?.[col]?.align);
      const rule = align.map((a) => (a === 'right' ? '-:' : a === 'center' ? ':-:' : '-'));
      const lines = [t.rows[0]!, ...body].map((r) => `| ${r.map(cell).join(' | ')} |`);
      lines.splice(1, 0, `| ${rule.join(' | ')} |`);
      return lines.join('\n');
    }
    // Row spans: Word marks the covered cells; HTML counts the rows a cell spans.
    const spans = new Map<OwnCell, number>();
    const columns: (OwnCell | undefined)[] = [];
    t.rows.forEach((row) => {
      let col = 0;
      for (const c of row) {
        if (c.vMerge === 'continue') {
          const top = columns[col];
          if (top) spans.set(top, (spans.get(top) ?? 1) + 1);
        } else for (let s = 0; s < c.colSpan; s++) columns[col + s] = c.vMerge === 'restart' ? c : undefined;
        if (c.vMerge === 'restart') spans.set(c, spans.get(c) ?? 1);
        col += c.colSpan;
      }
    });
    const lines = ['<table>'];
    t.rows.forEach((row, r) => {
      const cells = row
        .filter((c) => c.vMerge !== 'continue')
        .map((c) => {
          const tag = r < t.headerRows ? 'th' : 'td';
          const attrs = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${(spans.get(c) ?? 1) > 1 ? ` rowspan="${spans.get(c)}"` : ''}${r >= t.headerRows && c.align && c.align !== 'left' ? ` align="${c.align}"` : ''}`;
          return `<${tag}${attrs}>${this.html(c.pieces)}</${tag}>`;
        });
      lines.push(`<tr>${cells.join('')}</tr>`);
    });
    lines.push('</table>');
    return lines.join('\n');
  }

  /** Inline pieces as HTML (inside an HTML table Markdown is not read): figures still as references. */
  private html(pieces: Piece[]): string {
    return this.render(pieces, [], (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '\\{{'), true);
  }

  private inline(pieces: Piece[], notes: string[], atLineStart: boolean): string {
    let first = atLineStart;
    return this.render(pieces, notes, (text) => {
      const out = escapeProse(text, first);
      first = false;
      return out;
    }, false);
  }

  /** Pieces → text: escaped prose, formatting as Markdown or tags, figure hits as references. */
  private render(pieces: Piece[], notes: string[], escape: (text: string) => string, html: boolean): string {
    const plain = pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? '\n' : '')).join('');
    const refs = this.template ? this.references(plain) : [];
    let at = 0;
    let out = '';
    const formatted = (p: Piece | undefined) => p?.kind === 'text' && (p.bold || p.italic || p.strike);
    for (const [j, p] of pieces.entries()) {
      if (p.kind === 'break') {
        out += '<br>';
        at += 1;
        continue;
      }
      if (p.kind === 'picture') {
        out += `<img src="${encodeURI(this.pictures.place(p))}" alt="${p.alt.replace(/"/g, '&quot;')}">`;
        continue;
      }
      if (p.kind === 'footnote') {
        const n = notes.length + 1;
        out += `[^${n}]`;
        notes.push(`[^${n}]: ${p.pieces.map((ps) => this.inline(ps, [], false)).join(' ')}`);
        continue;
      }
      const start = at;
      const end = at + p.text.length;
      at = end;
      let text = '';
      let pos = start;
      for (const r of refs.filter((r) => r.start >= start && r.end <= end)) {
        text += escape(plain.slice(pos, r.start)) + r.ref;
        pos = r.end;
      }
      text += escape(plain.slice(pos, end));
      // Delimiters of two formatted neighbours would run together (「*甲***乙***丙*」): tags then.
      out += wrap(text, p, html || !!formatted(pieces[j - 1]) || !!formatted(pieces[j + 1]));
    }
    return out;
  }

  /**
   * Where the text states a cited figure, the reference that prints it so: what the figure finder
   * reads after a label first; then a number and unit no label stands before (a table cell
   * 「422宗」, 「全镇14个村」) when exactly one cited figure prints so; then the report's year and
   * the next (「2024年」 → {{report.year}}年).
   */
  private references(text: string): { start: number; end: number; ref: string }[] {
    const out: { start: number; end: number; ref: string }[] = [];
    const free = (start: number, end: number) => !out.some((r) => r.start < end && start < r.end) && !/[{\\]$/.test(text.slice(0, start)) && text[end] !== '}';
    for (const hit of findFigures(text, this.catalog)) {
      const ref = this.referenceOf(hit);
      if (ref && free(hit.start, hit.end)) out.push({ start: hit.start, end: hit.end, ref });
    }
    for (const m of text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)([^\s\d.,，、。；;：:（）()]{1,2})/g)) {
      const start = m.index;
      for (const unit of [m[2]!, m[2]!.slice(0, 1)]) {
        const path = this.onlyWith(Number(m[1]), unit);
        const end = start + m[1]!.length + unit.length;
        if (path && String(Number(m[1])) === m[1] && free(start, end)) {
          out.push({ start, end, ref: `{{fig ${path}}}` });
          break;
        }
      }
    }
    if (this.year !== undefined) {
      for (const m of text.matchAll(/(?<!\d)(\d{4})年/g)) {
        const which = Number(m[1]) === this.year ? 'year' : Number(m[1]) === this.year + 1 ? 'nextYear' : undefined;
        if (which && free(m.index, m.index + 4)) out.push({ start: m.index, end: m.index + 4, ref: `{{report.${which}}}` });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  private referenceOf(hit: FigureHit): string | undefined {
    const stated = Number(hit.number);
    if (!Number.isFinite(stated) || String(stated) !== hit.number) return undefined;
    const def = hit.def;
    // A rate the text prints as computed from its parts.
    if (def.type === 'percent' && !this.figures.has(def.path) && def.numerator && def.denominator && /%|％/.test(hit.unit)) {
      const part = this.figures.get(def.numerator);
      const whole = this.figures.get(def.denominator);
      if (part !== undefined && whole !== undefined && whole !== 0) {
        for (const digits of [2, 1, 0, 3]) {
          if (formatPercent(part, whole, digits) === `${hit.number}%`) return `{{pct ${def.numerator} ${def.denominator}${digits === 2 ? '' : ` digits=${digits}`}}}`;
        }
      }
    }
    const path = this.figures.get(def.path) === stated ? def.path : this.onlyWith(stated, hit.unit);
    if (!path) return undefined;
    const unit = this.catalog.byPath.get(path)!.unit;
    if (!hit.approx && hit.unit === unit) return `{{fig ${path}}}`;
    return `{{${path}}}${hit.approx}${hit.unit}`;
  }

  /** The one cited figure with this value and unit, when the finder named another metric (「合同70件、规范性文件5件」). */
  private onlyWith(value: number, unit: string): string | undefined {
    const found = [...this.figures].filter(([path, v]) => v === value && this.catalog.byPath.get(path)?.unit === unit);
    return found.length === 1 ? found[0]![0] : undefined;
  }
}

function wrap(text: string, p: Extract<Piece, { kind: 'text' }>, html: boolean): string {
  if (!text) return text;
  let out = text;
  if (p.script) out = `<${p.script === 'superscript' ? 'sup' : 'sub'}>${out}</${p.script === 'superscript' ? 'sup' : 'sub'}>`;
  if (p.underline) out = `<u>${out}</u>`;
  // Markdown's ** and * only hold beside letters (CommonMark's flanking rules); tags always do.
  const markdown = !html && /^[\p{L}\p{N}]/u.test(text) && /[\p{L}\p{N}]$/u.test(text) && !/[*_]/.test(text);
  if (p.strike) out = markdown ? `~~${out}~~` : `<s>${out}</s>`;
  if (p.italic) out = markdown ? `*${out}*` : `<i>${out}</i>`;
  if (p.bold) out = markdown ? `**${out}**` : `<b>${out}</b>`;
  return out;
}

function isListItem(b: OwnBlock | undefined): boolean {
  return b !== undefined && isParagraph(b) && b.style === 'ListParagraph';
}

/** The pieces without their first `n` characters of text (a list marker). */
function dropPrefix(pieces: Piece[], n: number): Piece[] {
  const out: Piece[] = [];
  let left = n;
  for (const p of pieces) {
    if (left > 0 && p.kind === 'text') {
      if (p.text.length <= left) {
        left -= p.text.length;
        continue;
      }
      out.push({ ...p, text: p.text.slice(left) });
      left = 0;
      continue;
    }
    out.push(p);
  }
  return out;
}

/** A heading's pieces without the number the compiler put in front (「（一）」「1.」). */
function dropNumber(pieces: Piece[]): Piece[] {
  const text = plainText(pieces);
  const stripped = stripHeadingNumber(text);
  return dropPrefix(pieces, text.length - stripped.text.length);
}

/** metrics.yaml with the figures the report cites, in catalog order. */
function metricsOf(catalog: Catalog, figures: Map<string, number>): string {
  const lines = ['# 由 lawreport 生成的 DOCX 中的数据（正文引用的各项）。', '# 章节中用 {{组.项}} 引用，或 {{fig 组.项}} 连同单位输出。'];
  for (const group of catalog.groups) {
    const found = group.metrics.filter((m) => figures.has(m.path));
    if (found.length === 0) continue;
    lines.push('', `${group.key}:${' '.repeat(Math.max(1, 24 - group.key.length))}# ${group.label}`);
    for (const def of found) {
      const key = def.path.slice(group.key.length + 1);
      const value = figures.get(def.path)!;
      lines.push(`  ${key}: ${yamlScalar(value)}${' '.repeat(Math.max(1, 22 - key.length - String(value).length))}# ${metricComment(def)}`);
    }
  }
  return lines.join('\n') + '\n';
}

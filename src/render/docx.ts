import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { DocChapter, Fonts, ReportDocument } from '../model.js';
import { numberOf } from '../markdown/numbering.js';
import { inlineText } from './inline.js';
import { attachmentsText, listMarker } from './text.js';
import { makeReproducible } from './reproducible.js';

/** GB/T 9704-2012 numbers, in the units Word wants (half-points for sizes, twips for lengths). */
export const LAYOUT = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  titleSize: 44, // 二号 22 pt
  bodySize: 32, // 三号 16 pt
  tableSize: 28, // 四号 14 pt
  pageNumberSize: 28, // 四号 14 pt
  /** Exact line height: 225 mm / 22 lines ≈ 28.95 pt = 579 twips. */
  lineTwips: 579,
  /** Two characters of 16 pt. */
  firstLineIndentTwips: 640,
};

type Level = 'title' | 'body' | 'heading1' | 'heading2';

function font(fonts: Fonts, level: Level | 'pageNumber') {
  const name = fonts[level === 'title' ? 'title' : level];
  // Every run names its East Asian font explicitly: no theme font is left to substitute.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function runs(nodes: readonly PhrasingContent[], base: IRunOptions, doc: ReportDocument): ParagraphChild[] {
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
          const asset = doc.assets.get(decodeURI(node.url));
          if (asset && (asset.mime === 'image/png' || asset.mime === 'image/jpeg' || asset.mime === 'image/gif' || asset.mime === 'image/bmp')) {
            const maxWidth = 156 * 3.78; // text block width in px at 96 dpi
            const w = asset.width ?? maxWidth;
            const h = asset.height ?? maxWidth * 0.75;
            const scale = Math.min(1, maxWidth / w);
            out.push(
              new ImageRun({
                type: asset.mime === 'image/png' ? 'png' : asset.mime === 'image/gif' ? 'gif' : asset.mime === 'image/bmp' ? 'bmp' : 'jpg',
                data: asset.bytes,
                transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
                altText: { name: node.alt ?? '', description: node.alt ?? '', title: node.title ?? node.alt ?? '' },
              }),
            );
          } else out.push(new TextRun({ ...style, text: inlineText([node]) }));
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

interface BlockContext {
  doc: ReportDocument;
  fonts: Fonts;
}

function bodyRun(fonts: Fonts): IRunOptions {
  return { font: font(fonts, 'body'), size: LAYOUT.bodySize };
}

function blocks(node: RootContent, ctx: BlockContext, indentLevel = 0): (Paragraph | Table)[] {
  const { fonts, doc } = ctx;
  switch (node.type) {
    case 'heading': {
      const numbered = numberOf(node);
      const level = numbered?.level ?? 4;
      const headingFont: Level = level === 2 ? 'heading2' : 'body';
      return [
        new Paragraph({
          style: `Heading${level}`,
          indent: { firstLine: LAYOUT.firstLineIndentTwips },
          spacing: exact(LAYOUT.lineTwips),
          children: runs(node.children, { font: font(fonts, headingFont), size: LAYOUT.bodySize }, doc),
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: LAYOUT.firstLineIndentTwips, left: indentLevel * LAYOUT.firstLineIndentTwips },
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(LAYOUT.lineTwips),
          children: runs(node.children, bodyRun(fonts), doc),
        }),
      ];
    case 'list':
      return listBlocks(node, ctx, indentLevel);
    case 'blockquote':
      return node.children.flatMap((c) => blocks(c, ctx, indentLevel + 1));
    case 'code':
      return node.value.split('\n').map(
        (line) => new Paragraph({ spacing: exact(LAYOUT.lineTwips), children: [new TextRun({ ...bodyRun(fonts), text: line })] }),
      );
    case 'table':
      return [tableBlock(node, ctx)];
    default:
      return [];
  }
}

function listBlocks(list: List, ctx: BlockContext, indentLevel: number): (Paragraph | Table)[] {
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children;
    const marker = new TextRun({ ...bodyRun(ctx.fonts), text: listMarker(list, i) });
    const head =
      first?.type === 'paragraph'
        ? [
            new Paragraph({
              indent: { firstLine: LAYOUT.firstLineIndentTwips, left: indentLevel * LAYOUT.firstLineIndentTwips },
              alignment: AlignmentType.JUSTIFIED,
              spacing: exact(LAYOUT.lineTwips),
              children: [marker, ...runs(first.children, bodyRun(ctx.fonts), ctx.doc)],
            }),
          ]
        : first
          ? blocks(first, ctx, indentLevel)
          : [];
    return [...head, ...rest.flatMap((c) => blocks(c, ctx, indentLevel + 1))];
  });
}

function tableBlock(table: MdTable, ctx: BlockContext): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const cellRun = { font: font(ctx.fonts, 'body'), size: LAYOUT.tableSize };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: table.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, c) =>
              new TableCell({
                children: [
                  new Paragraph({
                    alignment: table.align?.[c] === 'right' ? AlignmentType.RIGHT : table.align?.[c] === 'center' || r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                    children: runs(cell.children, r === 0 ? { ...cellRun, font: font(ctx.fonts, 'heading1') } : cellRun, ctx.doc),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function chapterBlocks(chapter: DocChapter, ctx: BlockContext): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (chapter.number) {
    out.push(
      new Paragraph({
        style: 'Heading1',
        indent: { firstLine: LAYOUT.firstLineIndentTwips },
        spacing: exact(LAYOUT.lineTwips),
        keepNext: true,
        children: [new TextRun({ font: font(ctx.fonts, 'heading1'), size: LAYOUT.bodySize, text: chapter.number + chapter.title })],
      }),
    );
  }
  for (const node of chapter.body.children) out.push(...blocks(node, ctx));
  return out;
}

function pageNumberFooter(fonts: Fonts, side: 'right' | 'left'): Footer {
  // "— 1 —": 四号 half-width digits with an em-dash each side, one character in from the edge.
  const run = { font: font(fonts, 'pageNumber'), size: LAYOUT.pageNumberSize };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The whole report as a 公文-shaped DOCX, byte-identical for identical input. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const fonts = doc.fonts;
  const ctx: BlockContext = { doc, fonts };
  const body = exact(LAYOUT.lineTwips);
  const children: (Paragraph | Table)[] = [
    ...doc.titleLines.map(
      (line) =>
        new Paragraph({
          style: 'Title',
          alignment: AlignmentType.CENTER,
          spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [new TextRun({ font: font(fonts, 'title'), size: LAYOUT.titleSize, text: line })],
        }),
    ),
    new Paragraph({ spacing: body, children: [] }),
    ...(doc.preface ? chapterBlocks(doc.preface, ctx) : []),
    ...doc.chapters.flatMap((c) => chapterBlocks(c, ctx)),
  ];
  if (doc.attachments.length > 0) {
    children.push(new Paragraph({ spacing: body, children: [] }));
    for (const line of attachmentsText(doc.attachments).split('\n')) {
      children.push(new Paragraph({ indent: { firstLine: LAYOUT.firstLineIndentTwips }, spacing: body, children: [new TextRun({ ...bodyRun(fonts), text: line })] }));
    }
  }
  // Signature and date without a seal (GB/T 9704 7.3.5.2): right side, the date four characters in from the right.
  children.push(new Paragraph({ spacing: body, children: [] }), new Paragraph({ spacing: body, children: [] }));
  for (const line of doc.signature) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: body, children: [new TextRun({ ...bodyRun(fonts), text: line })] }));
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: body, children: [new TextRun({ ...bodyRun(fonts), text: doc.date })] }));

  const headingStyle = (id: string, name: string, level: Level) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(fonts, level), size: LAYOUT.bodySize, bold: false, color: '000000' },
    paragraph: { spacing: body, indent: { firstLine: LAYOUT.firstLineIndentTwips }, keepNext: true },
  });

  const document = new Document({
    creator: doc.org,
    title: doc.title,
    description: `${doc.org}${doc.year}年法治政府建设年度报告`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(fonts, 'body'), size: LAYOUT.bodySize }, paragraph: { spacing: body } },
      },
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', run: { font: font(fonts, 'body'), size: LAYOUT.bodySize }, paragraph: { spacing: body } },
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: font(fonts, 'title'), size: LAYOUT.titleSize, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        headingStyle('Heading1', 'heading 1', 'heading1'),
        headingStyle('Heading2', 'heading 2', 'heading2'),
        headingStyle('Heading3', 'heading 3', 'body'),
        headingStyle('Heading4', 'heading 4', 'body'),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(LAYOUT.pageWidthMm), height: convertMillimetersToTwip(LAYOUT.pageHeightMm) },
            margin: {
              top: convertMillimetersToTwip(LAYOUT.marginMm.top),
              bottom: convertMillimetersToTwip(LAYOUT.marginMm.bottom),
              left: convertMillimetersToTwip(LAYOUT.marginMm.left),
              right: convertMillimetersToTwip(LAYOUT.marginMm.right),
              footer: convertMillimetersToTwip(28),
            },
          },
        },
        footers: { default: pageNumberFooter(fonts, 'right'), even: pageNumberFooter(fonts, 'left') },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return makeReproducible(bytes, doc);
}

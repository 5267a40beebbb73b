import { Document, Packer, Paragraph, TextRun, type IPropertiesOptions } from 'docx';
import type { Fonts, ReportDocument } from '../model.js';
import type { PrecompiledDocxParts, RenderOptions } from './options.js';
import { chapterBlocks, type Block } from './docx/blocks.js';
import { bodyRun, type BlockContext } from './docx/runs.js';
import { closingBlocks } from './docx/closing.js';
import { pageNumberFooter } from './docx/footer.js';
import { LAYOUT, fontsOf } from './docx/layout.js';
import { reportStyles } from './docx/styles.js';
import { wrapTitle } from './docx/title.js';
import { patchPart } from './docx/patch.js';
import { provenanceProperties } from './docx/provenance.js';
import { zipReproducibly, type PackageParts } from './reproducible.js';
import { compileWithFixedParts, isFixedPart, type CompiledPart } from './docx/fixed-parts.js';
import { sharedStyles } from './docx/shared-properties.js';

/** Characters of 二号 on a title line, keeping one character of air at each end. */
const TITLE_WIDTH = Math.floor(LAYOUT.textWidth / (LAYOUT.titleSize * 10)) - 2;

/** The whole report as a GB/T 9704 公文-shaped DOCX, byte-identical for identical input. */
export async function renderDocx(doc: ReportDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const { fonts } = doc;
  let drawings = 0;
  const ctx: BlockContext = { doc, fonts, nextDrawingId: () => ++drawings, styles: sharedStyles(options.cache) };
  const children: Block[] = [
    ...wrapTitle(doc.titleLines, TITLE_WIDTH).map(
      (line) =>
        new Paragraph({
          style: 'Title',
          children: [new TextRun({ font: fontsOf(fonts, 'title'), size: LAYOUT.titleSize, text: line })],
        }),
    ),
    new Paragraph({ children: [] }), // 标题下空一行
    ...(doc.preface ? chapterBlocks(doc.preface, ctx) : []),
    ...doc.chapters.flatMap((c) => chapterBlocks(c, ctx)),
    ...closingBlocks(doc.attachments, doc.signature, doc.dateText, bodyRun(fonts)),
  ];

  const document = docxDocument(fonts, children, {
    creator: doc.org,
    lastModifiedBy: doc.org,
    title: doc.title,
    description: `${doc.org}${doc.year}年法治政府建设年度报告`,
    customProperties: provenanceProperties(doc),
  });
  return zipReproducibly(await packageParts(document, JSON.stringify(fonts), options), doc.date, options, patchPart);
}

/** What a report's DOCX says about itself (core and custom properties): the parts that are not fixed. */
type About = Pick<IPropertiesOptions, 'creator' | 'lastModifiedBy' | 'title' | 'description' | 'customProperties'>;

/** The report's File: the page, the styles and the footers from the fonts, the body from `children`. */
function docxDocument(fonts: Fonts, children: Block[], about: About): Document {
  return new Document({
    ...about,
    evenAndOddHeaderAndFooters: true,
    // A line ended by a line break (<br>) keeps its spacing instead of being stretched to the margin.
    compatibility: { doNotExpandShiftReturn: true },
    styles: reportStyles(fonts),
    sections: [
      {
        properties: {
          page: {
            size: LAYOUT.page,
            margin: { ...LAYOUT.margin, header: 851, footer: LAYOUT.footerTwips, gutter: 0 },
          },
          grid: { linePitch: LAYOUT.lineTwips },
        },
        footers: { default: pageNumberFooter(fonts, 'right'), even: pageNumberFooter(fonts, 'left') },
        children,
      },
    ],
  });
}

/**
 * The parts of every report's DOCX that depend on the fonts alone (styles, theme, numbering,
 * footers), as docx compiles them, before lawreport's patches: what `npm run build` writes to
 * lib/precompiled-docx-parts.cjs for the default fonts (scripts/precompile-docx-parts.mjs).
 */
export function fixedDocxParts(fonts: Fonts): PrecompiledDocxParts {
  const parts = compileParts(docxDocument(fonts, [], {}));
  if (!parts) throw new Error('docx has no Packer.compiler: its parts cannot be compiled apart');
  const fixed: Record<string, string> = {};
  for (const [name, part] of parts) {
    if (!isFixedPart(name)) continue;
    if (typeof part !== 'string') throw new Error(`docx compiled ${name} as bytes, not XML text`);
    fixed[name] = part;
  }
  return { key: JSON.stringify(fonts), parts: fixed };
}

/** What Packer zips: each part's path and its XML text or bytes, in docx's own order. */
type PartCompiler = { compile(file: Document): Map<string, string | ArrayBufferView | ArrayBuffer> };

/**
 * The package's parts before docx zips them. Packer.toBuffer would deflate every part only for
 * zipReproducibly to inflate and deflate it again; Packer's compiler (not in docx's typings, hence
 * the check) hands over the parts unzipped. Without it, unzip what Packer gives: same bytes, slower.
 */
async function packageParts(document: Document, fixedKey: string, options: RenderOptions): Promise<PackageParts> {
  if (!compiler()) return (await import('fflate')).unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  // The styles, theme, numbering and footers depend on the fonts alone: `npm run build` compiled
  // them for the default fonts, and a session compiles them once for any others.
  return compileWithFixedParts((file) => compileParts(file)!, document, fixedKey, options.cache, options.docxParts?.());
}

function compiler(): PartCompiler | undefined {
  const found = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof found?.compile === 'function' ? (found as PartCompiler) : undefined;
}

/** docx's parts of `file` by path, unzipped (undefined: this docx has no Packer.compiler). */
function compileParts(file: Document): Map<string, CompiledPart> | undefined {
  const found = compiler();
  if (!found) return undefined;
  const parts = new Map<string, CompiledPart>();
  for (const [name, data] of found.compile(file)) {
    parts.set(name, typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));
  }
  return parts;
}

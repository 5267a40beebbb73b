import { BaseXmlComponent, FileChild, ParagraphProperties, RunProperties, type IParagraphOptions, type IRunOptions, type Paragraph, type ParagraphChild, type TextRun } from 'docx';
import type { RenderCache } from '../options.js';

type Context = Parameters<BaseXmlComponent['prepForXml']>[0];
type Prepared = ReturnType<BaseXmlComponent['prepForXml']>;

/**
 * Runs and paragraphs whose properties (`w:rPr`, `w:pPr`) are made and prepared for XML once per
 * style and session (sharedStyles below). docx builds and prepares a fresh RunProperties for every TextRun and a fresh
 * ParagraphProperties for every Paragraph, which was most of what it spent on a report's body,
 * though a report has a handful of styles (bench/README.md). A prepared part is only read by
 * docx's XML writer, so one object serves every element that shares it. The XML is what TextRun
 * and Paragraph write (test/docx-shared-properties.test.ts holds them to it).
 */

/** A properties element made and prepared once, written wherever it is shared (not at all when empty). */
class SharedProperties extends BaseXmlComponent {
  private prepared?: { xml: Prepared };

  constructor(private readonly properties: BaseXmlComponent) {
    super('shared');
  }

  override prepForXml(context: Context): Prepared {
    this.prepared ??= { xml: this.properties.prepForXml(context) };
    return this.prepared.xml;
  }
}

/** What docx's Text writes for a string: `<w:t xml:space="preserve">`. */
const PRESERVE = Object.freeze({ _attr: Object.freeze({ 'xml:space': 'preserve' }) });

/** `new TextRun({ ...style, text })` with shared properties: `<w:r>`, the properties, `<w:t>`. */
class SharedStyleTextRun extends BaseXmlComponent {
  constructor(
    private readonly properties: SharedProperties,
    private readonly text: string,
  ) {
    super('w:r');
  }

  override prepForXml(context: Context): Prepared {
    const properties = this.properties.prepForXml(context);
    const text = { 'w:t': [PRESERVE, this.text] };
    return { 'w:r': properties ? [properties, text] : [text] };
  }
}

/**
 * `new Paragraph({ ...style, children })` with shared properties, for paragraphs of the body that
 * need nothing else of docx's Paragraph (no numbering, hyperlinks, bookmarks or section ends).
 */
class SharedStyleParagraph extends FileChild {
  constructor(properties: SharedProperties, children: readonly ParagraphChild[]) {
    super('w:p');
    this.root.push(properties, ...children);
  }
}

/** The shared properties by style: of one document, or of every document a session renders (sharedStyles). */
export class SharedStyles {
  private readonly runs = new Map<string, SharedProperties>();
  private readonly paragraphs = new Map<string, SharedProperties>();

  /** A run of `text` as `new TextRun({ ...style, text })` writes it; typed as one for docx's paragraph options, which only write their children. */
  textRun(style: IRunOptions, text: string): TextRun {
    const key = JSON.stringify(style);
    let properties = this.runs.get(key);
    if (!properties) this.runs.set(key, (properties = new SharedProperties(new RunProperties(style))));
    return new SharedStyleTextRun(properties, text) as unknown as TextRun;
  }

  /** A paragraph as `new Paragraph({ ...style, children })` writes it, for a style without numbering. */
  paragraph(style: Omit<IParagraphOptions, 'children' | 'text' | 'numbering'>, children: readonly ParagraphChild[]): Paragraph {
    const key = JSON.stringify(style);
    let properties = this.paragraphs.get(key);
    if (!properties) this.paragraphs.set(key, (properties = new SharedProperties(new ParagraphProperties(style))));
    return new SharedStyleParagraph(properties, children) as unknown as Paragraph;
  }
}

const KEPT = Symbol('docx shared properties');

/**
 * The session's shared properties (a new set without a cache): a style's `w:rPr` or `w:pPr` is
 * the same XML in every report (the fonts are in its key), so a batch makes and prepares each once,
 * not once per report (≈ 20 styles a report).
 */
export function sharedStyles(cache: RenderCache | undefined): SharedStyles {
  if (!cache) return new SharedStyles();
  let kept = cache.get(KEPT) as SharedStyles | undefined;
  if (!kept) cache.set(KEPT, (kept = new SharedStyles()));
  return kept;
}

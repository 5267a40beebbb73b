import { BaseXmlComponent, RunProperties, type IRunOptions, type TextRun } from 'docx';

type Context = Parameters<BaseXmlComponent['prepForXml']>[0];
type Prepared = ReturnType<BaseXmlComponent['prepForXml']>;

/** What docx's Text writes for a string: `<w:t xml:space="preserve">`. */
const PRESERVE = Object.freeze({ _attr: Object.freeze({ 'xml:space': 'preserve' }) });

/**
 * A run's properties for one set of options, made and prepared for XML once per document: a
 * report's few hundred runs share a handful of styles, and docx builds and prepares a fresh
 * RunProperties for every TextRun (most of what it spent on the body: bench/README.md).
 * Prepared parts are only read by docx's XML writer, so one object serves every run.
 */
class SharedRunProperties {
  private readonly properties: RunProperties;
  private prepared?: { xml: Prepared };

  constructor(options: IRunOptions) {
    this.properties = new RunProperties(options);
  }

  xml(context: Context): Prepared {
    this.prepared ??= { xml: this.properties.prepForXml(context) };
    return this.prepared.xml;
  }
}

/**
 * A run of plain text, written as docx's `new TextRun({ ...style, text })` writes it (a test holds
 * the two to the same XML): `<w:r>`, the shared properties (none when empty), `<w:t>`.
 */
class SharedStyleTextRun extends BaseXmlComponent {
  constructor(
    private readonly properties: SharedRunProperties,
    private readonly text: string,
  ) {
    super('w:r');
  }

  override prepForXml(context: Context): Prepared {
    const properties = this.properties.xml(context);
    const text = { 'w:t': [PRESERVE, this.text] };
    return { 'w:r': properties ? [properties, text] : [text] };
  }
}

/** The text runs of one document: what `textRun(style, text)` shares between runs of the same style. */
export class TextRuns {
  private readonly byStyle = new Map<string, SharedRunProperties>();

  /**
   * `new TextRun({ ...style, text })`, its properties shared with every run of an equal style.
   * Typed as a TextRun for docx's paragraph options: a paragraph only writes its children.
   */
  textRun(style: IRunOptions, text: string): TextRun {
    const key = JSON.stringify(style);
    let properties = this.byStyle.get(key);
    if (!properties) this.byStyle.set(key, (properties = new SharedRunProperties(style)));
    return new SharedStyleTextRun(properties, text) as unknown as TextRun;
  }
}

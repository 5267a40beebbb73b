/**
 * The typed report model every stage works on:
 *   load → ReportSource → validate/check → compile → ReportDocument → render (docx, html, txt).
 */
import type { Image, Parent, PhrasingContent, Root } from 'mdast';
import type { SourceHost } from './io/host.js';
import type { LineIndex } from './source/line-index.js';
import type { YamlDocument } from './source/yaml.js';

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface Fonts {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  pageNumber: string;
}

export const DEFAULT_FONTS: Fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
};

export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

/** Days in a month of the Gregorian calendar (1-based month). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2025-02-10" or "2025-2-10" as a date that exists (not 2025-02-30), else undefined: the one reading of a written date. */
export function calendarDate(text: string): ReportDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

/** The keys of lawreport.yaml a report cannot do without; rules that read one skip while it is unset. */
export type ConfigField = 'org' | 'year' | 'date';

export interface ReportConfig {
  /**
   * Required keys that lawreport.yaml lacks or gets wrong (config-schema says so): their values
   * here are stand-ins, so checking goes on, and rules that need them (`meta.needs`) are skipped.
   */
  unset: readonly ConfigField[];
  profile: string;
  org: string;
  year: number;
  date: ReportDate;
  title?: string;
  signature: string[];
  /** `formats`: ids of src/render/registry.ts (checked by the schema); undefined writes the registry's defaults. */
  output: { dir: string; name?: string; formats?: string[] };
  catalog?: string;
  rules: Record<string, RuleSetting>;
  fonts: Fonts;
  attachments: string[];
  previous?: string;
}

/** A chapter or a sub-section of the outline tree (a chapter's sections are its ## headings). */
export interface ProfileSection {
  id: string;
  /** A Handlebars template over { report }. */
  title: string;
  /** A few characters for a column header (the district summary's compliance matrix): 「第一责任人」. */
  short?: string;
  required: boolean;
  /** A chapter that may be written as several consecutive first-level chapters (themed measures). */
  spans?: boolean;
  variants: string[];
  /** What belongs in the chapter, in a sentence or two; `lawreport init` writes it as a comment. */
  guidance?: string;
  sections?: ProfileSection[];
  /** Figures ("group.key") this part of the report must cite. */
  metrics?: string[];
  /** Where each of `metrics` is written in its profile file, for messages. */
  metricsAt?: { file: string; line: number; column: number }[];
  /** Where the profile defines it, for messages. */
  origin?: { file: string; line: number; column: number };
}

export type ProfileChapter = ProfileSection;

export interface Profile {
  id: string;
  name: string;
  chapters: ProfileChapter[];
  /** Headings of an overview chapter (「总体情况」) that import keeps apart from the outline. */
  overview: string[];
  /** Where it was read from, for messages ("<builtin>/national.yaml" or a report-relative path). */
  source: string;
}

export type MetricType = 'count' | 'percent' | 'number';

/**
 * How a district adds a figure up across its reports (catalog `total:`): `sum` (counts and numbers
 * by default), or, for a figure whose sum means nothing (优良天数, a rank, an average), the mean,
 * the range (lowest–highest), or no total at all (「—」). A rate is always recomputed from its
 * summed parts, never averaged: `none` is the only other choice for it.
 */
export type TotalKind = 'sum' | 'mean' | 'range' | 'none';

export interface MetricDef {
  /** Full dotted path, e.g. "disputes.mediated". */
  path: string;
  label: string;
  unit: string;
  type: MetricType;
  aliases: string[];
  /** A rate's parts (percent metrics): value = numerator / denominator × 100. */
  numerator?: string;
  denominator?: string;
  /** Decimal places a rate is at least compared at (a stated 95 checks as 95.0 with precision 1). */
  precision?: number;
  /** Bounds beyond the type's own (count and number ≥ 0, percent 0–100). */
  minimum?: number;
  maximum?: number;
  /** The district total (`lawreport summary`); undefined: summed, or a rate recomputed. */
  total?: TotalKind;
}

/**
 * A relation figures must satisfy, declared in the catalog's `relations:` list (data, not code).
 * `part`: part ≤ whole (mediated ≤ received, batches ≤ persons); `sum`: total = Σ parts;
 * `rate`: a percent metric = numerator / denominator (from the metric's own keys).
 */
export type Relation =
  | { kind: 'part'; part: string; whole: string; source: RelationSource }
  | { kind: 'sum'; total: string; parts: string[]; source: RelationSource }
  | { kind: 'rate'; rate: string; numerator: string; denominator: string; precision: number; source: RelationSource };

/** Where a relation was declared, for messages. */
export interface RelationSource {
  file: string;
  line: number;
  column: number;
}

export interface Catalog {
  groups: { key: string; label: string; metrics: MetricDef[] }[];
  byPath: Map<string, MetricDef>;
  relations: Relation[];
}

export interface ChapterSource {
  /** Report-relative path, e.g. "chapters/01-measures.md". */
  file: string;
  /** Outline id from front matter or file name; undefined when neither names one. */
  id?: string;
  /** How the id was found, for messages. */
  idFrom: 'front-matter' | 'file-name' | 'none';
  /** Title override from front matter or a leading "# " heading. */
  title?: string;
  /** The whole file text. */
  text: string;
  /** Lines of `text`, for positions from offsets. */
  lines: LineIndex;
  /** The body with the front matter blanked out, so lines (and columns) match the file. */
  body: string;
  /** The body parsed as Markdown, unfilled (what the rules read); undefined when the Markdown guard refuses the chapter. */
  tree?: Root;
  /** The guard refused the chapter or took part of it as plain text (compiling reports why). */
  defused: boolean;
}

export interface TemplateSource {
  file: string;
  text: string;
}

export interface ReportSource {
  host: SourceHost;
  config: ReportConfig;
  configDoc: YamlDocument;
  metrics: Record<string, unknown>;
  metricsDoc?: YamlDocument;
  /** The JSON Schema of metrics.yaml, generated from the catalog (validate/metrics-schema.ts). */
  metricsSchema: object;
  chapters: ChapterSource[];
  profile: Profile;
  catalog: Catalog;
  /** Report-level templates by name (title, signature, date), the report's own over the built-in ones. */
  templates: Record<string, TemplateSource>;
  /** Last year's figures (lawreport.yaml `previous:`), for 同比 checks. */
  previous?: PreviousFigures;
}

export interface PreviousFigures {
  /** How the file is named in messages: the `previous:` path as written, plus the file. */
  file: string;
  metrics: Record<string, unknown>;
  doc: YamlDocument;
}

export interface Asset {
  bytes: Uint8Array;
  mime: string;
  width?: number;
  height?: number;
}

/**
 * The key of an image in `ReportDocument.assets`: its path with %-escapes decoded, as a browser
 * reads it. A `%` that escapes nothing (完成率100%.png) stays as written, never an exception.
 */
export function assetKey(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export interface DocChapter {
  /** Outline id; empty for a chapter the outline does not know (printed all the same, see load/chapter-order.ts). */
  id: string;
  file: string;
  /** Generated chapter number, "一、". Empty for the unnumbered preface. */
  number: string;
  title: string;
  /** What the HTML names the chapter's section and namespaces its ids by: the id, made unique in the document. */
  anchor: string;
  /** Pictures numbered before this chapter: a picture's number is figureStart + its index (图1, 图2 … through the report). */
  figureStart: number;
  /** Footnotes numbered before this chapter: the body's labels already count them (1, 2 … through the report, as Word numbers them). */
  footnoteStart: number;
  /** The body in the document vocabulary (model/nodes below): no raw HTML, references resolved, pictures lifted. */
  body: Root;
}

/**
 * The document vocabulary beyond mdast, made by compile/lower.ts out of raw HTML and images:
 * every node type a renderer meets is mdast's (less html, definitions and references) or one of
 * these, and test/render-parity.test.ts holds every renderer to the whole list.
 */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
}
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
}
export interface Underline extends Parent {
  type: 'underline';
  children: PhrasingContent[];
}
/** A picture standing as a block of its own: drawn centred at its fitted size, captioned 「图N 描述」. */
export interface Figure extends Parent {
  type: 'figure';
  /** 1-based place among the chapter's figures (DocChapter.figureStart adds the ones before). */
  index: number;
  children: [Image];
}

/** Node types compile/lower.ts replaces: none of them reaches a renderer. */
export type LoweredNodeType = 'html' | 'definition' | 'linkReference' | 'imageReference' | 'thematicBreak' | 'yaml';

/**
 * Every node type a renderer meets in a chapter body: the one list the renderers are held to
 * (test/render-parity.test.ts). Keyed by type so the compiler says when mdast or the vocabulary
 * gains one that is not listed.
 */
export const DOCUMENT_NODE_TYPES = Object.keys({
  blockquote: true, break: true, code: true, delete: true, emphasis: true, footnoteDefinition: true, footnoteReference: true,
  heading: true, image: true, inlineCode: true, link: true, list: true, listItem: true, paragraph: true, strong: true,
  table: true, tableCell: true, tableRow: true, text: true, superscript: true, subscript: true, underline: true, figure: true,
} satisfies Record<Exclude<import('mdast').RootContent['type'], LoweredNodeType>, true>);

/** A table cell's merge, from HTML's colspan/rowspan (GFM tables have none). */
export interface CellSpan {
  colSpan?: number;
  rowSpan?: number;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    superscript: Superscript;
    subscript: Subscript;
    underline: Underline;
  }
  interface RootContentMap {
    superscript: Superscript;
    subscript: Subscript;
    underline: Underline;
    figure: Figure;
  }
  interface BlockContentMap {
    figure: Figure;
  }
  interface TableCellData extends CellSpan {
    /** A header cell (th): GFM's first row, or an HTML table's th cells. */
    header?: boolean;
  }
  interface TableData {
    /** Leading rows repeated as the header on each page: 1 for GFM, an HTML table's thead rows (or leading th rows). */
    headerRows?: number;
  }
}

/** The compiled report: what every renderer draws. */
export interface ReportDocument {
  title: string;
  /** The title broken into the lines it is printed on. */
  titleLines: string[];
  preface?: DocChapter;
  chapters: DocChapter[];
  signature: string[];
  /** 成文日期 as a calendar date: what stamps the outputs' metadata. */
  date: ReportDate;
  /** 成文日期 as printed (templates/date.hbs), "2025年2月10日". */
  dateText: string;
  attachments: string[];
  fonts: Fonts;
  year: number;
  org: string;
  /** Images by the path written in the Markdown. */
  assets: Map<string, Asset>;
  /** Every figure of the report with where the text prints it (src/figures/records.ts): `build -f json`. */
  figures: FigureRecord[];
  /** What `lawreport import` needs to give the folder back from the DOCX (written as its custom properties). */
  provenance: Provenance;
}

export interface Provenance {
  /** lawreport.yaml's `profile` as written. */
  profile: string;
  /** The figures the chapters cite (metrics.yaml's, not computed ones): already printed in the text, nothing more. */
  figures: Record<string, number>;
}

/** Where a figure is printed: one `{{…}}` of a chapter. */
export interface FigureUse {
  /** Report-relative chapter file. */
  file: string;
  line: number;
  column: number;
  /** The expression as written, "{{fig disputes.mediated}}". */
  expression: string;
  /** What it prints, "66件". */
  printed: string;
}

/**
 * One figure of a report: a value of metrics.yaml, a rate the catalog computes from two of them,
 * or a figure the text computes ({{pct …}}, {{sum …}}, {{diff …}}).
 */
export interface FigureRecord {
  /** "disputes.mediated"; for a figure the text computes, its expression: "pct disputes.mediated disputes.received". */
  id: string;
  label: string;
  unit: string;
  value: number | string;
  computed: boolean;
  /** How a computed figure is made: a rate is numerator ÷ denominator × 100, `of` in that order. */
  formula?: { kind: 'rate' | 'pct' | 'sum' | 'diff'; of: string[] };
  /** Where metrics.yaml writes it (figures written there only). */
  source?: { file: string; line: number; column: number };
  /** Every place the chapters print it, in file order. */
  uses: FigureUse[];
}

import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { headingNumber, numberHeadings } from '../markdown/numbering.js';
import { parseMarkdown } from '../markdown/parse.js';
import { guardMarkdown, restoreLiterals } from '../markdown/guard.js';
import { substitutedTree } from '../markdown/substitute.js';
import { guardRawHtml } from '../markdown/raw-html.js';
import { compiledChapters } from '../load/chapter-order.js';
import type { Asset, ChapterSource, DocChapter, ReportDocument, ReportSource } from '../model.js';
import { LineIndex } from '../source/line-index.js';
import { mapToSource, type OffsetMap } from '../source/offset-map.js';
import { renderTemplate, TemplateCache, type CompiledTemplates, type TemplateResult } from '../template/render.js';
import { collectAssets, imagePlacesOverBudget } from './assets.js';
import { figureRecords } from '../figures/records.js';
import { loadHtmlParserFor } from './html-parser.js';
import { countFootnotes, lowerChapter, numberFootnotesFrom } from './lower.js';
import { citedFigures } from './cited.js';
import { chapterStem } from '../load/chapter-file.js';
import { templateContext } from '../template/context.js';
import { renderTitle } from '../profile/title.js';
import { titleLines } from './titles.js';

export interface CompileResult {
  document?: ReportDocument;
  diagnostics: Diagnostic[];
}

/** A chapter compiled on its own, so the preview can recompile only what changed. */
export interface CompiledChapter {
  chapter?: Omit<DocChapter, 'number' | 'anchor' | 'figureStart' | 'footnoteStart'> & { figures: number; footnotes: number };
  diagnostics: Diagnostic[];
}

/**
 * Fills a chapter's template, parses its Markdown and numbers its headings. What is found in the
 * filled text (Markdown limits, raw HTML, images) is reported at its place in the chapter file:
 * a template that adds or removes lines above it must not move the message.
 */
export async function compileChapter(source: ReportSource, chapter: ChapterSource, context: unknown, assets: Map<string, Asset>, templates: CompiledTemplates = new TemplateCache()): Promise<CompiledChapter> {
  const filled = renderTemplate(chapter.body, chapter.file, context, source.catalog, templates);
  if (filled.text === undefined) return { diagnostics: filled.diagnostics };
  const toSource = sourcePlaces(filled.text, filled.map, chapter.body);
  const guarded = guardMarkdown(filled.text, chapter.file);
  if (guarded.text === undefined) return { diagnostics: guarded.diagnostics.map(toSource) };
  const body = filledTree(chapter, filled.substitutions, guarded.literals.length > 0) ?? parseMarkdown(guarded.text);
  restoreLiterals(body, guarded.literals);
  const html = guardRawHtml(body, chapter.file);
  if (html.length > 0) return { diagnostics: [...guarded.diagnostics, ...html].map(toSource) };
  await loadHtmlParserFor(body);
  const lowered = lowerChapter(body, chapter.file);
  const numbered = numberHeadings(body);
  const diagnostics = [...guarded.diagnostics, ...lowered, ...(await collectAssets(body, chapter.file, source.host, assets))].map(toSource);
  const outline = source.profile.chapters.find((c) => c.id === chapter.id);
  const title = chapter.title ?? numbered.title ?? (outline ? renderTitle(outline.title, source.config) : chapterStem(chapter.file));
  const known = chapter.id === 'preface' || outline !== undefined;
  return { chapter: { id: known ? chapter.id! : '', file: chapter.file, title, body, figures: countFigures(body), footnotes: countFootnotes(body) }, diagnostics };
}

/**
 * The filled text's tree from the one the loader parsed for the rules, when filling only put words
 * into prose (src/markdown/substitute.ts): both guards must have left their texts alone.
 */
function filledTree(chapter: ChapterSource, substitutions: TemplateResult['substitutions'], defused: boolean) {
  if (!chapter.tree || chapter.defused || defused || !substitutions) return undefined;
  return substitutedTree(chapter.tree, chapter.body, substitutions);
}

/** Moves a diagnostic about the filled text to the chapter source; the map is made only when there is one to move. */
function sourcePlaces(filled: string, map: (() => OffsetMap | undefined) | undefined, body: string): (d: Diagnostic) => Diagnostic {
  let move: ((d: Diagnostic) => Diagnostic) | undefined;
  return (d) => {
    if (!move) {
      const made = map?.();
      const output = new LineIndex(filled);
      const source = new LineIndex(body);
      move = made ? (x) => mapToSource(x, output, made, source) : (x) => x;
    }
    return move(d);
  };
}

function countFigures(body: DocChapter['body']): number {
  let n = 0;
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'figure') n++;
    else for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(body);
  return n;
}

/** compileChapter's signature: the preview passes a caching one to compileReport. */
export type ChapterCompiler = typeof compileChapter;

/** Renders one of the report-level templates (templates/*.hbs) to trimmed text. */
function reportTemplate(source: ReportSource, name: string, context: unknown, diagnostics: Diagnostic[], templates: CompiledTemplates): string {
  const template = source.templates[name]!;
  const result = renderTemplate(template.text, template.file, context, source.catalog, templates);
  diagnostics.push(...result.diagnostics);
  return (result.text ?? '').trim();
}

/**
 * ReportSource → ReportDocument: chapters in outline order with generated numbers (each part of a
 * spanning chapter is a chapter of its own, in file order),
 * templates filled, Markdown parsed once for all renderers.
 */
export async function compileReport(source: ReportSource, compileOne: ChapterCompiler = compileChapter, templates: CompiledTemplates = new TemplateCache()): Promise<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const context = templateContext(source);
  const assets = new Map<string, Asset>();

  const title = reportTemplate(source, 'title', context, diagnostics, templates);
  const signature = reportTemplate(source, 'signature', context, diagnostics, templates).split('\n').map((l) => l.trim()).filter(Boolean);
  // Without a date in lawreport.yaml (config-schema says so) there is none to print.
  const dateText = source.config.unset.includes('date') ? '' : reportTemplate(source, 'date', context, diagnostics, templates);

  const chapters: DocChapter[] = [];
  let preface: DocChapter | undefined;
  const printed = compiledChapters(source);
  let figureStart = 0;
  let footnoteStart = 0;
  const anchors = new Set<string>();
  for (const chapter of printed) {
    const compiled = await compileOne(source, chapter, context, assets, templates);
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.chapter) continue;
    const { figures, footnotes, ...rest } = compiled.chapter;
    if (footnotes > 0) numberFootnotesFrom(rest.body, footnoteStart);
    const made = { ...rest, anchor: uniqueAnchor(rest.id || chapterStem(rest.file) || 'chapter', anchors), figureStart, footnoteStart };
    figureStart += figures;
    footnoteStart += footnotes;
    if (chapter.id === 'preface') preface = { ...made, number: '' };
    else chapters.push({ ...made, number: headingNumber(1, chapters.length + 1) });
  }

  const overBudget = imagePlacesOverBudget([...(preface ? [preface] : []), ...chapters], assets);
  if (overBudget) diagnostics.push(overBudget);
  if (hasErrors(diagnostics)) return { diagnostics };
  const figures = figureRecords(source, printed, templates);
  return {
    document: {
      title: titleLines(title).join(''),
      titleLines: titleLines(title),
      preface,
      chapters,
      signature,
      date: source.config.date,
      dateText,
      attachments: source.config.attachments,
      fonts: source.config.fonts,
      year: source.config.year,
      org: source.config.org,
      assets,
      figures,
      provenance: { profile: source.config.profile, figures: citedFigures(figures) },
    },
    diagnostics,
  };
}

/** measures, measures-2, … : the parts of a spanning chapter and unknown chapters each get an anchor of their own. */
function uniqueAnchor(base: string, taken: Set<string>): string {
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

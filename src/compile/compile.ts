import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { numberHeadings } from '../markdown/numbering.js';
import { parseMarkdown } from '../markdown/parse.js';
import { guardMarkdown, restoreLiterals } from '../markdown/guard.js';
import { guardRawHtml } from '../markdown/raw-html.js';
import { headingNumber } from '../markdown/numbering.js';
import type { Asset, ChapterSource, DocChapter, ReportDocument, ReportSource } from '../model.js';
import { renderTemplate } from '../template/render.js';
import { collectAssets } from './assets.js';
import { templateContext } from './context.js';
import { renderTitle, titleLines } from './titles.js';

export interface CompileResult {
  document?: ReportDocument;
  diagnostics: Diagnostic[];
}

/** A chapter compiled on its own, so the preview can recompile only what changed. */
export interface CompiledChapter {
  chapter?: Omit<DocChapter, 'number'>;
  diagnostics: Diagnostic[];
}

/** Fills a chapter's template, parses its Markdown and numbers its headings. */
export async function compileChapter(source: ReportSource, chapter: ChapterSource, context: unknown, assets: Map<string, Asset>): Promise<CompiledChapter> {
  const filled = renderTemplate(chapter.body, chapter.file, context, source.catalog);
  if (filled.text === undefined) return { diagnostics: filled.diagnostics };
  const guarded = guardMarkdown(filled.text, chapter.file);
  if (guarded.text === undefined) return { diagnostics: [...filled.diagnostics, ...guarded.diagnostics] };
  const body = parseMarkdown(guarded.text);
  restoreLiterals(body, guarded.literals);
  const html = guardRawHtml(body, chapter.file);
  if (html.length > 0) return { diagnostics: [...filled.diagnostics, ...guarded.diagnostics, ...html] };
  const numbered = numberHeadings(body, chapter.file);
  const diagnostics = [...guarded.diagnostics, ...numbered.diagnostics, ...(await collectAssets(body, chapter.file, source.host, assets))];
  const outline = source.profile.chapters.find((c) => c.id === chapter.id);
  const title = chapter.title ?? numbered.title ?? (outline ? renderTitle(outline.title, source.config) : '');
  return { chapter: { id: chapter.id ?? '', file: chapter.file, title, body }, diagnostics };
}

/** compileChapter's signature: the preview passes a caching one to compileReport. */
export type ChapterCompiler = typeof compileChapter;

/** Renders one of the report-level templates (templates/*.hbs) to trimmed text. */
function reportTemplate(source: ReportSource, name: string, context: unknown, diagnostics: Diagnostic[]): string {
  const template = source.templates[name]!;
  const result = renderTemplate(template.text, template.file, context, source.catalog);
  diagnostics.push(...result.diagnostics);
  return (result.text ?? '').trim();
}

/**
 * ReportSource → ReportDocument: chapters in outline order with generated numbers (each part of a
 * spanning chapter is a chapter of its own, in file order),
 * templates filled, Markdown parsed once for all renderers.
 */
export async function compileReport(source: ReportSource, compileOne: ChapterCompiler = compileChapter): Promise<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const context = templateContext(source);
  const assets = new Map<string, Asset>();

  const title = reportTemplate(source, 'title', context, diagnostics);
  const signature = reportTemplate(source, 'signature', context, diagnostics).split('\n').map((l) => l.trim()).filter(Boolean);
  // Without a date in lawreport.yaml (config-schema says so) there is none to print.
  const date = source.config.unset.includes('date') ? '' : reportTemplate(source, 'date', context, diagnostics);

  const order = source.profile.chapters.map((c) => c.id);
  const known = source.chapters.filter((c) => c.id && (c.id === 'preface' || order.includes(c.id)));
  const seen = new Set<string>();
  const chapters: DocChapter[] = [];
  let preface: DocChapter | undefined;
  const sorted = [...known].sort((a, b) => order.indexOf(a.id!) - order.indexOf(b.id!));
  const spanning = new Set(source.profile.chapters.filter((c) => c.spans).map((c) => c.id));
  for (const chapter of sorted) {
    // Duplicates are reported by chapter-duplicate; a spanning chapter's parts are numbered each as written.
    if (seen.has(chapter.id!) && !spanning.has(chapter.id!)) continue;
    seen.add(chapter.id!);
    const compiled = await compileOne(source, chapter, context, assets);
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.chapter) continue;
    if (chapter.id === 'preface') preface = { ...compiled.chapter, number: '' };
    else chapters.push({ ...compiled.chapter, number: headingNumber(1, chapters.length + 1) });
  }

  if (hasErrors(diagnostics)) return { diagnostics };
  return {
    document: {
      title: titleLines(title).join(''),
      titleLines: titleLines(title),
      preface,
      chapters,
      signature,
      date,
      attachments: source.config.attachments,
      fonts: source.config.fonts,
      year: source.config.year,
      org: source.config.org,
      assets,
    },
    diagnostics,
  };
}

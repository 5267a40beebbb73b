import { compileChapter, type ChapterCompiler, type CompiledChapter } from '../compile/compile.js';
import { numberFootnotesFrom } from '../compile/lower.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { figureRecords } from '../figures/records.js';
import type { SourceHost } from '../io/host.js';
import { chapterStem } from '../load/chapter-file.js';
import { compiledChapters } from '../load/chapter-order.js';
import { noConfig, type LoadOptions } from '../load/report.js';
import { headingNumber } from '../markdown/numbering.js';
import type { ChapterSource, FigureRecord, ReportSource } from '../model.js';
import { checkReport } from '../pipeline/build.js';
import { chapterBlocks } from '../render/text.js';
import type { Session } from '../session.js';

/** A chapter as printed: what the diff compares and textconv prints. */
export interface PrintedChapter {
  /** Identity across versions: the outline id, with the part's place for a chapter spanning files ("measures#2"). */
  key: string;
  id: string;
  file: string;
  /** "一、"; empty for the preface. */
  number: string;
  title: string;
  /**
   * The printed body, one string a paragraph (heading, list item, table rows …), without the
   * chapter's own number and title (the outline compares those); undefined when it does not compile.
   */
  blocks?: string[];
}

/** One version of a report, checked and compiled as far as it goes. */
export interface ReviewSide {
  /** How the version is named: "HEAD~1", "工作区", a folder. */
  label: string;
  /** The folder holds a report (lawreport.yaml) at all. */
  exists: boolean;
  source?: ReportSource;
  chapters: PrintedChapter[];
  /** The title, the signature and the date, as printed; undefined when the report does not compile (nothing is printed then). */
  closing?: string[];
  figures: FigureRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Runs the pipeline over one version (load → validate → check → compile) and keeps what a
 * reviewer compares: the printed text of each chapter, even of a report whose other chapters fail
 * (compiling stops short of a document then), its figures and its diagnostics.
 */
export async function reviewSide(host: SourceHost, session: Session, label: string, options: LoadOptions = {}): Promise<ReviewSide> {
  const compiled = new Map<ChapterSource, CompiledChapter>();
  const recording: ChapterCompiler = async (source, chapter, ...rest) => {
    const result = await compileChapter(source, chapter, ...rest);
    compiled.set(chapter, result);
    return result;
  };
  const checked = await checkReport(host, session, { ...options, compileChapter: recording });
  const exists = !checked.diagnostics.some((d) => d.ruleId === noConfig.meta.id);
  const source = checked.source;
  if (!source) return { label, exists, chapters: [], figures: [], diagnostics: exists ? checked.diagnostics : [] };

  const printed = compiledChapters(source);
  const chapters: PrintedChapter[] = [];
  const parts = new Map<string, number>();
  let numbered = 0;
  let figureStart = 0;
  let footnoteStart = 0;
  for (const chapter of printed) {
    // A chapter the outline does not know is printed too: named by its file then.
    const id = chapter.id && (chapter.id === 'preface' || source.profile.chapters.some((c) => c.id === chapter.id)) ? chapter.id : `file:${chapterStem(chapter.file)}`;
    const part = (parts.get(id) ?? 0) + 1;
    parts.set(id, part);
    const result = compiled.get(chapter)?.chapter;
    // Numbered as compiling numbers them (chapters and pictures): the preface not, a chapter that fails not either.
    const number = id === 'preface' || !result ? '' : headingNumber(1, ++numbered);
    const title = result?.title ?? chapter.title ?? '';
    if (result?.footnotes) numberFootnotesFrom(result.body, footnoteStart);
    chapters.push({
      key: part === 1 ? id : `${id}#${part}`,
      id,
      file: chapter.file,
      number,
      title,
      ...(result ? { blocks: chapterBlocks({ body: result.body, figureStart }).map((b) => b.replace(/\t/g, ' | ')) } : {}),
    });
    figureStart += result?.figures ?? 0;
    footnoteStart += result?.footnotes ?? 0;
  }
  const doc = checked.document;
  const closing = doc ? [doc.title, ...doc.signature, doc.dateText].filter(Boolean) : undefined;
  return { label, exists, source, chapters, ...(closing ? { closing } : {}), figures: figureRecords(source, printed, session.templates), diagnostics: checked.diagnostics };
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chapterFile, configYaml, PLACEHOLDER } from '../init/report-files.js';
import { CONFIG_FILE, METRICS_FILE } from '../load/report.js';
import type { Catalog, Profile } from '../model.js';
import { matchTitles, stripHeadingNumber } from '../profile/match.js';
import { collectFigures } from './figure-text.js';
import { mapChapters, type MappedChapter } from './map-chapters.js';
import { metricsYaml, type ImportedFigure } from './metrics-out.js';
import { factDiagnostics } from './fact-notes.js';
import { orgOf, yearOf } from './report-facts.js';
import { blocksToMarkdown, type Segment } from './markdown-out.js';
import { readSource } from './read-source.js';
import { parseStructure, type Block } from './structure.js';
import { docxParts, ownProperties, readOwnDocument } from './own-docx.js';
import { importOwnDocument } from './own-import.js';
import { guardDocx } from './zip-guard.js';
import { GITIGNORE } from '../init/report-files.js';
import { importOwn } from './diagnostics.js';
import { importChapterHeading, importChaptersUnmarked, importNoChapters } from './chapter-notes.js';

export type { ImportedFigure } from './metrics-out.js';

export interface ImportOptions {
  /** Display name of the imported file, for messages and comments. */
  file: string;
  profile: Profile;
  /** Written to lawreport.yaml: the built-in name the user chose. */
  profileName: string;
  catalog: Catalog;
  encoding?: string;
  templateFigures?: boolean;
}

export interface ImportSummary {
  encoding?: string;
  title?: string;
  org?: string;
  year?: number;
  date?: string;
  signature: string[];
  chapters: { heading: string; line: number; id?: string; file: string }[];
  figures: ImportedFigure[];
  debrisLines: number;
}

export interface ImportResult {
  /** Undefined when nothing could be imported (see diagnostics). Pictures are bytes. */
  files?: Record<string, string | Uint8Array>;
  summary?: ImportSummary;
  diagnostics: Diagnostic[];
}

/** A published report (DOCX, TXT, Markdown bytes) → the files of a report folder. */
export async function importReport(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { file } = options;
  const at1 = { file, line: 1, column: 1 };
  if (/\.docx$/i.test(file)) {
    const own = await ownDocx(bytes, options);
    if (own) return own;
  }
  const read = await readSource(bytes, file, options.encoding);
  if ('diagnostics' in read) return read;
  const { lines, encoding, unit } = read;

  const structure = parseStructure(lines, { isChapterTitle: (text) => matchTitles(options.profile.chapters, text, true).length > 0 });
  const diagnostics: Diagnostic[] = [...read.warnings];
  if (structure.chapters.length === 0 && structure.title && structure.preface.length > 0) {
    // A report whose headings carry no numbers nor styles: all of it goes to the first chapter, to be split by hand.
    const first = options.profile.chapters[0]!;
    structure.chapters.push({ heading: '（全文）', match: '', title: '', line: structure.preface[0]!.line, blocks: structure.preface.splice(0) });
    diagnostics.push(importChaptersUnmarked.at({ file, line: structure.title.line, column: 1 }, 'unmarked', { id: first.id }));
  }
  if (structure.chapters.length === 0) {
    return {
      diagnostics: [importNoChapters.at(at1, 'none')],
    };
  }

  const title = structure.title?.text;
  const date = structure.date?.iso;
  const signature = structure.signature.map((s) => s.text);
  const yearFact = yearOf(structure);
  const year = yearFact?.value;
  const orgFact = orgOf(structure);
  const org = orgFact?.value;
  diagnostics.push(...factDiagnostics(structure, yearFact, orgFact, { file, unit: unit.zh, lines }));

  const mapped = mapChapters(options.profile, structure.chapters, year, file);
  diagnostics.push(...mapped.diagnostics);
  for (const c of structure.chapters.filter((c) => c.shape)) {
    diagnostics.push(importChapterHeading.at({ file, line: c.line, column: 1 }, c.shape === 'renumbered' ? 'renumbered' : 'unnumbered', { heading: c.heading }));
  }

  const blocks = [...structure.preface, ...mapped.chapters.flatMap((c) => c.blocks)];
  const { figures, segmentsOf } = collectFigures(blocks, options.catalog, options.templateFigures ?? false);

  const files: Record<string, string> = {};
  const summaryChapters: ImportSummary['chapters'] = [];
  const origin = (c: { heading: string; line: number }) => `导入自“${file}”第 ${c.line} ${unit.zh}：${c.heading}`;
  if (structure.preface.length > 0) {
    const f = chapterFile(0, 'preface', blocksToMarkdown(structure.preface, segmentsOf), { comment: `导入自“${file}”：开头的引言` });
    files[f.path] = f.text;
  }
  let extra = 0;
  const parts = new Map<string, number>();
  for (const c of mapped.chapters) if (c.id) parts.set(c.id, (parts.get(c.id) ?? 0) + 1);
  const partNo = new Map<string, number>();
  for (const chapter of mapped.chapters) {
    const part = chapter.id && parts.get(chapter.id)! > 1 ? { n: (partNo.set(chapter.id, (partNo.get(chapter.id) ?? 0) + 1), partNo.get(chapter.id)!), of: parts.get(chapter.id)! } : undefined;
    const raw = structure.chapters.find((r) => r.line === chapter.line && r.heading === chapter.heading);
    const f = chapterFileOf(chapter, options.profile, () => ++extra, segmentsOf, origin(chapter), raw?.title ?? stripHeadingNumber(chapter.heading).text, part);
    files[f.path] = f.text;
    summaryChapters.push({ heading: chapter.heading, line: chapter.line, id: chapter.id, file: f.path });
  }
  files[CONFIG_FILE] = configYaml({
    origin: `由“${file}”导入（lawreport import），请核对后再用`,
    profile: options.profileName,
    org: org ?? '待补充',
    year,
    date,
    title: title && title !== `${org}${year}年法治政府建设年度报告` ? title : undefined,
    signature: signature.length > 0 ? signature : undefined,
  });
  files[METRICS_FILE] = metricsYaml(options.catalog, figures, file, unit.zh);
  files[GITIGNORE.path] = GITIGNORE.text;

  return {
    files,
    diagnostics,
    summary: { encoding, title, org, year, date, signature, chapters: summaryChapters, figures, debrisLines: structure.debris.length },
  };
}

/**
 * A DOCX lawreport built gives back the folder it came from (own-import.ts); figures are
 * references again unless --no-template-figures. Undefined for any other DOCX, and for one the
 * zip guard refuses (the ordinary reading then says why).
 */
async function ownDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult | undefined> {
  if (await guardDocx(bytes, options.file)) return undefined;
  let parts: Record<string, Uint8Array>;
  try {
    parts = await docxParts(bytes);
  } catch {
    return undefined;
  }
  const properties = ownProperties(parts);
  if (!properties) return undefined;
  const own = importOwnDocument(readOwnDocument(parts, properties), options.profile, options.profileName, options.catalog, options.templateFigures ?? true);
  own.files[GITIGNORE.path] = GITIGNORE.text;
  return {
    files: own.files,
    diagnostics: [importOwn.at({ file: options.file, line: 1, column: 1 }, 'own')],
    summary: {
      title: own.title,
      org: own.org,
      year: own.year,
      date: own.date,
      signature: own.signature,
      chapters: own.chapters,
      figures: own.figures.map((f) => ({ ...f, line: 0, sentence: '', used: true })),
      debrisLines: 0,
    },
  };
}

/**
 * A chapter's file: chapters/NN-id.md by its outline place; the parts of a chapter written as several
 * (themed measures) are NN-id-1.md, NN-id-2.md… in the report's order, each keeping its own title.
 */
function chapterFileOf(chapter: MappedChapter, profile: Profile, nextExtra: () => number, segmentsOf: (b: Block) => Segment[], comment: string, title: string, part?: { n: number; of: number }) {
  const body = blocksToMarkdown(chapter.blocks, segmentsOf) || PLACEHOLDER;
  if (chapter.id) {
    const index = profile.chapters.findIndex((c) => c.id === chapter.id) + 1;
    const own = chapter.themed || part ? { title } : {};
    if (!part) return chapterFile(index, chapter.id, body, { comment, ...own });
    const suffix = String(part.n).padStart(String(part.of).length, '0');
    return chapterFile(index, chapter.id, body, { comment, ...own, name: `${chapter.id}-${suffix}` });
  }
  const n = nextExtra();
  return chapterFile(90 + n, `extra-${n}`, body, { comment, title });
}

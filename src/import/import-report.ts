import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { chapterFile, configYaml, PLACEHOLDER } from '../init/report-files.js';
import { CONFIG_FILE, METRICS_FILE } from '../load/report.js';
import type { Catalog, Profile } from '../model.js';
import { stripHeadingNumber } from '../profile/match.js';
import { collectFigures } from './figure-text.js';
import { mapChapters, type MappedChapter } from './map-chapters.js';
import { metricsYaml, type ImportedFigure } from './metrics-out.js';
import { orgOf, yearOf } from './report-facts.js';
import { blocksToMarkdown, type Segment } from './markdown-out.js';
import { readSource } from './read-source.js';
import { parseStructure, type Block } from './structure.js';

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
  /** Undefined when nothing could be imported (see diagnostics). */
  files?: Record<string, string>;
  summary?: ImportSummary;
  diagnostics: Diagnostic[];
}

/** A published report (DOCX, TXT, Markdown bytes) → the files of a report folder. */
export async function importReport(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { file } = options;
  const at1 = { file, line: 1, column: 1 };
  const read = await readSource(bytes, file, options.encoding);
  if ('diagnostics' in read) return read;
  const { lines, encoding, unit } = read;

  const structure = parseStructure(lines);
  const diagnostics: Diagnostic[] = [...read.warnings];
  if (structure.chapters.length === 0) {
    return {
      diagnostics: [diag('import-no-chapters', 'error', at1, loc(
        '没有找到任何带编号（一、二、……）的章节标题，无法导入。',
        'Found no numbered chapter headings (一、二、…); nothing imported.',
      ), { hint: loc('确认文件是年度报告正文；章节标题应以“一、”“二、”开头，或使用 Word 的“标题 1”样式。', 'Check that the file is the report itself; chapter headings start with 一、二、 or use Word\'s Heading 1 style.') })],
    };
  }

  const title = structure.title?.text;
  const date = structure.date?.iso;
  const signature = structure.signature.map((s) => s.text);
  let year = yearOf(title, date);
  if (year === undefined) {
    year = new Date().getFullYear() - 1;
    diagnostics.push(diag('import-no-year', 'warning', at1, loc(`没有找到报告年度，暂填 ${year}。`, `No report year found; ${year} written for now.`), { hint: loc('核对 lawreport.yaml 中的 year。', 'Check year in lawreport.yaml.') }));
  }
  const org = orgOf(title, signature);
  if (!org) diagnostics.push(diag('import-no-org', 'warning', at1, loc('标题和署名中都没有找到报告主体，暂填“待补充”。', 'No reporting body in the title or signature; “待补充” written for now.'), { hint: loc('在 lawreport.yaml 的 org 中填写报告主体。', 'Fill in org in lawreport.yaml.') }));
  if (!date) diagnostics.push(diag('import-no-date', 'warning', { file, line: lines.at(-1)?.no ?? 1, column: 1 }, loc('正文末尾没有找到成文日期（如“2025年2月10日”）。', 'No signature date (like 2025年2月10日) at the end of the text.'), { hint: loc('在 lawreport.yaml 中填写 date，如 2025-02-10。', 'Fill in date in lawreport.yaml, e.g. 2025-02-10.') }));
  if (signature.length === 0) diagnostics.push(diag('import-no-signature', 'warning', { file, line: structure.date?.line ?? lines.at(-1)?.no ?? 1, column: 1 }, loc('成文日期前没有找到署名（发文机关）；默认以报告主体署名。', 'No signature (issuing body) before the date; the reporting body signs by default.')));

  const mapped = mapChapters(options.profile, structure.chapters, year, file);
  diagnostics.push(...mapped.diagnostics);

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
  for (const chapter of mapped.chapters) {
    const f = chapterFileOf(chapter, options.profile, () => ++extra, segmentsOf, origin(chapter));
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

  return {
    files,
    diagnostics,
    summary: { encoding, title, org, year, date, signature, chapters: summaryChapters, figures, debrisLines: structure.debris.length },
  };
}

function chapterFileOf(chapter: MappedChapter, profile: Profile, nextExtra: () => number, segmentsOf: (b: Block) => Segment[], comment: string) {
  const body = blocksToMarkdown(chapter.blocks, segmentsOf) || PLACEHOLDER;
  if (chapter.id) return chapterFile(profile.chapters.findIndex((c) => c.id === chapter.id) + 1, chapter.id, body, { comment });
  const n = nextExtra();
  return chapterFile(90 + n, `extra-${n}`, body, { comment, title: stripHeadingNumber(chapter.heading).text });
}

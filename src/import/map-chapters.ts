import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { Profile, ProfileChapter } from '../model.js';
import { renderTitle } from '../profile/title.js';
import { matchTitles } from '../profile/match.js';
import { IMPORT } from './diagnostics.js';
import type { Block, RawChapter } from './structure.js';

/** How the plans part of a merged 「问题和打算」 chapter opens when it has no sub-heading. */
const NEXT_STEPS = /^(?:下一步|下步|今后|下一年度?|明年)/;
/** Words of a heading about plans or about problems, for a chapter no outline title names. */
const PLANS = /下一步|下步|今后|明年|下一年|打算|计划|思路|展望/;
const PROBLEMS = /不足|短板|差距|薄弱|存在.{0,4}问题|困难和问题/;

type Heading = { heading: string; outline: string };
type Pair = { heading: string; first: string; second: string };

const UNMAPPED_HINT = loc('在该章节文件的前置信息里写上正确的 id:，或把内容并入其他章节；没有 id 的章节照原文的位置印进输出。', 'Put the right id: in its front matter, or move its text into another chapter; a chapter without an id is printed where the original has it.');

export const importChapterUnmapped = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-unmapped',
  severity: 'warning',
  description: loc('一章对应不到提纲中的任何一章，原样保留。', 'A chapter matches no outline chapter; kept as it is.'),
  why: loc('提纲外的章节无法编号，check 会报 chapter-unknown。', 'A chapter outside the outline cannot be numbered; check reports chapter-unknown.'),
  fix: loc('在前置信息写正确的 id:，或把内容并入其他章节。', 'Put the right id: in its front matter, or merge it into another chapter.'),
}, {
  overview: {
    message: (d: Heading) => loc(`章节“${d.heading}”是概述全年情况的一章，不属于提纲“${d.outline}”的任何一章，已原样保留为额外的章节。`, `Chapter "${d.heading}" is an overview of the year, not a chapter of the outline "${d.outline}"; kept as an extra chapter.`),
    hint: UNMAPPED_HINT,
  },
  unknown: {
    message: (d: Heading) => loc(`章节“${d.heading}”对应不到提纲“${d.outline}”中的任何一章，已原样保留为额外的章节。`, `Chapter "${d.heading}" matches no chapter of the outline "${d.outline}"; kept as an extra chapter.`),
    hint: UNMAPPED_HINT,
  },
});

export const importChapterThemed = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-themed',
  severity: 'info',
  description: loc('按工作主题写成的一章，按位置和内容归入可以写成几章的一章（主要举措和成效）。', 'A chapter written by theme went, by place and content, to the chapter that may span several (the measures).'),
  why: loc('区县、市、部门的报告常把主要举措写成几个主题章，它们都属于提纲的第一章。', 'District, city and department reports often write the measures as several themed chapters; all belong to the outline\'s first chapter.'),
  fix: loc('核对归属；每个部分保留自己的标题，按原样逐章编号。', 'Check where it went; each part keeps its own title and is numbered as written.'),
}, {
  themed: {
    message: (d: { heading: string; chapter: string }) => loc(
      `章节“${d.heading}”按工作主题写成，已按位置归入“${d.chapter}”（这一章可以写成连续的几章），保留原标题。`,
      `Chapter "${d.heading}" is written by theme; by its place it went to "${d.chapter}" (a chapter that may span several), keeping its own title.`,
    ),
  },
});

export const importChapterSplit = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-split',
  severity: 'info',
  description: loc('合并写的两章（如“问题和打算”）已拆开。', 'Two chapters written as one (问题和打算) were split.'),
  why: loc('提纲要求两章分开。', 'The outline wants them apart.'),
  fix: loc('核对拆分的位置。', 'Check where the split was made.'),
}, {
  split: {
    message: (d: Pair & { line: number }) => loc(`章节“${d.heading}”合并了“${d.first}”和“${d.second}”两章，已从第 ${d.line} 行处拆开。`, `Chapter "${d.heading}" merges "${d.first}" and "${d.second}"; split at line ${d.line}.`),
  },
});

export const importChapterMerged = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-merged',
  severity: 'warning',
  description: loc('一章合并了提纲中的两章，找不到拆分的位置。', 'A chapter merges two outline chapters and could not be split.'),
  why: loc('提纲要求两章分开，缺的一章会被 check 报告。', 'The outline wants them apart; check reports the missing one.'),
  fix: loc('把后一部分移到新的章节文件。', 'Move the second part into a new chapter file.'),
}, {
  merged: {
    message: (d: Pair & { id: string }) => loc(`章节“${d.heading}”合并了“${d.first}”和“${d.second}”两章，全文暂归入前者。`, `Chapter "${d.heading}" merges "${d.first}" and "${d.second}"; all of it went to the first.`),
    hint: (d: Pair & { id: string }) => loc(`提纲要求两章分开写：把后一部分移到新的“${d.id}”章节文件。`, `The outline wants two chapters: move the second part into a new "${d.id}" chapter file.`),
  },
});

type Missing = { chapter: string; id: string };

export const importChapterMissing = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-missing',
  severity: 'warning',
  description: loc('原文缺少提纲要求的一章（或只作为小节出现）。', 'The report lacks a chapter the outline requires (or has it only as a sub-section).'),
  why: loc('缺章的报告会被退回。', 'A report missing a chapter is sent back.'),
  fix: loc('补写这一章，或把对应的小节移成一章。', 'Write the chapter, or move the sub-section into one.'),
}, {
  asSection: {
    message: (d: Missing & { section: string; inside: string }) => loc(
      `没有“${d.chapter}”这一章，这部分内容只作为“${d.inside}”中的小节“${d.section}”出现。`,
      `No chapter "${d.chapter}": the topic appears only as the sub-section "${d.section}" inside "${d.inside}".`,
    ),
    hint: (d: Missing & { section: string; inside: string }) => loc(`提纲要求单独成章：把这一小节移到新的“${d.id}”章节文件。`, `The outline wants a chapter of its own: move that sub-section into a new "${d.id}" chapter file.`),
  },
  absent: {
    message: (d: Missing) => loc(`原文没有提纲要求的“${d.chapter}”一章。`, `The report has no chapter "${d.chapter}", which the outline requires.`),
    hint: (d: Missing) => loc(`新建 chapters/${d.id}.md 补写这一章。`, `Write it in a new chapters/${d.id}.md.`),
  },
});

export interface MappedChapter {
  /** Outline chapter id; undefined for a chapter the outline does not know (kept as extra). */
  id?: string;
  /** The heading as the report wrote it. */
  heading: string;
  line: number;
  blocks: Block[];
  /** Mapped by its place and content, not by an outline title: keeps its own title when built. */
  themed?: boolean;
}

/**
 * Gives each chapter of the imported report its outline chapter, by meaning and by position:
 * - a heading naming an outline chapter (its title or a variant, after years and numbers go)
 *   maps to it; one naming the next year (「2025年工作安排」 in a 2024 report) to the plans;
 * - headings no outline title names (「一、坚持党的领导，……」「二、优化营商环境，……」) are the
 *   spanning chapter (measures) written as several themed chapters, until a chapter that closes
 *   it (problems, plans) has come; after one, plans and problems are told by their words;
 * - an overview (「一、2023年总体情况」) and anything else is kept as an extra chapter, with a warning;
 * - a chapter that merges two (「存在的问题及下一步打算」) is split at a sub-heading naming the
 *   second, when there is one.
 * Required chapters not found are reported, saying where the topic appears as a sub-section.
 */
export function mapChapters(profile: Profile, raw: RawChapter[], year: number | undefined, file: string): { chapters: MappedChapter[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  /** Chapters found merged into another one and not split out: already reported. */
  const merged = new Set<string>();
  const chapters: MappedChapter[] = [];
  const titleOf = (c: ProfileChapter) => renderTitle(c.title, { year });
  const spanning = profile.chapters.find((c) => c.spans);
  const byId = (id: string) => profile.chapters.find((c) => c.id === id);
  /** Outline chapters seen before the spanning one began: they do not close it (第一责任人 first). */
  const before = new Set<string>();
  let closed = false;
  const at = (line: number) => ({ file, line, column: 1 });

  for (const chapter of raw) {
    const unmapped = (messageId: 'overview' | 'unknown') => {
      chapters.push({ heading: chapter.heading, line: chapter.line, blocks: chapter.blocks });
      diagnostics.push(importChapterUnmapped.at(at(chapter.line), messageId, { heading: chapter.heading, outline: profile.name }));
    };
    if (profile.overview.some((o) => chapter.match.includes(o))) {
      unmapped('overview');
      continue;
    }
    let matches = chapter.match === '' && !chapter.title ? [profile.chapters[0]!] : matchTitles(profile.chapters, chapter.match);
    // A heading that names the next year is about plans, whatever else it says.
    const years = [...chapter.match.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
    const plans = profile.chapters.find((c) => c.id === 'next-year');
    if (year !== undefined && plans && years.includes(year + 1) && !years.includes(year)) matches = [plans, ...matches.filter((c) => c !== plans)];
    matches = matches.filter((c) => !used.has(c.id) || c.spans);
    // The first word of a report is never its problems or its plans: a themed heading only sounds like them (「创新工作思路」).
    if (raw.length === 0 || chapter === raw[0]) {
      if (chapter.match !== '') matches = matches.filter((c) => c.spans || c.id === 'first-responsible' || !['shortcomings', 'next-year', 'other'].includes(c.id));
    }
    let primary = matches[0];
    let themed = false;
    if (!primary) {
      const cue = chapter === raw[0] ? undefined : PROBLEMS.test(chapter.match) ? byId('shortcomings') : PLANS.test(chapter.match) ? plans : undefined;
      if (cue && !used.has(cue.id)) primary = cue;
      else if (spanning && !closed && !cue) {
        primary = spanning;
        themed = true;
      }
    }
    if (!primary) {
      unmapped('unknown');
      continue;
    }
    if (primary !== spanning) {
      if (!used.has(spanning?.id ?? '')) before.add(primary.id);
      else if (!before.has(primary.id)) closed = true;
    }
    if (themed) {
      diagnostics.push(importChapterThemed.at(at(chapter.line), 'themed', { heading: chapter.heading, chapter: titleOf(primary) }));
    }
    used.add(primary.id);
    const others = matches.slice(1).filter((c) => c.required && c !== primary && !used.has(c.id));
    let blocks = chapter.blocks;
    const split: MappedChapter[] = [];
    for (const second of others) {
      const cut = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && matchTitles([second], b.text, true).length > 0);
      // Without a sub-heading, the plans often start a paragraph of their own: 「下一步，我镇将……」.
      const cue = cut < 0 ? blocks.findIndex((b, i) => i > 0 && b.kind === 'paragraph' && NEXT_STEPS.test(b.text)) : -1;
      if (cut > 0 || (cut === 0 && blocks.length > 1) || cue > 0) {
        const head = blocks[0];
        const end = cut >= 0 ? cut : cue;
        const first = head?.kind === 'heading' && head.level === 2 && matchTitles([primary], head.text).length > 0 ? blocks.slice(1, end) : blocks.slice(0, end);
        const piece = { id: second.id, heading: chapter.heading, line: blocks[end]!.line, blocks: blocks.slice(cut >= 0 ? cut + 1 : cue) };
        split.push(piece);
        used.add(second.id);
        blocks = first;
        diagnostics.push(importChapterSplit.at(at(chapter.line), 'split', { heading: chapter.heading, first: titleOf(primary), second: titleOf(second), line: piece.line }));
      } else {
        merged.add(second.id);
        diagnostics.push(importChapterMerged.at(at(chapter.line), 'merged', { heading: chapter.heading, first: titleOf(primary), second: titleOf(second), id: second.id }));
      }
    }
    chapters.push({ id: primary.id, heading: chapter.heading, line: chapter.line, blocks, ...(themed ? { themed } : {}) }, ...split);
  }

  for (const required of profile.chapters.filter((c) => c.required && !used.has(c.id) && !merged.has(c.id))) {
    const inside = findAsSection(required, chapters);
    const missing = { chapter: titleOf(required), id: required.id };
    diagnostics.push(
      inside
        ? importChapterMissing.at(at(inside.line), 'asSection', { ...missing, section: inside.heading, inside: inside.chapter })
        : importChapterMissing.at(at(1), 'absent', missing),
    );
  }
  return { chapters, diagnostics };
}

function findAsSection(wanted: ProfileChapter, chapters: MappedChapter[]) {
  for (const chapter of chapters) {
    for (const b of chapter.blocks) {
      if ((b.kind === 'heading' || b.kind === 'item') && b.text.length <= 60 && matchTitles([wanted], b.text, true).length > 0) {
        return { chapter: chapter.heading, heading: b.text, line: b.line };
      }
    }
  }
  return undefined;
}

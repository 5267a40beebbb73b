import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Profile, ProfileChapter } from '../model.js';
import { renderTitle } from '../profile/title.js';
import { matchTitles } from '../profile/match.js';
import type { Block, RawChapter } from './structure.js';

/** How the plans part of a merged 「问题和打算」 chapter opens when it has no sub-heading. */
const NEXT_STEPS = /^(?:下一步|下步|今后|下一年度?|明年)/;

export interface MappedChapter {
  /** Outline chapter id; undefined for a chapter the outline does not know (kept as extra). */
  id?: string;
  /** The heading as the report wrote it. */
  heading: string;
  line: number;
  blocks: Block[];
}

/**
 * Gives each chapter of the imported report its outline chapter by meaning. A chapter that
 * merges two (「存在的问题及下一步打算」) is split at a sub-heading naming the second, when there
 * is one. Unknown chapters are kept; required chapters not found are reported, saying where
 * the topic appears as a sub-section (the 第一责任人 part inside chapter 1, typically).
 */
export function mapChapters(profile: Profile, raw: RawChapter[], year: number, file: string): { chapters: MappedChapter[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  /** Chapters found merged into another one and not split out: already reported. */
  const merged = new Set<string>();
  const chapters: MappedChapter[] = [];
  const titleOf = (c: ProfileChapter) => renderTitle(c.title, { year });

  for (const chapter of raw) {
    const matches = matchTitles(profile.chapters, chapter.heading).filter((c) => !used.has(c.id));
    const primary = matches[0];
    if (!primary) {
      chapters.push({ heading: chapter.heading, line: chapter.line, blocks: chapter.blocks });
      diagnostics.push(diag('import-chapter-unmapped', 'warning', { file, line: chapter.line, column: 1 }, loc(
        `章节“${chapter.heading}”对应不到提纲“${profile.name}”中的任何一章，已原样保留为额外的章节。`,
        `Chapter "${chapter.heading}" matches no chapter of the outline "${profile.name}"; kept as an extra chapter.`,
      ), { hint: loc('在该章节文件的前置信息里写上正确的 id:，或把内容并入其他章节。', 'Put the right id: in its front matter, or move its text into another chapter.') }));
      continue;
    }
    used.add(primary.id);
    const others = matches.slice(1).filter((c) => c.required);
    let blocks = chapter.blocks;
    const split: MappedChapter[] = [];
    for (const second of others) {
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && matchTitles([second], b.text, true).length > 0);
      // Without a sub-heading, the plans often start a paragraph of their own: 「下一步，我镇将……」.
      const cue = at < 0 ? blocks.findIndex((b, i) => i > 0 && b.kind === 'paragraph' && NEXT_STEPS.test(b.text)) : -1;
      if (at > 0 || (at === 0 && blocks.length > 1) || cue > 0) {
        const head = blocks[0];
        const end = at >= 0 ? at : cue;
        const first = head?.kind === 'heading' && head.level === 2 && matchTitles([primary], head.text).length > 0 ? blocks.slice(1, end) : blocks.slice(0, end);
        const piece = { id: second.id, heading: chapter.heading, line: blocks[end]!.line, blocks: blocks.slice(at >= 0 ? at + 1 : cue) };
        split.push(piece);
        used.add(second.id);
        blocks = first;
        diagnostics.push(diag('import-chapter-split', 'info', { file, line: chapter.line, column: 1 }, loc(
          `章节“${chapter.heading}”合并了“${titleOf(primary)}”和“${titleOf(second)}”两章，已从第 ${piece.line} 行处拆开。`,
          `Chapter "${chapter.heading}" merges "${titleOf(primary)}" and "${titleOf(second)}"; split at line ${piece.line}.`,
        )));
      } else {
        merged.add(second.id);
        diagnostics.push(diag('import-chapter-merged', 'warning', { file, line: chapter.line, column: 1 }, loc(
          `章节“${chapter.heading}”合并了“${titleOf(primary)}”和“${titleOf(second)}”两章，全文暂归入前者。`,
          `Chapter "${chapter.heading}" merges "${titleOf(primary)}" and "${titleOf(second)}"; all of it went to the first.`,
        ), { hint: loc(`提纲要求两章分开写：把后一部分移到新的“${second.id}”章节文件。`, `The outline wants two chapters: move the second part into a new "${second.id}" chapter file.`) }));
      }
    }
    chapters.push({ id: primary.id, heading: chapter.heading, line: chapter.line, blocks }, ...split);
  }

  for (const required of profile.chapters.filter((c) => c.required && !used.has(c.id) && !merged.has(c.id))) {
    const inside = findAsSection(required, chapters);
    diagnostics.push(
      inside
        ? diag('import-chapter-missing', 'warning', { file, line: inside.line, column: 1 }, loc(
            `没有“${titleOf(required)}”这一章，这部分内容只作为“${inside.chapter}”中的小节“${inside.heading}”出现。`,
            `No chapter "${titleOf(required)}": the topic appears only as the sub-section "${inside.heading}" inside "${inside.chapter}".`,
          ), { hint: loc(`提纲要求单独成章：把这一小节移到新的“${required.id}”章节文件。`, `The outline wants a chapter of its own: move that sub-section into a new "${required.id}" chapter file.`) })
        : diag('import-chapter-missing', 'warning', { file, line: 1, column: 1 }, loc(
            `原文没有提纲要求的“${titleOf(required)}”一章。`,
            `The report has no chapter "${titleOf(required)}", which the outline requires.`,
          ), { hint: loc(`新建 chapters/${required.id}.md 补写这一章。`, `Write it in a new chapters/${required.id}.md.`) }),
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

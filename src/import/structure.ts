import { numberLevel, stripHeadingNumber } from '../profile/match.js';
import { isDebris } from './debris.js';
import type { SourceLine } from './source-line.js';

export type Block =
  /** `full` keeps the whole line of a run-in heading (the lead was split off the text). */
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; line: number; full?: string }
  | { kind: 'paragraph'; text: string; line: number }
  /** A numbered item too long to be a heading: it stays a list item (the compiler numbers lists). */
  | { kind: 'item'; level: 3 | 4; text: string; line: number }
  /** A paragraph that continues the list item before it. */
  | { kind: 'continuation'; text: string; line: number };

export interface RawChapter {
  /** The heading as written, with its typed number. */
  heading: string;
  line: number;
  blocks: Block[];
}

export interface Located {
  text: string;
  line: number;
}

export interface ReportStructure {
  title?: Located;
  preface: Block[];
  chapters: RawChapter[];
  signature: Located[];
  date?: Located & { iso: string };
  /** Lines dropped as web-page debris. */
  debris: Located[];
}

/** A heading is a short line; a long one is a paragraph that happens to start with a number. */
const HEADING_MAX = 40;
/** 「（一）强化统筹推进。进一步……」: a run-in heading is a short lead sentence before the text. */
const LEAD_MAX = 30;

/**
 * Finds the parts of a published report in its lines: title, preface, chapters (by their
 * typed numbering or the file's heading styles), sub-headings, signature and 成文日期.
 */
export function parseStructure(input: SourceLine[]): ReportStructure {
  const debris: Located[] = [];
  const lines = input.filter((l) => (isDebris(l.text) ? (debris.push({ text: l.text, line: l.no }), false) : true));
  const result: ReportStructure = { preface: [], chapters: [], signature: [], debris };

  const dateAt = findDate(lines);
  let end = lines.length;
  if (dateAt !== undefined) {
    const d = lines[dateAt]!;
    result.date = { text: d.text, line: d.no, iso: parseChineseDate(d.text)! };
    for (const after of lines.slice(dateAt + 1)) debris.push({ text: after.text, line: after.no });
    end = dateAt;
    while (end > 0 && result.signature.length < 4 && isSignatureLine(lines[end - 1]!.text)) {
      end--;
      result.signature.unshift({ text: lines[end]!.text, line: lines[end]!.no });
    }
  }

  let start = 0;
  const titleAt = lines.slice(0, 4).findIndex((l) => l.styleLevel === 0 || isTitleLine(l.text));
  if (titleAt >= 0) {
    let text = lines[titleAt]!.text;
    let first = titleAt;
    start = titleAt + 1;
    // A title broken after the org: 「示例镇人民政府」 / 「2024年法治政府建设年度报告」.
    const before = lines[titleAt - 1];
    if (before && /^(?:19|20)\d{2}/.test(text) && isSignatureLine(before.text)) {
      text = before.text + text;
      first--;
    }
    // …or over two paragraphs in Word's Title style.
    while (lines[start]?.styleLevel === 0) text += lines[start++]!.text;
    result.title = { text, line: lines[titleAt]!.no };
    // What stands above the title is the page around it.
    for (const above of lines.slice(0, first)) debris.push({ text: above.text, line: above.no });
  }

  let chapter: RawChapter | undefined;
  for (const line of lines.slice(start, end)) {
    // Web pages often repeat the title (page heading, then article heading).
    if (!chapter && result.title && line.text === result.title.text) continue;
    const { text, number } = stripHeadingNumber(line.text);
    const level = number ? numberLevel(number) : line.styleLevel && line.styleLevel <= 4 ? line.styleLevel : undefined;
    if (level === 1 && isHeadingLike(line.text)) {
      chapter = { heading: line.text, line: line.no, blocks: [] };
      result.chapters.push(chapter);
      continue;
    }
    const blocks = chapter ? chapter.blocks : result.preface;
    if (level === 2 || level === 3 || level === 4) blocks.push(...numbered(level, text, line));
    else blocks.push({ kind: 'paragraph', text: line.text, line: line.no });
  }
  for (const c of result.chapters) c.blocks = settleItems(c.blocks);
  result.preface = settleItems(result.preface);
  return result;
}

function isHeadingLike(text: string): boolean {
  return text.length <= HEADING_MAX + 10 && !/[。；;]./.test(text);
}

function isTitleLine(text: string): boolean {
  return text.length <= 60 && /报告/.test(text) && /法治/.test(text) && !/[。，,；]/.test(text);
}

/** 「中共示例镇委员会」「示例镇人民政府」: an issuing body, not a sentence. */
function isSignatureLine(text: string): boolean {
  return text.length <= 30 && !/[。，,；;：:！？]/.test(text) && /(?:政府|委员会|办事处|办公室|局|委|厅|院|所|中心|镇|街道|乡|区|县)$/.test(text);
}

function findDate(lines: SourceLine[]): number | undefined {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    if (parseChineseDate(lines[i]!.text)) return i;
  }
  return undefined;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零Oo○一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const tens = m[2] ? (m[1] ? CN_DIGITS[m[1]]! : 1) : 0;
  if (!m[2] && m[1] && m[3]) return undefined;
  return tens * 10 + (m[3] ? CN_DIGITS[m[3]]! : m[2] ? 0 : CN_DIGITS[m[1]!]!);
}

/** 「2025年2月10日」 or 「二〇二五年二月十日」, the whole line → "2025-02-10". */
export function parseChineseDate(text: string): string | undefined {
  const m = /^\s*([\d〇零Oo○一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [cnNumber(m[1]!), cnNumber(m[2]!), cnNumber(m[3]!)];
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A numbered line: a heading, a run-in heading (lead sentence + text), or a long item. */
function numbered(level: 2 | 3 | 4, text: string, line: SourceLine): Block[] {
  const whole = text.replace(/[。；;]$/, '');
  if (whole.length <= HEADING_MAX && !/[。；;]/.test(whole)) return [{ kind: 'heading', level, text: whole, line: line.no }];
  const lead = /^(.+?)[。：:]/.exec(text);
  if (lead && lead[1]!.length <= LEAD_MAX && !/[，,；;]/.test(lead[1]!)) {
    return [
      { kind: 'heading', level, text: lead[1]!, line: line.no, full: text },
      { kind: 'paragraph', text: text.slice(lead[0].length).trim(), line: line.no },
    ];
  }
  return [{ kind: 'item', level: level === 2 ? 3 : level, text, line: line.no }];
}

/**
 * Sibling items (「1、」「2、」…) are either all headings or all list items: numbering would
 * come out wrong if some became headings and others not. A run with any long item stays a list.
 */
function settleItems(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let run: Block[] = [];
  let runLevel = 0;
  const flush = () => {
    const numberedBlocks = run.filter((b) => b.kind === 'item' || (b.kind === 'heading' && b.level === runLevel));
    const asList = numberedBlocks.some((b) => b.kind === 'item');
    for (const b of run) {
      if (!asList) out.push(b);
      else if (b.kind === 'heading' && b.level === runLevel) out.push({ kind: 'item', level: runLevel as 3 | 4, text: b.full ?? b.text, line: b.line });
      else if (b.kind === 'paragraph' && out.at(-1)?.kind === 'item' && out.at(-1)!.line === b.line) {
        // The text of a run-in heading is already back in its item.
      } else if (b.kind === 'paragraph') out.push({ kind: 'continuation', text: b.text, line: b.line });
      else out.push(b);
    }
    run = [];
    runLevel = 0;
  };
  for (const b of blocks) {
    const level = b.kind === 'heading' || b.kind === 'item' ? b.level : 0;
    if (level >= 3) {
      if (runLevel && level !== runLevel) flush();
      runLevel = level;
      run.push(b);
    } else if (b.kind === 'paragraph' && runLevel) run.push(b);
    else {
      if (runLevel) flush();
      out.push(b);
    }
  }
  if (runLevel) flush();
  return out;
}

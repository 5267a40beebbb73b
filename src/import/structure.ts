import { numberLevel, stripHeadingNumber } from '../profile/match.js';
import { isAddressee, isDebris, isDocumentNumber, pageFact } from './debris.js';
import { matchForm, writtenSlice, type MatchForm } from './match-form.js';
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
  /** The heading as written, with its typed number (a run-in heading: up to its full stop). */
  heading: string;
  /** The heading's words in the match form, without number or closing stop, for recognising it. */
  match: string;
  /** The heading's words as written, without number or closing stop: a themed chapter's own title. */
  title: string;
  line: number;
  blocks: Block[];
  /** How the heading was told apart, when it was not a typed 「一、」: for a note to the clerk. */
  shape?: 'unnumbered' | 'renumbered';
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
  /** Lines dropped as web-page debris (and the addressee, document number, repeated title). */
  debris: Located[];
  /** A news headline above a report carried in an article (「示例局发布2023年……报告」): names body and year. */
  headline?: Located;
  /** What the page around the report says about it: publisher (来源、发布机构) and publication year. */
  page: { publishers: string[]; published?: number };
}

export interface StructureOptions {
  /** Whether an unnumbered short line names an outline chapter (then it may open one). */
  isChapterTitle?: (match: string) => boolean;
}

/** A heading is a short line; a long one is a paragraph that happens to start with a number. */
const HEADING_MAX = 40;
/** 「（一）强化统筹推进。进一步……」: a run-in heading is a short lead sentence before the text. */
const LEAD_MAX = 30;
/** A chapter's run-in lead may be a longer clause (「一、坚持……,党对……更加坚强有力。」). */
const CHAPTER_LEAD_MAX = 45;
/** The title and what stands above it lie within the first lines of a page. */
const HEAD_LINES = 24;

interface Line extends SourceLine {
  form: MatchForm;
  m: string;
}

const CN_NUMERALS = '一二三四五六七八九十';
/** A first-level number: 「一、」「一.」「第一部分」, and the slip 「一)」 (judged by the sequence). */
const CHAPTER_NUMBER = /^\s*(?:第([一二三四五六七八九十]+)(?:章|部分)[、.\s]?|([一二三四五六七八九十]+)\s*([、.)])|(\d{1,2})\s*[.、](?!\d))\s*/;

/**
 * Finds the parts of a published report in its lines: title, preface, chapters (by their
 * typed numbering, its slips, the file's heading styles, or an unnumbered line naming an
 * outline chapter), sub-headings, signature and 成文日期. Every decision is made on the match
 * form; every text kept is the text as written.
 */
export function parseStructure(input: SourceLine[], options: StructureOptions = {}): ReportStructure {
  const debris: Located[] = [];
  const page: ReportStructure['page'] = { publishers: [] };
  const drop = (l: Line) => debris.push({ text: l.text, line: l.no });
  const lines: Line[] = [];
  for (const raw of input) {
    const form = matchForm(raw.text);
    const l: Line = { ...raw, form, m: form.text.trim() };
    const fact = pageFact(l.m);
    if (isDebris(l.m) || isDocumentNumber(l.m)) {
      if (fact.publisher) page.publishers.push(fact.publisher);
      if (fact.published && page.published === undefined) page.published = fact.published;
      drop(l);
      continue;
    }
    lines.push(l);
  }
  const result: ReportStructure = { preface: [], chapters: [], signature: [], debris, page };

  const dateAt = findDate(lines);
  let end = lines.length;
  if (dateAt !== undefined) {
    const d = lines[dateAt]!;
    result.date = { text: d.text, line: d.no, iso: parseChineseDate(d.m)! };
    for (const after of lines.slice(dateAt + 1)) drop(after);
    end = dateAt;
    while (end > 0 && result.signature.length < 4 && isIssuerLine(lines[end - 1]!.m)) {
      end--;
      result.signature.unshift({ text: lines[end]!.text, line: lines[end]!.no });
    }
  }

  let start = findTitle(lines.slice(0, Math.min(end, HEAD_LINES)), result, drop);
  // The addressee (「市委、市政府:」) stands between the title and the text.
  while (start < end && isAddressee(lines[start]!.m)) drop(lines[start++]!);

  const body = lines.slice(start, end);
  const firstChapter = promotedFirstChapter(body);
  let chapter: RawChapter | undefined;
  let lastNumber = 0;
  const seenTitle = result.title ? result.title.text.replace(/\s+/g, '') : undefined;
  body.forEach((line, index) => {
    // Web pages often repeat the title (page heading, then article heading).
    if (!chapter && seenTitle && line.text.replace(/\s+/g, '') === seenTitle) return drop(line);
    if (!chapter && isAddressee(line.m)) return drop(line);
    const opened = chapterHeading(line, index === firstChapter, lastNumber, options, !!chapter || result.preface.length > 0);
    if (opened) {
      chapter = { heading: opened.heading, match: opened.match, title: opened.title, line: line.no, blocks: [], ...(opened.shape ? { shape: opened.shape } : {}) };
      if (opened.number) lastNumber = opened.number;
      result.chapters.push(chapter);
      if (opened.rest) chapter.blocks.push({ kind: 'paragraph', text: opened.rest, line: line.no });
      return;
    }
    const blocks = chapter ? chapter.blocks : result.preface;
    const split = splitNumber(line);
    const level = split.number ? numberLevel(split.number) : line.styleLevel && line.styleLevel <= 4 ? line.styleLevel : undefined;
    // A first-level number out of sequence (a list 「一、」「二、」 inside a chapter) stays a list item.
    if (level === 1) blocks.push({ kind: 'item', level: 3, text: split.number ? split.rest : line.text, line: line.no });
    else if (level === 2 || level === 3 || level === 4) blocks.push(...numbered(level, split.number ? split.rest : line.text, line));
    else blocks.push({ kind: 'paragraph', text: line.text, line: line.no });
  });
  for (const c of result.chapters) c.blocks = settleItems(c.blocks);
  result.preface = settleItems(result.preface);
  return result;
}

/** The number a line opens with (match form) and the written text after it. */
function splitNumber(line: Line): { number?: string; rest: string; restMatch: string } {
  const stripped = stripHeadingNumber(line.form.text);
  if (!stripped.number) return { rest: line.text, restMatch: line.m };
  const from = line.form.text.length - stripped.text.length;
  return { number: stripped.number, rest: writtenSlice(line.text, line.form, from).trim(), restMatch: stripped.text.trim() };
}

/** The value of 「一」…「九十九」. */
function cnValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string | undefined) => (c ? CN_NUMERALS.indexOf(c) + 1 : 0);
  if (s.length === 1) return digit(s);
  const ten = s.indexOf('十');
  if (ten < 0) return 0;
  return (ten === 0 ? 1 : digit(s[ten - 1])) * 10 + digit(s[ten + 1]);
}

/**
 * 「1. 坚持……」 standing for 「一、」: the first numbered line of the body is an Arabic 1 and the
 * first Chinese-numbered chapter is 「二、」. Returns its index in `body`, or -1.
 */
function promotedFirstChapter(body: Line[]): number {
  const firstChinese = body.findIndex((l) => {
    const m = CHAPTER_NUMBER.exec(l.m);
    return m && (m[1] || (m[2] && m[3] !== ')'));
  });
  if (firstChinese < 0) return -1;
  const m = CHAPTER_NUMBER.exec(body[firstChinese]!.m)!;
  if (cnValue(m[1] ?? m[2]!) !== 2) return -1;
  const one = body.slice(0, firstChinese).findIndex((l) => /^1\s*[.、](?!\d)/.test(l.m));
  return one >= 0 && isHeadingText(body[one]!.m.replace(/^1\s*[.、]\s*/, '')) ? one : -1;
}

/** Whether a line opens a chapter, and its heading, number and the run-in text after it. */
function chapterHeading(line: Line, promoted: boolean, lastNumber: number, options: StructureOptions, afterText: boolean):
  | { heading: string; match: string; title: string; number?: number; rest?: string; shape?: RawChapter['shape'] }
  | undefined {
  const m = CHAPTER_NUMBER.exec(line.form.text);
  if (m && (m[1] || m[2] || promoted)) {
    const number = m[4] ? 1 : cnValue(m[1] ?? m[2]!);
    // 「一)」 is a slip for 「一、」 only where the chapter sequence expects that number.
    if (m[3] === ')' && number !== lastNumber + 1) return undefined;
    // A restart (「一、」 after 「三、」) is a list inside a chapter; the same number twice is a slip.
    if (lastNumber > 0 && number < lastNumber) return undefined;
    const from = m[0].length;
    const words = line.form.text.slice(from);
    const shape = promoted ? ('renumbered' as const) : undefined;
    const title = (end: number) => writtenSlice(line.text, line.form, from, end).trim().replace(/[。；;．.：:]$/, '');
    if (isHeadingText(words)) {
      return { heading: line.text.trim(), match: words.trim().replace(/[。;.:]$/, ''), title: title(line.form.text.length), number, shape };
    }
    const lead = /^(.+?)[。:]/.exec(words);
    if (lead && lead[1]!.length <= CHAPTER_LEAD_MAX && !/[;]/.test(lead[1]!)) {
      const cut = from + lead[0].length;
      return { heading: writtenSlice(line.text, line.form, 0, cut).trim(), match: lead[1]!.trim(), title: title(from + lead[1]!.length), number, rest: writtenSlice(line.text, line.form, cut).trim(), shape };
    }
    return undefined;
  }
  if (line.styleLevel === 1 && isHeadingText(line.m)) return { heading: line.text.trim(), match: line.m, title: line.text.trim() };
  // An unnumbered line naming an outline chapter, in a report whose chapters are not numbered (yet).
  if (lastNumber === 0 && afterText && isHeadingText(line.m) && line.m.length <= HEADING_MAX && !/[,.:;!?。]/.test(line.m) && options.isChapterTitle?.(line.m)) {
    return { heading: line.text.trim(), match: line.m, title: line.text.trim(), shape: 'unnumbered' };
  }
  return undefined;
}

function isHeadingText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= HEADING_MAX + 10 && !/[。;]./.test(t);
}

/** A title: short, names 法治 (or 法制) and a report, no sentence punctuation, not a file name or headline. */
function isTitleLine(line: string): boolean {
  // A page title's site name (「……报告_示例区人民政府网」) and a note (「（全文）」) do not stop it being a title.
  const m = line.replace(/\s*[_|]\s*[^_|]{2,30}$/, '').replace(/\s*\((?:全文|摘要|公开版|[^)]{0,6}稿)\)$/, '');
  if (m.length > 80 || m.length < 8 || /[。;!?]/.test(m) || /,/.test(m.replace(/\([^)]*\)/g, ''))) return false;
  if (/\.(?:docx?|wps|pdf|txt)$/i.test(m) || /[>»›]/.test(m)) return false;
  if (!/法治|法制|依法行政/.test(m)) return false;
  if (isHeadline(m)) return false;
  return /(?:报告|总结|汇报|报吿)$/.test(m) || /(?:19|20)\d{2}\s*年度?.*(?:法治|法制).*(?:情况|工作)$/.test(m);
}

/** 「示例局发布2023年法治政府建设年度报告」: a news item about the report, not its title. */
function isHeadline(m: string): boolean {
  return m.length <= 80 && /法治|法制/.test(m) && /(?:发布|公布|印发|出炉|晒出|亮出)(?:了)?(?:(?:19|20)\d{2}|关于|本|年度)/.test(m);
}

/** The head of a title split over lines: an issuing body (「示例县人民政府」), or 「中共示例县委 示例县人民政府」. */
function isIssuerLine(m: string): boolean {
  return m.length <= 40 && !/[。,;:!?]/.test(m) && /(?:政府|委员会|办事处|办公室|局|委|厅|院|所|中心|镇|街道|乡|区|县|市|州|省|管委会)$/.test(m);
}

/**
 * The title among the first lines: the last title-like line (or issuer line + title line) before
 * the text begins, since pages print a page heading or the title itself above the article's title.
 * Everything above it is the page around the report. Returns where the body starts.
 */
function findTitle(head: Line[], result: ReportStructure, drop: (l: Line) => void): number {
  let chosen: { first: number; last: number; text: string } | undefined;
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    if (isHeadline(l.m) && !result.headline) result.headline = { text: l.text.trim(), line: l.no };
    if (isTitleLine(l.m) || l.styleLevel === 0) {
      const joinsAbove = i > 0 && isIssuerLine(head[i - 1]!.m) && !isTitleLine(head[i - 1]!.m) && /^(?:关于|(?:19|20)\d{2})/.test(l.m);
      let last = i;
      let text = joinsAbove ? head[i - 1]!.text.trim() + l.text.trim() : l.text.trim();
      // …or over two paragraphs in Word's Title style.
      while (l.styleLevel === 0 && head[last + 1]?.styleLevel === 0) text += head[++last]!.text.trim();
      chosen = { first: joinsAbove ? i - 1 : i, last, text };
      i = last;
      continue;
    }
    // The text has begun: a sentence, a chapter heading, or the long first paragraph.
    if (/[。,]/.test(l.m) || l.m.length > 80 || CHAPTER_NUMBER.test(l.m)) break;
  }
  if (!chosen) return 0;
  result.title = { text: chosen.text, line: head[chosen.first]!.no };
  for (const above of head.slice(0, chosen.first)) drop(above);
  return chosen.last + 1;
}

function findDate(lines: Line[]): number | undefined {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    if (parseChineseDate(lines[i]!.m)) return i;
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
  const m = /^\s*([\d〇零Oo○一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日\s*$/.exec(text.normalize('NFKC'));
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
  // A section's lead may hold a comma (「（一）加强组织领导，推进有力。」); a list item's does not.
  if (lead && lead[1]!.length <= LEAD_MAX && !(level === 2 ? /[；;]/ : /[，,；;]/).test(lead[1]!)) {
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

import { matchForm, writtenSlice } from './match-form.js';
import type { Block, ReportStructure } from './structure.js';

/** Where a fact was read, for the summary and for the note when it was only guessed. */
export type FactSource = 'title' | 'opening' | 'headline' | 'heading' | 'signature' | 'page' | 'document' | 'date';

export interface Fact<T> {
  value: T;
  from: FactSource;
}

/** The words an organ's name ends with (a town, a street, a bureau, a development zone…). */
const ORG_END = '(?:人民政府|政府|办事处|管理委员会|管委会|委员会|街道|社区|镇|乡|街|区|县|市|州|盟|旗|省|自治区|局|委|办|厅|署|院|所|中心|部)';
const ORG_SUFFIX = new RegExp(`${ORG_END}$`);
/** Names that only say what kind of body it is (「省人民政府」「县」「经济开发区」): used when nothing else names it. */
const GENERIC = /^(?:省|市|州|县|区|镇|乡|街道|自治区|盟|旗)?(?:人民)?(?:政府|委员会|委|局|经济技术开发区|经济开发区|开发区|高新技术产业开发区|高新区|新区|综保区|管委会)?$/;
/** A report's own document titles start with its name: 「《示例县党政主要负责人……办法》」. */
const SELF = /(?:我|本)(镇|乡|街道|街|县|区|市|州|省|局|委|办)/;
/** Verbs that follow the subject of an opening sentence: 「2023年，示例镇坚持……」. */
const SUBJECT_VERB = '(?:紧扣|注重|深化|加快|秉持|牢牢|坚持|在|以|认真|始终|深入|全面|紧紧|按照|围绕|结合|严格|聚焦|积极|着力|扎实|持续|高度|法治政府|法治建设|切实|不断|笃|立足|忠实|牢固|锚定|深学|树牢|着眼|对标|全力|统筹|大力|主动|进一步|推进|贯彻|把|将|认|坚决)';
const OPENING_SUBJECT = new RegExp(
  `^(?:(?:(?:19|20)\\d{2}\\s*年?度?(?:以来)?|今年以来|一年来|本年度|过去一年)\\s*,?\\s*(?:在[^。]{2,90}?下,)*|(?:在[^。]{2,90}?下,)+)([^\\s,。、:;“”《》()0-9]{2,20}?)(?:党委|党工委|党组|委)?(?:、[^,。、]{0,8}?政府)?(?=${SUBJECT_VERB})`,
);
const YEAR = /(?<![\d—–-])((?:19|20)\d{2})\s*(?=年|以来)/;

const isGeneric = (name: string) => GENERIC.test(name);
const isSpecific = (name: string) => name.length >= 2 && ORG_SUFFIX.test(name) && !isGeneric(name) && !/^(?:我|本|该|全|各)/.test(name);

/** A name found in a written text, cut from the text as written (traditional characters and all). */
function named(written: string, pattern: RegExp, group = 1): string | undefined {
  const form = matchForm(written);
  const m = pattern.exec(form.text);
  if (!m?.[group]) return undefined;
  const start = m.index + m[0].indexOf(m[group]!);
  return writtenSlice(written, form, start, start + m[group]!.length).trim();
}

/** Match-form text of written text. */
const mf = (text: string) => matchForm(text).text;

/** The paragraphs a report opens with: the preface, else the first chapter's first paragraphs. */
function openingParagraphs(s: ReportStructure): Block[] {
  const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.kind === 'paragraph');
  return [...paragraphs(s.preface), ...paragraphs(s.chapters[0]?.blocks ?? []).slice(0, 2)].slice(0, 3);
}

/** The body the title names: before its year or 「关于」, the government among joint issuers. */
function orgInTitle(title: string): string | undefined {
  const form = matchForm(title);
  const m = form.text;
  let end = m.search(/关于|(?:19|20)\d{2}\s*年|法治|法制|推进|依法行政/);
  let start = 0;
  // 「2021年示例乡法治政府建设工作总结」: the year before the body.
  const lead = /^(?:19|20)\d{2}\s*年度?/.exec(m);
  if (end === 0 && lead) {
    start = lead[0].length;
    end = m.slice(start).search(/关于|法治|法制|推进|依法行政/) + start;
  }
  if (end <= start) return undefined;
  // Joint issuers: 「中共示例县委 示例县人民政府」 (spaced or not) → the government.
  const joint = /^中共.+?(?:委员会|党工委|[省市州县区镇乡]委)(?=\S*(?:政府|办事处))/.exec(m.slice(start, end));
  if (joint) start += joint[0].length;
  const parts = m.slice(start, end).split(/\s+|、/).filter(Boolean);
  const pick = parts.find((p) => /政府|办事处|管委会/.test(p)) ?? parts.at(-1);
  if (!pick) return undefined;
  const at = m.indexOf(pick, start);
  const name = writtenSlice(title, form, at, at + pick.length).replace(/^中共/, '').trim();
  return ORG_SUFFIX.test(mf(name)) || /^[\u4e00-\u9fff]{2,4}$/.test(mf(name)) ? name : undefined;
}

/**
 * The reporting body, in the order a careful reader looks: the title, the signature, the subject
 * of the opening sentence (「2023年，示例镇坚持……」), a chapter heading, the page's publisher,
 * the report's own document names when it only says 「我县」; a generic 「县政府」 last.
 */
export function orgOf(s: ReportStructure): (Fact<string> & { generic?: boolean }) | undefined {
  const generic: Fact<string>[] = [];
  const consider = (name: string | undefined, from: FactSource): Fact<string> | undefined => {
    if (!name) return undefined;
    const m = mf(name);
    if (isSpecific(m)) return { value: name, from };
    // A place named alone as the subject (「2021年，广东坚持……」) is specific too.
    if ((from === 'opening' || from === 'headline') && !isGeneric(m) && /^[\u4e00-\u9fff]{2,4}$/.test(m) && !/^(?:我|本|该|全|各|党|区委|县委|市委|省委)/.test(m)) return { value: name, from };
    if (isGeneric(m)) generic.push({ value: name, from });
    return undefined;
  };
  const title = s.title ? orgInTitle(s.title.text) : undefined;
  const signature = s.signature.map((l) => l.text.trim());
  const found =
    consider(title, 'title') ??
    consider(signature.find((l) => /人民政府|办事处|管委会/.test(mf(l))) ?? signature.find((l) => ORG_SUFFIX.test(mf(l))), 'signature') ??
    openingParagraphs(s).reduce<Fact<string> | undefined>((f, b) => f ?? consider(named(b.text, OPENING_SUBJECT), 'opening') ?? consider(named(b.text, /现将([^\s,。、:;“”《》0-9]{2,20}?)(?:(?:19|20)\d{2}|关于|法治|推进|有关|年度)/), 'opening'), undefined) ??
    consider(s.headline ? named(s.headline.text, /^([^\s,。、:;“”《》()0-9]{2,20}?)(?:发布|公布|印发|晒出)/) : undefined, 'headline') ??
    s.chapters.slice(0, 3).reduce<Fact<string> | undefined>((f, c) => f ?? consider(named(c.heading, /^[^\u4e00-\u9fff]*[一二三四五六七八九十]+[、.]\s*([\u4e00-\u9fff]{2,15}?)(?=(?:19|20)\d{2}|法治|推进)/), 'heading'), undefined) ??
    s.page.publishers.reduce<Fact<string> | undefined>((f, p) => f ?? consider(p, 'page'), undefined) ??
    ownDocumentName(s, generic.map((g) => /^(省|市|州|县|区|镇|乡)/.exec(mf(g.value))?.[1]).filter((x): x is string => !!x));
  if (found) return found;
  const fallback = generic[0] ?? genericSelf(s);
  return fallback ? { ...fallback, generic: true } : undefined;
}

/** 「我县」 alone names nothing; the report's own documents often do: 「《示例县……办法》」. */
function ownDocumentName(s: ReportStructure, generic: string[]): Fact<string> | undefined {
  const opening = openingParagraphs(s).map((b) => b.text).join('');
  const self = SELF.exec(mf(opening))?.[1];
  const texts = [...s.preface, ...s.chapters.flatMap((c) => c.blocks)].map((b) => b.text);
  for (const suffix of [...(self ? [self] : []), ...generic]) {
    const inTitle = new RegExp(`《([\\u4e00-\\u9fff]{1,10}?${suffix})(?!${suffix})`);
    const afterVerb = new RegExp(`(?:纳入了?|成立|印发了?|制定了?)([\\u4e00-\\u9fff]{2}${suffix})(?![\\u4e00-\\u9fff]?(?:委|政府))`);
    for (const pattern of [inTitle, afterVerb]) {
      for (const text of texts) {
        const name = named(text, pattern);
        if (name && isSpecific(mf(name))) return { value: name, from: 'document' };
      }
    }
  }
  return undefined;
}

/** 「省政府」「县政府」 as the report names itself, when nothing names it better. */
function genericSelf(s: ReportStructure): Fact<string> | undefined {
  for (const b of openingParagraphs(s)) {
    const name = named(b.text, /(?<![\u4e00-\u9fff])((?:省|市|州|县|区)(?:人民)?政府)/);
    if (name) return { value: name, from: 'opening' };
  }
  return undefined;
}

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Years in a text outside 《…》 titles and 「(2021—2025年)」 ranges; 「二〇二三年」 reads as 2023年. */
function firstYear(text: string, anchored = false): number | undefined {
  const plain = mf(text)
    .replace(/([〇零O一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(''))
    .replace(/《[^》]*》/g, '')
    .replace(/\(\s*\d{4}\s*[—–-]+\s*\d{4}\s*年?\s*\)/g, '');
  const m = anchored ? /^\s*((?:19|20)\d{2})\s*(?:年度?|以来)/.exec(plain) : YEAR.exec(plain);
  return m ? Number(m[1]) : undefined;
}

/**
 * The year the report is about: the title's, the opening sentence's (「2023年，……」, 「现将2023年
 * 度……报告如下」), the first chapter heading's, else the year before the 成文日期 (a date in the
 * first half of a year). Never a guess beyond these.
 */
export function yearOf(s: ReportStructure): (Fact<number> & { other?: Fact<number> }) | undefined {
  const inTitle = s.title ? firstYear(s.title.text) : undefined;
  const lead = openingParagraphs(s).slice(0, 1).map((b) => firstYear(b.text, true))[0];
  // A page heading can carry the wrong year; the opening sentence 「2019年，……」 is the writer's own.
  if (inTitle && lead && lead !== inTitle) return { value: lead, from: 'opening', other: { value: inTitle, from: 'title' } };
  if (inTitle) return { value: inTitle, from: 'title' };
  for (const b of openingParagraphs(s).slice(0, 2)) {
    const lead = firstYear(b.text, true);
    if (lead) return { value: lead, from: 'opening' };
    const report = /现将[^。]{0,30}?((?:19|20)\d{2})\s*年度?[^。]{0,40}?(?:报告|汇报|总结)/.exec(mf(b.text).replace(/《[^》]*》/g, ''));
    if (report) return { value: Number(report[1]), from: 'opening' };
  }
  const headline = s.headline ? firstYear(s.headline.text) : undefined;
  if (headline) return { value: headline, from: 'headline' };
  const heading = s.chapters[0] ? firstYear(s.chapters[0].match) : undefined;
  if (heading) return { value: heading, from: 'heading' };
  if (s.date) {
    const [y, month] = s.date.iso.split('-').map(Number) as [number, number];
    if (month <= 6) return { value: y - 1, from: 'date' };
  }
  return undefined;
}

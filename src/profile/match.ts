import type { Profile, ProfileChapter, ProfileSection } from '../model.js';
import { withoutMustaches } from '../source/mustache.js';

/** Typed heading numbers clerks write: 一、 （一） (一) 1. 1、 （1） (1) 第一章/第一部分. */
export const HEADING_NUMBER = /^\s*(?:第[一二三四五六七八九十百]+(?:章|部分|节)[、．.\s]?|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)][、．.]?|\d+\s*[.．、](?!\d)|[（(]\d+[）)][、．.]?)\s*/;

export function stripHeadingNumber(text: string): { text: string; number?: string } {
  const m = HEADING_NUMBER.exec(text);
  if (!m || m[0].length === text.length) return { text };
  return { text: text.slice(m[0].length), number: m[0].trim() };
}

/**
 * The outline level a typed number stands for (GB/T 9704 7.3.3): 「一、」 and 「第一部分」 1,
 * 「（一）」 2, 「1.」 and 「1、」 3, 「（1）」 4. Half- and full-width brackets alike.
 */
export function numberLevel(number: string): 1 | 2 | 3 | 4 | undefined {
  const n = number.trim();
  if (/^第/.test(n) || /^[一二三四五六七八九十百]+[、．.]$/.test(n)) return 1;
  if (/^[（(][一二三四五六七八九十百]+[）)]/.test(n)) return 2;
  if (/^\d+\s*[.．、]$/.test(n)) return 3;
  if (/^[（(]\d+[）)]/.test(n)) return 4;
  return undefined;
}

/** Removes years and spacing so "2022年度主要工作" and "本年度主要工作" compare alike. */
function simplify(title: string): string {
  return withoutMustaches(title.normalize('NFKC'))
    .replace(/(?:19|20)\d{2}\s*年(?:度)?/g, '')
    .replace(/(?:本|上一?|今|下一?)年度?/g, '')
    .replace(/[\s，。、：:；;“”",.!?]/g, '');
}

/**
 * Recognises a chapter (or a section) by meaning: the official title or a known variant
 * contained in the heading (after years and numbering are removed). Longest match wins.
 */
export function matchTitle<T extends Pick<ProfileSection, 'title' | 'variants'>>(nodes: readonly T[], heading: string): T | undefined {
  return matchTitles(nodes, heading)[0];
}

/**
 * Every outline node (chapter or section) a heading speaks of, best first: 「存在的问题及下一步打算」
 * names two chapters. A node counts when its title or a variant and the heading contain one
 * another; with `strict`, only when the heading contains it (a short sub-heading such as
 * 「加强法治政府建设」 is inside many official titles without being about them).
 */
export function matchTitles<T extends Pick<ProfileSection, 'title' | 'variants'>>(nodes: readonly T[], heading: string, strict = false): T[] {
  const text = simplify(stripHeadingNumber(heading).text);
  if (!text) return [];
  const scored: { node: T; score: number }[] = [];
  for (const node of nodes) {
    let best = 0;
    for (const candidate of [node.title, ...node.variants]) {
      const c = simplify(candidate);
      if (!c) continue;
      const score = text === c ? 1000 + c.length : text.includes(c) || (!strict && c.includes(text)) ? Math.min(c.length, text.length) : 0;
      if (score >= 2 && score > best) best = score;
    }
    if (best > 0) scored.push({ node, score: best });
  }
  // A stable sort: on equal scores the outline order decides.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.node);
}

export function matchChapter(profile: Profile, heading: string): ProfileChapter | undefined {
  return matchTitle(profile.chapters, heading);
}

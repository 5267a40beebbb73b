import type { Profile, ProfileChapter, ProfileSection } from '../model.js';

/** Typed heading numbers clerks write: 一、 （一） (一) 1. 1、 （1） (1) 第一章/第一部分. */
export const HEADING_NUMBER = /^\s*(?:第[一二三四五六七八九十百]+(?:章|部分|节)[、．.\s]?|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)][、．.]?|\d+\s*[.．、](?!\d)|[（(]\d+[）)][、．.]?)\s*/;

export function stripHeadingNumber(text: string): { text: string; number?: string } {
  const m = HEADING_NUMBER.exec(text);
  if (!m || m[0].length === text.length) return { text };
  return { text: text.slice(m[0].length), number: m[0].trim() };
}

/** Removes years and spacing so "2022年度主要工作" and "本年度主要工作" compare alike. */
function simplify(title: string): string {
  return title
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/(?:19|20)\d{2}\s*年(?:度)?/g, '')
    .replace(/(?:本|上一?|今|下一?)年度?/g, '')
    .replace(/[\s，。、：:；;“”"]/g, '');
}

/**
 * Recognises a chapter (or a section) by meaning: the official title or a known variant
 * contained in the heading (after years and numbering are removed). Longest match wins.
 */
export function matchTitle<T extends Pick<ProfileSection, 'title' | 'variants'>>(nodes: readonly T[], heading: string): T | undefined {
  const text = simplify(stripHeadingNumber(heading).text);
  if (!text) return undefined;
  let best: { node: T; score: number } | undefined;
  for (const node of nodes) {
    for (const candidate of [node.title, ...node.variants]) {
      const c = simplify(candidate);
      if (!c) continue;
      const score = text === c ? 1000 + c.length : text.includes(c) || c.includes(text) ? Math.min(c.length, text.length) : 0;
      if (score >= 2 && (!best || score > best.score)) best = { node, score };
    }
  }
  return best?.node;
}

export function matchChapter(profile: Profile, heading: string): ProfileChapter | undefined {
  return matchTitle(profile.chapters, heading);
}

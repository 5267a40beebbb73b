import { cells } from './layout.js';

/**
 * Where a Chinese title may break without cutting a word, and how good each place is (lower is
 * better): before the year and before 「关于」 a title reads naturally in two parts; after an
 * organ's name or a 「的」 it still does.
 */
const BREAKS: { pattern: RegExp; cost: number }[] = [
  { pattern: /(?<!关于)(?=\d{4}年)/g, cost: 0 }, // 「关于」 stays with what it is about
  { pattern: /(?=关于)/g, cost: 0 },
  { pattern: /(?<=人民政府|委员会|办事处|办公室|街道|司法局|司法所)/g, cost: 1 },
  { pattern: /(?<=的)/g, cost: 2 },
  { pattern: /(?=法治政府建设)/g, cost: 3 },
  { pattern: /(?=(?:年度|工作)?报告$)/g, cost: 4 },
];

/**
 * Breaks a title that does not fit one line into two or three centred lines at the places above,
 * each line at most `width` characters, preferring good places and lines of even length. Titles
 * the writer already broke (`\n` in lawreport.yaml) are left as written; a title with no fitting
 * break is left to the word processor.
 */
export function wrapTitle(lines: readonly string[], width: number): string[] {
  if (lines.length !== 1) return [...lines];
  const title = lines[0]!;
  if (cells(title) <= width) return [title];
  const cuts = new Map<number, number>();
  for (const { pattern, cost } of BREAKS) {
    for (const m of title.matchAll(pattern)) {
      if (m.index > 0 && m.index < title.length && !cuts.has(m.index)) cuts.set(m.index, cost);
    }
  }
  const positions = [...cuts.keys()].sort((a, b) => a - b);
  let best: { lines: string[]; score: number } | undefined;
  const consider = (at: number[]) => {
    const bounds = [0, ...at, title.length];
    const parts = bounds.slice(1).map((end, i) => title.slice(bounds[i], end));
    const widths = parts.map(cells);
    if (widths.some((w) => w > width)) return;
    // Fewer lines first, then better places and even lines (a two-character last line is a
    // poor place however good the cut); on a tie, the longer first line.
    const score = parts.length * 1000 + at.reduce((s, p) => s + cuts.get(p)! * 10, 0) + 2 * (Math.max(...widths) - Math.min(...widths));
    if (!best || score <= best.score) best = { lines: parts, score };
  };
  for (const a of positions) {
    consider([a]);
    for (const b of positions) if (b > a) consider([a, b]);
  }
  return best?.lines ?? [title];
}

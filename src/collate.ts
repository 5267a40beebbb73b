/**
 * The order String.prototype.localeCompare gives, without ICU's collator for the names lawreport
 * sorts most: ids, rule ids, paths inside a package (ASCII letters, digits and punctuation). The
 * collator costs ≈ 6 ms to start in every process that sorts once (bench/README.md); these names
 * need none of it. Below is the root collation's order of those characters (test/collate.test.ts
 * checks it against localeCompare): punctuation, digits, then letters, a letter's case deciding
 * only between names that are otherwise the same (lower case first). Any other character, and
 * the comparison is localeCompare's own.
 */
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** Each ASCII character's primary rank in ORDER (upper case as its lower case), -1 outside it. */
const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i;
for (let c = 65; c <= 90; c++) RANK[c] = RANK[c + 32]!;

const ranked = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || RANK[c]! < 0) return false;
  }
  return true;
};

/** a.localeCompare(b)'s sign (-1, 0 or 1 for the names above; localeCompare's value otherwise). */
export function compareNames(a: string, b: string): number {
  if (!ranked(a) || !ranked(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = RANK[a.charCodeAt(i)]! - RANK[b.charCodeAt(i)]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // The same letters: the first one whose case differs decides, lower case first.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // 'a' (97) before 'A' (65)
  }
  return 0;
}

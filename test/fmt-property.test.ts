import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/parse.js';
import { formatReport, type FileChange } from '../src/fmt/fix.js';
import { applyFixes } from '../src/fix/apply.js';
import { builtins, session, exampleFiles, hostOf } from './helpers.js';

/**
 * Property tests for fmt --fix over generated chapters built from the material the rules care
 * about (and the material they must leave alone): code, links, {{…}}, 《…》 titles, "1." items.
 */
const FRAGMENTS = [
  '推进', '法制政府', '法治政府', '建设', ',', ';', ':', '(', ')', '（', '）', '，', '。', '、',
  '9余场', '20余次', '约1000多人', '15～30%', '24年度', '法制办', '今年', '调解成功', '66件', '12345热线', '10:30', '1,200',
  '{{fig pufa.lectures}}', '{{pct hotline.closed hotline.received digits=1}}', '{{report.year}}',
  '`a,b(c)`', '[链接(试行)](https://example.org/a,b)', '《关于(试行)法制政府的通知》',
  '1、', '2、', '1. ', 'abc', ' ', '*', '_', '\n', '\n\n',
];
const chapterText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => `---\nid: other\n---\n\n${parts.join('')}\n`);
const FILE = 'chapters/05-other.md';

/** What no fix may touch: Handlebars, code, links, quoted titles, numbers like 「1.」 opening a line. */
function protectedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  };
  add(/\{\{[\s\S]*?\}\}/g);
  add(/《[^《》\n]*》/g);
  add(/^\d+\./gm);
  const walk = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (['inlineCode', 'code', 'link', 'html', 'image'].includes(node.type) && node.position) {
      spans.push([node.position.start.offset!, node.position.end.offset!]);
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(parseMarkdown(text) as never);
  return spans;
}

/** The protected material of a text, in order: it must come out of fmt --fix unchanged. */
const protectedTokens = (text: string) => [...text.matchAll(/\{\{[\s\S]*?\}\}|`[^`\n]*`|\]\([^)\n]*\)|《[^《》\n]*》/g)].map((m) => m[0]);

/** Positions of `a` not kept in `b` by a longest common subsequence: what changed, found independently of applyFixes. */
function changedPositions(a: string, b: string): number[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j] && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) (i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) changed.push(i++);
    else j++;
  }
  while (i < n) changed.push(i++);
  return changed;
}

async function run(text: string, markdown: boolean, base: Record<string, string>) {
  const files = { ...base, [FILE]: text };
  const result = await formatReport(hostOf(files), session, { fix: true, markdown });
  expect(result.diagnostics).toEqual([]);
  const change: FileChange | undefined = result.changes.find((c) => c.file === FILE);
  return { files, change, after: change?.after ?? text };
}

// Generous time: these run dozens of whole-report passes, beside the renderer tests that start LibreOffice and Chromium.
describe('fmt --fix (property)', { timeout: 180_000 }, () => {
  it('is idempotent, with and without the Markdown stable form', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(chapterText, fc.boolean(), async (text, markdown) => {
        const once = await run(text, markdown, base);
        const twice = await run(once.after, markdown, base);
        expect(twice.after).toBe(once.after);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps Handlebars, code, links and 《…》 titles byte for byte', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(chapterText, fc.boolean(), async (text, markdown) => {
        const { after } = await run(text, markdown, base);
        expect(protectedTokens(after)).toEqual(protectedTokens(text));
      }),
      { numRuns: 60 },
    );
  });

  it('changes nothing outside the ranges its fixes name, and no fix range touches protected text', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(chapterText, async (text) => {
        const { change } = await run(text, false, base);
        for (const pass of change?.history ?? []) {
          const after = applyFixes(pass.text, pass.fixes).text;
          const inFix = (p: number) => pass.fixes.some((f) => p >= f.range[0] && p < f.range[1]);
          // Every changed character lies inside a fix (insertions have empty ranges: nothing to remove).
          for (const p of changedPositions(pass.text, after)) expect(inFix(p), `changed at ${p} outside any fix`).toBe(true);
          for (const f of pass.fixes) {
            for (const [s, e] of protectedSpans(pass.text)) {
              const overlaps = f.range[0] < e && s < Math.max(f.range[1], f.range[0] + 1) && !(f.range[0] === f.range[1] && (f.range[0] === s || f.range[0] === e));
              expect(overlaps, `fix ${JSON.stringify(f)} touches protected ${JSON.stringify(pass.text.slice(s, e))}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('settles overlapping fixes over passes: a bracket holding a comma', async () => {
    const base = await exampleFiles();
    const { after, change } = await run('---\nid: other\n---\n\n法制政府(,)建设\n', false, base);
    expect(after).toBe('---\nid: other\n---\n\n法治政府（，）建设\n');
    expect(change!.history.length).toBeGreaterThan(1);
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus.mjs';
import { loadReport } from '../src/load/report.js';
import { nodeHost } from '../src/io/node-host.js';
import { guardMarkdown } from '../src/markdown/guard.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { hasStopper, isLeading, isOutput, isProse, isWordy, substitutedTree } from '../src/markdown/substitute.js';
import type { Substitution } from '../src/source/offset-map.js';
import { templateContext } from '../src/template/context.js';
import { renderTemplate } from '../src/template/render.js';
import { exampleDir, hostOf, session } from './helpers.js';

/** What compiling does with a chapter: the reused tree when the fast path takes it, checked against parsing the filled text. */
async function chaptersOf(host: ReturnType<typeof nodeHost>) {
  const { source } = await loadReport(host, session);
  const context = templateContext(source!);
  return source!.chapters.map((chapter) => {
    const filled = renderTemplate(chapter.body, chapter.file, context, source!.catalog);
    const fast = filled.substitutions && chapter.tree && !chapter.defused ? substitutedTree(chapter.tree, chapter.body, filled.substitutions) : undefined;
    return { file: chapter.file, filled: filled.text, fast, expressions: filled.substitutions?.length ?? 0 };
  });
}

function expectSameAsParsing(chapters: Awaited<ReturnType<typeof chaptersOf>>): number {
  let reused = 0;
  for (const c of chapters) {
    if (!c.fast) continue;
    reused++;
    expect(c.fast, c.file).toStrictEqual(parseMarkdown(c.filled!));
  }
  return reused;
}

describe('the filled tree made from the source tree', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(os.tmpdir(), 'lawreport-corpus-'));
    await generateCorpus(corpus, { batch: 100, longRounds: 8 });
  }, 60_000);
  afterAll(() => rm(corpus, { recursive: true, force: true }));

  it('equals parsing the filled text for every chapter of the example, and the example takes it', async () => {
    const chapters = await chaptersOf(nodeHost(exampleDir));
    expect(chapters.some((c) => c.expressions > 0)).toBe(true);
    expect(expectSameAsParsing(chapters)).toBe(chapters.length);
  });

  it('equals parsing the filled text for every chapter of the benchmark corpus', async () => {
    const reports = ['typical', 'long', ...(await readdir(path.join(corpus, 'batch'))).filter((n) => !n.endsWith('.md')).map((n) => `batch/${n}`)];
    let reused = 0;
    let all = 0;
    for (const report of reports) {
      const chapters = await chaptersOf(nodeHost(path.join(corpus, report)));
      all += chapters.length;
      reused += expectSameAsParsing(chapters);
    }
    expect(all).toBe(5 * reports.length);
    expect(reused).toBe(all);
  });

  it('is made for figures in prose, tables, lists, quotes and link text, and declined where a figure could change the Markdown', async () => {
    const { source } = await loadReport(nodeHost(exampleDir), session);
    const context = templateContext(source!);
    const cases: [string, boolean][] = [
      ['| 项目 | 数量 |\n| --- | ---: |\n| 受理 | {{disputes.received}} |\n| {{disputes.mediated}} | 调解 |\n', true],
      ['- 受理{{disputes.received}}件\n- 调解{{fig disputes.mediated}}\n', true],
      ['> 引用{{disputes.received}}件，[链接{{disputes.mediated}}件](/gongkai)结束\n', true],
      ['{{report.year}}年，受理{{pct disputes.mediated disputes.received}}。\n第二行{{disputes.received}}件\n', true],
      ['## {{report.year}}年工作\n', true],
      // Next to emphasis the flanking of ** depends on the figure's first character.
      ['调解 **{{disputes.mediated}}** 件\n', false],
      ['*比例*{{disputes.received}}\n', false],
      // A number at the start of a line could become an ordered-list marker.
      ['{{disputes.received}}. 不是列表吗\n', false],
      ['受理`{{disputes.received}}`件\n', false],
      ['见 www.gov.cn 受理{{disputes.received}}件\n', false],
      ['受理_{{disputes.received}}_件\n', false],
      // micromark ends a line at a lone carriage return.
      ['甲\r受理{{disputes.received}}件 *乙*\n', false],
    ];
    for (const [text, reused] of cases) {
      const filled = renderTemplate(text, 'chapters/x.md', context, source!.catalog);
      const fast = substitutedTree(parseMarkdown(text), text, filled.substitutions!);
      expect(fast !== undefined, text).toBe(reused);
      if (fast) expect(fast, text).toStrictEqual(parseMarkdown(filled.text!));
    }
  });

  it('gives no substitutions for a template with blocks, comments, whitespace control or an escaped "{{"', async () => {
    const { source } = await loadReport(nodeHost(exampleDir), session);
    const context = templateContext(source!);
    for (const text of ['{{#if disputes.received}}有{{/if}}\n', '{{! 注释 }}受理\n', '受理 {{~disputes.received}} 件\n', '受理 \\{{disputes.received}} 件\n']) {
      const filled = renderTemplate(text, 'chapters/x.md', context, source!.catalog);
      expect(filled.text, text).toBeDefined();
      expect(filled.substitutions, text).toBeUndefined();
    }
  });
});

/**
 * Chapters mixing Markdown constructs with expressions, and replacements chosen to break a
 * careless reuse: digits next to `*` and `_`, list markers, `#`, `|`, `www.`, `@`, spaces, line breaks.
 */
const prose = fc.constantFrom('受理', '调解', '件', '，', '。', 'abc', 'w', '12', '1', '.', ' ', '-', '%', '/', '𠀀');
const hostile = fc.constantFrom('www', '*', '**', '_', '__', '~~', '`', '[', ']', '(', ')', '!', '<', '>', '&amp;', '&', '\\', '\\*', '|', ':', '@', '#', '+', '=', '"', "'", '：', 'a@b.cn', 'www.gov.cn', 'http://x.cn', '[^1]', '<b>', '**粗**', '*斜*', '_斜_', '[链](u)', '[链]', '`码`', '~~删~~', '  ', '\t', '\r', '\r\n', '\u00a0');
const goodExpression = fc.constantFrom('{{a}}', '{{fig a}}', '{{a_b}}', '{{_a}}', '{{a_}}', '{{pct a b}}', '{{fig a unit="件"}}', '{{a.b.c}}');
const badExpression = fc.constantFrom('{{~a}}', '{{`a`}}', '{{a\nb}}', '{{a:b}}');
const good = fc.constantFrom('12', '0', '3.5', '97.06%', '2024', '件', '十二', 'ab', '1,200', '-5', '1.', '1', 'w', '12件', '𠀀');
const bad = fc.constantFrom('1)', '-', '--', '*', '_', '#', '=', '|', 'www.', 'a@b', ':', ' ', '', '12 ', '\n', '.', '+', '\\', '<', '&', '[', ']', '`', '/', 'ww', '\u3000');
const linePrefix = fc.constantFrom('', '', '', '', '- ', '1. ', '2) ', '# ', '## ', '> ', '| ', '    ', '   ', '[^1]: ', '[链]: /u ', '- [ ] ', '1', '-', '#', '* ', '> - ');
const fixedLines = fc.constantFrom(['', []], ['| a | b |', []], ['| --- | --- |', []], ['---', []], ['===', []], ['```', []], ['[^1]: 注', []]) as fc.Arbitrary<[string, never[]]>;

/** A chapter whose pieces are hostile with weight `h` (of 10), and whose expressions and replacements are bad with weight `b` (of 10). */
function chapterOf(h: number, b: number) {
  const piece = fc.oneof({ arbitrary: prose, weight: 10 - h }, { arbitrary: hostile, weight: h }, { arbitrary: fc.constant('\n'), weight: 2 });
  const expression = fc.oneof({ arbitrary: goodExpression, weight: 10 - b }, { arbitrary: badExpression, weight: b });
  const replacement = fc.oneof({ arbitrary: good, weight: 10 - b }, { arbitrary: bad, weight: b });
  const line = fc.tuple(linePrefix, fc.array(fc.oneof({ arbitrary: piece, weight: 4 }, { arbitrary: fc.tuple(expression, replacement), weight: 1 }), { maxLength: 8 }));
  return fc.array(fc.oneof({ arbitrary: line, weight: 4 }, { arbitrary: fixedLines, weight: 1 }), { minLength: 1, maxLength: 8 });
}
const chapter = fc.oneof({ arbitrary: chapterOf(1, 0), weight: 4 }, { arbitrary: chapterOf(1, 1), weight: 2 }, { arbitrary: chapterOf(3, 2), weight: 1 }, { arbitrary: chapterOf(6, 5), weight: 1 });

function build(lines: [string, (string | [string, string])[]][]): { source: string; filled: string; substitutions: Substitution[] } {
  let source = '';
  let filled = '';
  const substitutions: Substitution[] = [];
  lines.forEach(([prefix, parts], i) => {
    if (i > 0) {
      source += '\n';
      filled += '\n';
    }
    source += prefix;
    filled += prefix;
    for (const part of parts) {
      if (typeof part === 'string') {
        source += part;
        filled += part;
      } else {
        substitutions.push({ from: source.length, to: source.length + part[0].length, text: part[1] });
        source += part[0];
        filled += part[1];
      }
    }
  });
  return { source, filled, substitutions };
}

describe('the filled tree made from the source tree (property)', () => {
  it('is the tree of the filled text whenever it is made', () => {
    let made = 0;
    let tried = 0;
    fc.assert(
      fc.property(chapter, (lines) => {
        const { source, filled, substitutions } = build(lines);
        const guarded = guardMarkdown(source, 'x.md');
        if (guarded.text === undefined || guarded.diagnostics.length > 0 || substitutions.length === 0) return;
        tried++;
        const fast = substitutedTree(parseMarkdown(source), source, substitutions);
        if (!fast) return;
        made++;
        expect(fast).toStrictEqual(parseMarkdown(filled));
      }),
      { numRuns: Number(process.env.FILLED_TREE_RUNS ?? 3000) },
    );
    // Not vacuous: a fair share of the generated chapters take the fast path.
    expect(made).toBeGreaterThan(tried / 20);
  }, 600_000);
});

describe('the plain-word tests of the filled tree', () => {
  // As they were written before one expression held the Unicode class for all of them.
  const WORD = String.raw`A-Za-z0-9.,%+\-/;?`;
  const OTHER = String.raw`[^\x00-\x7F\s\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]`;
  const as = {
    isOutput: new RegExp(String.raw`^(?:[${WORD}]|${OTHER})+$`, 'u'),
    isProse: new RegExp(String.raw`^(?:[${WORD} \n]|${OTHER})*$`, 'u'),
    isWordy: new RegExp(String.raw`[A-Za-z0-9]|${OTHER}`, 'u'),
    hasStopper: new RegExp(String.raw`[A-Za-z|]|${OTHER}`, 'u'),
    isLeading: new RegExp(String.raw`^[0-9]*(?:[A-Za-z]|${OTHER})`, 'u'),
  };
  const tests = { isOutput, isProse, isWordy, hasStopper, isLeading };

  it('answer as the regular expressions they stand for, for every code point and lone surrogate', () => {
    for (const [name, test] of Object.entries(tests)) {
      const expression = as[name as keyof typeof as];
      const wrong: number[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        const text = String.fromCodePoint(cp);
        if (test(text) !== expression.test(text)) wrong.push(cp);
      }
      expect(wrong, name).toEqual([]);
    }
  });

  it('answer as the regular expressions they stand for, for strings of words, digits, marks, spaces and surrogates', () => {
    const piece = fc.constantFrom('全年', '12', '.', '5', '%', 'ab', 'Z', '|', ' ', '\n', '\u3000', '\u00a0', '\u00ad', '\u200b', '\ud800', '\udc00', '😀', '\u{f0000}', '*', '_', '、', '，', '\t', '\u0085', 'é', '\u00a1', '0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (text) => {
        for (const [name, test] of Object.entries(tests)) expect(test(text), `${name} ${JSON.stringify(text)}`).toBe(as[name as keyof typeof as].test(text));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });
});

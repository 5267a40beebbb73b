import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../src/io/node-host.js';
import { loadReport } from '../src/load/report.js';
import type { Catalog, ReportSource } from '../src/model.js';
import { templateContext } from '../src/template/context.js';
import { renderTemplate, TemplateCache } from '../src/template/render.js';
import { cases } from '../test/hostile/cases.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';

/**
 * Plain templates (text, comments, {{path}} and {{helper …}}) are filled from their parse tree
 * instead of compiled by Handlebars. Whatever a template and its data are, the result must be
 * Handlebars' own: the same text, the same diagnostics, the same offset map (the parse-once
 * reuse of a chapter's Markdown tree reads it), or the direct fill declines and Handlebars fills.
 */

/** Fills `text` both ways and says whether the first way filled it without compiling. */
function sameAsHandlebars(text: string, data: unknown, catalog: Catalog, file = 'chapters/01-measures.md'): boolean {
  const direct = new TemplateCache();
  const mine = renderTemplate(text, file, data, catalog, direct);
  const compiled = new TemplateCache();
  let ast: hbs.AST.Program | undefined;
  try {
    ast = Handlebars.parse(text);
  } catch {
    // A parse error never reaches filling: both ways report it from the same parse.
  }
  if (ast) compiled.set(text, { ast, plain: false });
  const theirs = renderTemplate(text, file, data, catalog, compiled);
  expect(mine.text, text).toStrictEqual(theirs.text);
  expect(mine.diagnostics, text).toStrictEqual(theirs.diagnostics);
  expect(mine.map?.(), text).toStrictEqual(theirs.map?.());
  return mine.text !== undefined && direct.get(text)?.fn === undefined;
}

const load = async (host: Parameters<typeof loadReport>[0]) => {
  const { source } = await loadReport(host, session);
  if (!source) throw new Error('report did not load');
  return source;
};

const templatesOf = (source: ReportSource) => [
  ...source.chapters.map((c) => ({ text: c.body, file: c.file })),
  ...Object.values(source.templates).map((t) => ({ text: t.text, file: t.file })),
];

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('filling a plain template without compiling it', () => {
  it('gives Handlebars\' text and map for the example and the bench corpus, and compiles none of their chapters', async () => {
    const example = await load(hostOf(await exampleFiles()));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-direct-'));
    temp.push(dir);
    const { generateDistrict } = await import(path.join(repoRoot, 'bench', 'corpus.mjs'));
    const towns = await Promise.all((await generateDistrict(dir, 3) as string[]).map((d) => load(nodeHost(d))));
    let chapters = 0;
    for (const source of [example, ...towns]) {
      const data = templateContext(source);
      for (const { text, file } of templatesOf(source)) {
        const directly = sameAsHandlebars(text, data, source.catalog, file);
        if (file.startsWith('chapters/')) {
          expect(directly, file).toBe(true);
          chapters++;
        }
      }
    }
    expect(chapters).toBeGreaterThanOrEqual(4 * 4);
  });

  it('gives Handlebars\' result for the test fixtures and the hostile templates, filled with the example\'s data', async () => {
    const example = await load(hostOf(await exampleFiles()));
    const data = templateContext(example);
    const fixtures = path.join(repoRoot, 'test', 'fixtures');
    const texts = await Promise.all((await readdir(fixtures)).filter((f) => f.endsWith('.md')).map((f) => readFile(path.join(fixtures, f), 'utf8')));
    for (const c of cases) for (const [file, body] of Object.entries(c.files)) if (/\.(md|hbs)$/.test(file) && typeof body === 'string' && body.length < 200_000) texts.push(body.replace(/^---\n[\s\S]*?\n---\n/, ''));
    for (const text of texts) sameAsHandlebars(text, data, example.catalog);
  });

  const catalog: Catalog = {
    groups: [],
    byPath: new Map([
      ['a.n', { path: 'a.n', label: '甲', unit: '件', type: 'count', aliases: [] }],
      ['a.m', { path: 'a.m', label: '乙', unit: '人', type: 'count', aliases: [] }],
    ]),
    relations: [],
  };
  const data = { a: { n: 5, m: 6, s: '文字', t: true, z: 0, nil: null, mark: '\uFDD0' + '0\uFDD1', lone: '\uFDD0', list: [1, 2] }, b: 7, report: { org: '某镇', year: 2024, date: '2025-02-10' } };

  it('keeps Handlebars\' quirks, declines what it does not do, and lets Handlebars speak for every error', () => {
    const plain = [
      '',
      '只有文字\n',
      '{{a.n}}{{a.m}}', // Handlebars adds two numbers that meet first: "11"
      '{{a.t}}{{b}}后',
      '{{a.nil}}{{a.n}}{{a.m}}',
      '前{{a.n}}{{a.m}}',
      '{{!-- 注释 --}}\n正文{{fig a.n}}\n  {{! 独占一行 }}  \n尾',
      '{{fig a.n unit="起" digits=1}}，{{pct a.n a.m}}，{{pct a.n a.m digits=0}}，{{sum a.n a.m b}}，{{diff a.n a.m}}，{{cndate report.date}}',
      '{{fig this.a.n}}{{this.b}}{{a/n}}{{fig a/n unit="起"}}',
      '\\{{a.n}} 与 {{a.s}}',
      '{{a.mark}} 之后 {{a.n}}',
      '{{a.list.length}}',
    ];
    for (const text of plain) expect(sameAsHandlebars(text, data, catalog), text).toBe(true);
    const declined = [
      '{{~a.n}} 前后 {{a.m~}}',
      '{{{a.s}}}',
      '{{&a.s}}',
      '{{#if a.t}}是{{/if}}',
      '{{#each a.list}}{{this}}{{/each}}',
      '{{lookup a "n"}}',
      '{{fig (sum a.n a.m) unit="件"}}',
      '{{fig a.n unit="件" unit="起"}}',
      '{{@root.b}}',
      '{{> part}}',
      '{{{{raw}}}} {{a.n}} {{{{/raw}}}}',
      '{{fig a/s}}', // no unit by that spelling: Handlebars' helper error
      '{{pct a.n a.z}}',
      '{{fig a.n digits=-0}}',
      '{{cndate "2025-02-30"}}',
      '{{a.n.x}}',
      '{{a.s.length}}',
      '{{fig a.s}}',
      '{{a.zz}}',
      '{{a}}',
      '{{if}}',
      '{{fig}}',
      '{{a.n',
    ];
    for (const text of declined) expect(sameAsHandlebars(text, data, catalog), text).toBe(false);
  });

  it('makes no offset map for a filled text holding the map\'s own markers (a lone one made the marked fill loop forever)', () => {
    for (const text of ['{{a.lone}}', '前{{a.mark}}后']) {
      const filled = renderTemplate(text, 'chapters/01-measures.md', data, catalog);
      expect(filled.text).toBe(text.replace(/\{\{a\.(\w+)\}\}/, (_, k: 'lone' | 'mark') => data.a[k]));
      expect(filled.map?.()).toBeUndefined();
    }
  });

  it('gives Handlebars\' result for generated templates and data', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constantFrom('', '文', '\uFDD0', '7', ' 8 ', '2024-02-29'), fc.boolean(), fc.constant(null));
    const figures = fc.record({ n: value, m: value, s: value });
    const path = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a.n', 'a.m', 'a.s', 'this.a.n', './a.m', 'a/m', 'b', 'report.org') },
      { weight: 1, arbitrary: fc.constantFrom('a', 'a.q', '../a.n', '@root.a.n', 'a.n.x', 'this', 'a.n.length', 'a.s.length') },
    );
    const literal = fc.constantFrom('"件"', '2', '0', '-0', '1.5', 'true', '"2025-02-10"', 'null', 'undefined');
    const arg = fc.oneof(path, literal);
    const helper = fc.tuple(fc.constantFrom('fig', 'fig', 'pct', 'sum', 'diff', 'cndate', 'lookup', 'if', 'nope'), fc.array(arg, { maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom('unit', 'digits', 'x'), literal), { maxLength: 2 }))
      .map(([name, args, hash]) => [name, ...args, ...hash.map(([k, v]) => `${k}=${v}`)].join(' '));
    const open = fc.constantFrom('{{', '{{', '{{', '{{~', '{{{', '{{&');
    const mustache = fc.tuple(open, fc.oneof(path, helper), fc.boolean()).map(([o, inner, strip]) => (o === '{{{' ? `{{{${inner}}}}` : `${o}${inner}${strip ? '~' : ''}}}`));
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('文字', ' ', '\n', '  \n', '，', '\\{{a.n}}', '| 表 |', '\uFDD1') },
      { weight: 4, arbitrary: mustache },
      { weight: 2, arbitrary: fc.constantFrom('{{a.n}}', '{{fig a.n}}', '{{pct a.n a.m}}', '{{a.s}}') },
      { weight: 1, arbitrary: fc.constantFrom('{{!-- 注 --}}', '\n{{! 行 }}\n', '{{~! 注 ~}}', '{{#if a.n}}是{{else}}否{{/if}}', '{{#each a}}{{this}}{{/each}}') },
    );
    let directly = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), figures, value, (pieces, a, b) => {
        if (sameAsHandlebars(pieces.join(''), { a, b, report: data.report }, catalog)) directly++;
      }),
      { numRuns: 400 },
    );
    // Not vacuous: a good share of the templates are filled directly.
    expect(directly).toBeGreaterThan(40);
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../src/io/node-host.js';
import { loadReport } from '../src/load/report.js';
import { parsePlain } from '../src/template/plain-parse.js';
import { cases } from '../test/hostile/cases.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';

/**
 * A plain template is parsed without Handlebars' parser (src/template/plain-parse.ts). Its tree
 * must be the one Handlebars.parse gives — every node, value and line:column the path checks,
 * the direct fill and the offset map read — or it must decline and leave the text to Handlebars.
 */

/** Handlebars' tree as data (its locations are class instances; ours are plain objects of the same fields). */
const asData = (ast: unknown) => JSON.parse(JSON.stringify(ast)) as unknown;

/** Whether the plain parse took `text`; where it did, its tree is Handlebars'. */
function sameTree(text: string): boolean {
  const mine = parsePlain(text);
  if (!mine) return false;
  expect(asData(mine), JSON.stringify(text)).toStrictEqual(asData(Handlebars.parse(text)));
  return true;
}

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('parsing a plain template without Handlebars', () => {
  it("gives Handlebars' tree for every chapter of the example and of a generated district, and takes them all", async () => {
    const { source: example } = await loadReport(hostOf(await exampleFiles()), session);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-plain-parse-'));
    temp.push(dir);
    const { generateDistrict } = await import(path.join(repoRoot, 'bench', 'corpus.mjs'));
    const towns = await Promise.all((await generateDistrict(dir, 3) as string[]).map(async (d) => (await loadReport(nodeHost(d), session)).source));
    let chapters = 0;
    for (const source of [example, ...towns]) {
      for (const chapter of source!.chapters) {
        expect(sameTree(chapter.body), chapter.file).toBe(true);
        chapters++;
      }
    }
    expect(chapters).toBeGreaterThanOrEqual(16);
  });

  it("gives Handlebars' tree, or declines, for the test fixtures and the hostile templates", async () => {
    const fixtures = path.join(repoRoot, 'test', 'fixtures');
    const texts = await Promise.all((await readdir(fixtures)).filter((f) => f.endsWith('.md')).map((f) => readFile(path.join(fixtures, f), 'utf8')));
    for (const c of cases) for (const [file, body] of Object.entries(c.files)) if (/\.(md|hbs)$/.test(file) && typeof body === 'string' && body.length < 200_000) texts.push(body);
    let taken = 0;
    for (const text of texts) if (sameTree(text)) taken++;
    expect(taken).toBeGreaterThan(0);
  });

  it('reads lines as Handlebars counts them (\\r\\n, \\r and \\n), spaces inside a mustache, hashes and literals', () => {
    for (const text of [
      '甲{{a.b}}乙\r\n丙{{fig a.b}}\r丁\n{{pct a.b a.c digits=1}}',
      '{{ fig   a.b  unit="件"  n=3 flag=true }}\n\n{{a}}{{b}}',
      '{{fig\n  a.b\n  unit="万元"}}尾',
      '{{sum a.b a.c 12 -1.5 007}}',
      '{{a-b.c_d}}',
      '}} 与 { 与 }{ 都是文字 {{a}}',
    ]) {
      expect(sameTree(text), text).toBe(true);
    }
  });

  it('declines what it does not read, and Handlebars reads (or refuses) it', () => {
    for (const text of [
      '',
      '只有文字但有\u2028分隔',
      '{{#if a}}是{{/if}}',
      '{{!-- 注 --}}',
      '{{> part}}',
      '{{{a}}}',
      '{{&a}}',
      '{{~a}}',
      '{{a~}}',
      '\\{{a}}',
      '文\\\\{{a}}',
      '{{else}}',
      '{{this}}',
      '{{this.a}}',
      '{{../a}}',
      '{{@root.a}}',
      '{{a/b}}',
      '{{a.[b]}}',
      "{{fig 'x'}}",
      '{{fig "a\\"b"}}',
      '{{fig (pct a b)}}',
      '{{fig a unit = "件"}}',
      '{{fig unit="件" a}}',
      '{{true}}',
      '{{12}}',
      '{{a}}}',
      '{{a',
      '{{a b',
      '{{fig 12x}}',
      '{{null}}',
      '{{单位}}',
    ]) {
      expect(parsePlain(text), text).toBeUndefined();
    }
  });

  it("gives Handlebars' tree for every generated template it takes, and takes the plain ones", () => {
    const segment = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('a', 'b', 'disputes', 'mediated', 'x_1', 'a-b') }, { weight: 1, arbitrary: fc.constantFrom('this', 'true', 'else', '单位', 'as', 'null') });
    const pathText = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
    const literal = fc.constantFrom('"件"', '"万 元"', '2', '0', '-0', '1.5', '-3', '007', 'true', 'false', "'x'", '"a\\"b"', '1e3', '12x');
    const space = fc.constantFrom(' ', ' ', '  ', '\n', '\t', '\r\n', '');
    const arg = fc.oneof(pathText, literal, fc.tuple(fc.constantFrom('unit', 'digits', 'n'), fc.constantFrom('=', ' = '), fc.oneof(literal, pathText)).map(([k, e, v]) => k + e + v));
    const mustache = fc
      .tuple(fc.oneof({ weight: 6, arbitrary: fc.constant('{{') }, { weight: 1, arbitrary: fc.constantFrom('{{~', '{{{', '{{#', '{{!', '\\{{') }), space, pathText, fc.array(fc.tuple(space, arg), { maxLength: 3 }), space, fc.oneof({ weight: 6, arbitrary: fc.constant('}}') }, { weight: 1, arbitrary: fc.constantFrom('~}}', '}}}', '}', '') }))
      .map(([open, s1, head, args, s2, close]) => open + s1 + head + args.map(([s, a]) => (s === '' ? ' ' : s) + a).join('') + s2 + close);
    const text = fc.constantFrom('文字', ' ', '\n', '\r\n', '\r', '，', '| 表 |', '}', '{', '\\', '\u2028');
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 2, arbitrary: text }, { weight: 3, arbitrary: mustache }), { maxLength: 8 }), (pieces) => {
        const template = pieces.join('');
        let theirs: unknown;
        try {
          theirs = asData(Handlebars.parse(template));
        } catch {
          // What Handlebars refuses, the plain parse must decline (Handlebars then reports it).
          expect(parsePlain(template), template).toBeUndefined();
          return;
        }
        const mine = parsePlain(template);
        if (!mine) return;
        taken++;
        expect(asData(mine), template).toStrictEqual(theirs);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: many generated templates are plain ones.
    expect(taken).toBeGreaterThan(300);
  });
});

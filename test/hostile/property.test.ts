import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline/build.js';
import { builtins, session, exampleFiles, hostOf } from '../helpers.js';
import { xmlProblems } from './xml.js';

/** Text a clerk might paste: Chinese, Markdown and template syntax, control characters, odd Unicode. */
const pasted = fc.string({
  unit: fc.oneof(
    fc.constantFrom('法', '治', '政', '府', '，', '。', '（', '）', '“', '”', '、', '１', '2', '%', ' ', '\n', '\n\n', '\t'),
    fc.constantFrom('#', '##', '*', '_', '`', '[', ']', '(', ')', '!', '>', '-', '1.', '|', '<', '&', '\\', '---'),
    fc.constantFrom('{{', '}}', '{{#if ', '{{/if}}', '{{#each ', '{{/each}}', 'disputes.mediated', 'report.year', 'fig ', 'pct ', 'this', '../', '@root', 'constructor', '__proto__'),
    fc.constantFrom('\u0000', '\u0007', '\u001b', '\uFEFF', '\u200B', '\uD800', '\uFFFF', '\u2028', '<script>', '<img src=x onerror=alert(1)>'),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 300,
});

/** metrics.yaml as arbitrary YAML-ish text: sometimes valid, often not. */
const metricsText = fc.oneof(
  fc.dictionary(fc.constantFrom('disputes', 'hotline', 'pufa', 'x', '__proto__', '数据'), fc.dictionary(fc.constantFrom('received', 'mediated', 'rate', 'closed', '项'), fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null)))).map((o) => JSON.stringify(o)),
  fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&x', '*x', '!!', '"', "'", '1', '受'), maxLength: 120 }),
);

async function outcome(files: Record<string, string>) {
  const result = await buildReport(hostOf(files), session, ['docx', 'html', 'txt']);
  const problems: string[] = [];
  const docx = result.outputs.get('docx');
  if (docx) {
    for (const [part, data] of Object.entries(unzipSync(docx))) {
      if (/\.(xml|rels)$/.test(part)) problems.push(...xmlProblems(new TextDecoder().decode(data)).map((p) => `${part}: ${p}`));
    }
  }
  return { result, problems };
}

describe('any input yields outputs or diagnostics, never an exception', () => {
  it('arbitrary chapter text', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(pasted, async (text) => {
        const { result, problems } = await outcome({ ...base, 'chapters/05-other.md': `---\nid: other\n---\n${text}` });
        expect(result.outputs.size > 0 || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        expect(problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary metrics.yaml', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(metricsText, async (text) => {
        const { result, problems } = await outcome({ ...base, 'metrics.yaml': text });
        expect(result.outputs.size > 0 || result.diagnostics.length > 0).toBe(true);
        for (const d of result.diagnostics) expect(d.message.zh.length * d.message.en.length).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary front matter and report templates', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(pasted, pasted, async (front, title) => {
        const { problems } = await outcome({ ...base, 'chapters/05-other.md': `---\n${front}\n---\n正文`, 'templates/title.hbs': title });
        expect(problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

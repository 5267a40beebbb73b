import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/check/rules/index.js';
import { repoRoot } from './helpers.js';
import { runRuleOn } from './rule-tester.js';

// docs/rules.md is generated from the rules' meta (npm run docs; test/rules-doc.test.ts fails when
// it is stale); this checks what each rule's section must show.
describe('docs/rules.md', () => {
  it('documents every figure, prose, date and wording rule as its meta says', async () => {
    const docs = await readFile(path.join(repoRoot, 'docs', 'rules.md'), 'utf8');
    for (const rule of rules.filter((r) => !r.meta.id.startsWith('chapter-'))) {
      const start = docs.indexOf(`\n### ${rule.meta.id}\n`);
      expect(start, `section for ${rule.meta.id}`).toBeGreaterThanOrEqual(0);
      const next = docs.indexOf('\n### ', start + 1);
      const section = docs.slice(start, next < 0 ? undefined : next);
      for (const text of [rule.meta.description, rule.meta.why, rule.meta.fix]) {
        expect(section).toContain(text.zh);
        expect(section).toContain(text.en);
      }
      if (rule.meta.example) expect(section).toContain(rule.meta.example.bad);
      expect(section.includes('可自动修正 / fixable')).toBe(Boolean(rule.meta.fixable));
    }
  });
});

/** Examples written as chapter prose (not YAML) run as tests: the bad one is reported, the good one is not. */
// The outline rules' examples are file listings and whole chapters, not prose: their own tests cover them.
const proseExamples = rules.filter((r) => r.meta.example && r.meta.stage !== 'outline' && !/^[\w#-]+:|\n\s+\w+:/.test(r.meta.example.bad) && !r.meta.example.bad.startsWith('<!-- 上年'));

describe('the documented prose examples', () => {
  for (const rule of proseExamples) {
    it(`${rule.meta.id}: the bad example is reported, the good one is not`, async () => {
      const on = (text: string) => runRuleOn(rule, { 'chapters/05-other.md': `---\nid: other\n---\n\n${text}\n` });
      expect((await on(rule.meta.example!.bad)).length).toBeGreaterThan(0);
      expect(await on(rule.meta.example!.good)).toEqual([]);
    });
  }
  it('covers the wording rules', () => expect(proseExamples.length).toBeGreaterThanOrEqual(10));
});

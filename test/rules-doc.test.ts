import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/diagnostics/docs.js';
import { DIAGNOSTICS } from '../src/pipeline/registry.js';
import { rules } from '../src/check/rules/index.js';
import { repoRoot } from './helpers.js';
import { runRuleOn } from './rule-tester.js';

async function sources(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (file.endsWith('.ts')) out.push([path.relative(repoRoot, file), await readFile(file, 'utf8')]);
    }
  };
  await walk(path.join(repoRoot, 'src'));
  return out;
}

describe('docs/rules.md and the registry', () => {
  it('is generated from the registry and up to date (run `npm run docs` when this fails)', async () => {
    const onDisk = await readFile(path.join(repoRoot, 'docs/rules.md'), 'utf8');
    expect(onDisk === rulesMarkdown(DIAGNOSTICS), 'docs/rules.md is stale: run `npm run docs`').toBe(true);
  });

  it('registers every diagnostic the source declares, and declares every id it raises', async () => {
    const registered = new Set(DIAGNOSTICS.map((m) => m.id));
    const missing: string[] = [];
    for (const [file, text] of await sources()) {
      // A definition (stages) or a rule's meta declares an id; only the import stage still raises by bare id.
      for (const m of text.matchAll(/\bid: '([a-z0-9-]+)',\n\s+category:/g)) if (!registered.has(m[1]!)) missing.push(`${m[1]} (${file})`);
      for (const m of text.matchAll(/\bdiag\(\s*'([a-z0-9-]+)'/g)) if (!registered.has(m[1]!)) missing.push(`${m[1]} (${file})`);
      if (/\bdiag\(\s*'/.test(text) && !file.startsWith(path.join('src', 'import'))) missing.push(`a bare diag() outside the import stage (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('has one entry per id, each in both languages, with a docs url', () => {
    const doc = rulesMarkdown(DIAGNOSTICS);
    expect(new Set(DIAGNOSTICS.map((m) => m.id)).size).toBe(DIAGNOSTICS.length);
    for (const m of DIAGNOSTICS) {
      expect(m.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.category, m.id).toBeTruthy();
      for (const text of [m.description, m.why, m.fix]) expect(text.zh && text.en, m.id).toBeTruthy();
      expect(doc.match(new RegExp(`^### ${m.id}$`, 'gm')), m.id).toHaveLength(1);
    }
  });
});

/** Examples written as chapter prose (not YAML) run as tests: the bad one is reported, the good one is not. */
// The outline rules' examples are file listings and whole chapters, not prose: their own tests cover them.
const proseExamples = rules.filter((r) => r.meta.example && r.meta.category !== 'outline' && !/^[\w#-]+:|\n\s+\w+:/.test(r.meta.example.bad) && !r.meta.example.bad.startsWith('<!-- 上年'));

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

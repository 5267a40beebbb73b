import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/check/docs.js';
import { allRuleMetas } from '../src/check/registry.js';
import { stageRules } from '../src/check/stage-rules.js';
import { repoRoot } from './helpers.js';

/** Every id a stage other than the rules can emit: diag('id', …), ruleId: 'id', validateYaml(…, 'id'). */
async function emittedIds(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('stage-rules.ts')) {
        const text = await readFile(file, 'utf8');
        const patterns = [/\bdiag\(\s*'([a-z0-9-]+)'/g, /\bruleId: '([a-z0-9-]+)'/g, /\bvalidateYaml\([^;]*?,\s*'([a-z0-9-]+)'\s*\)/g];
        for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.set(m[1]!, path.relative(repoRoot, file));
      }
    }
  };
  await walk(path.join(repoRoot, 'src'));
  return found;
}

describe('docs/rules.md', () => {
  it('is generated from the rules\' meta and up to date (run `npm run docs` when this fails)', async () => {
    const onDisk = await readFile(path.join(repoRoot, 'docs/rules.md'), 'utf8');
    expect(onDisk === rulesMarkdown(allRuleMetas()), 'docs/rules.md is stale: run `npm run docs`').toBe(true);
  });

  it('documents every rule id the source emits (register new ids in src/check/stage-rules.ts or a rule meta)', async () => {
    const registered = new Set(allRuleMetas().map((m) => m.id));
    const undocumented = [...(await emittedIds())].filter(([id]) => !registered.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(undocumented).toEqual([]);
  });

  it('documents only stage ids that something emits (rules emit their own id through the runner)', async () => {
    const emitted = await emittedIds();
    expect(stageRules.map((m) => m.id).filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('has one entry per id, each in both languages with a stage', () => {
    const metas = allRuleMetas();
    expect(new Set(metas.map((m) => m.id)).size).toBe(metas.length);
    const doc = rulesMarkdown(metas);
    for (const m of metas) {
      expect(m.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.stage, m.id).toBeTruthy();
      for (const text of [m.description, m.why, m.fix]) expect(text.zh && text.en, m.id).toBeTruthy();
      expect(doc.match(new RegExp(`^### ${m.id}$`, 'gm')), m.id).toHaveLength(1);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, repoRoot, runCli } from './helpers.js';

// A schema's field descriptions are the hints of its errors: each needs its English for --lang en.
describe('schema descriptions in both languages', () => {
  const schemas = readdirSync(path.join(repoRoot, 'schemas')).filter((f) => f.endsWith('.schema.json'));

  it('every field a schema describes has x-description-en beside description', () => {
    const missing: string[] = [];
    for (const file of schemas) {
      const walk = (node: unknown, at: string) => {
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (typeof n.description === 'string' && typeof n['x-description-en'] !== 'string') missing.push(`${file}${at}`);
        for (const [key, value] of Object.entries(n)) if (!(key === 'description' && typeof value === 'string')) walk(value, `${at}/${key}`);
      };
      walk(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', file), 'utf8')), '');
    }
    // Output schemas (check --format json …) describe machine-read fields; only the files a user writes are held here.
    expect(missing.filter((m) => /^(lawreport|profile|catalog)\.schema\.json/.test(m))).toEqual([]);
  });

  it('a bad lawreport.yaml field gets its hint in English with --lang en, in Chinese by default', async () => {
    const dir = await copyExample();
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^year: .*$/m, 'year: 二〇二四'));
    const en = await runCli(['check', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/lawreport\.yaml:\d+:7 +error +year must be integer[^\n]*\n\s+→ The year reported on, such as 2024\./);
    const zh = await runCli(['check'], dir);
    expect(zh.stdout).toContain('→ 报告所述年度，如 2024。');
  });

  it('a bad figure in metrics.yaml is explained in English too', async () => {
    const dir = await copyExample();
    const metrics = path.join(dir, 'metrics.yaml');
    await writeFile(metrics, (await readFile(metrics, 'utf8')).replace(/^( {2}sessions: )\d+/m, '$1-3'));
    const en = await runCli(['check', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/metrics\.yaml:\d+:\d+[^\n]*\n\s+→ [^\n]*: a whole number ≥ 0/);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/source/yaml.js';
import { configSchema } from '../src/load/report.js';
import { validateYaml, Validators } from '../src/validate/schema.js';
import { repoRoot } from './helpers.js';

// `npm run build` precompiles schemas/lawreport.schema.json (ajv standalone); a schema that differs
// from the precompiled one in any way is compiled with ajv at run time instead. Both must find the
// same problems, with the same Chinese and English messages.
const BROKEN = [
  'org: 示例镇人民政府',
  'year: 二〇二四',
  'date: 2025-02-10',
  'ouput:',
  '  dir: dist',
  'output:',
  '  formats: [docx, pdf2]',
  'rules:',
  '  chapter-missing: loud',
].join('\n');

describe('precompiled schema validators', () => {
  it('report exactly what ajv compiled at run time reports', async () => {
    const schema = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'lawreport.schema.json'), 'utf8')) as Record<string, unknown>;
    const doc = parseYaml(BROKEN, 'lawreport.yaml').doc!;
    // The precompiled validator, loaded as a run loads it.
    const validators = new Validators();
    await validators.prepare(schema);
    const precompiled = validateYaml(doc, schema, configSchema, validators);
    // Same rules, other text: forces the ajv path.
    const runtime = validateYaml(doc, { ...schema, $comment: 'forces compilation' }, configSchema, validators);
    expect(precompiled.length).toBeGreaterThanOrEqual(3);
    expect(precompiled.map((d) => d.message.zh).join('\n')).toContain('ouput');
    expect(precompiled).toEqual(runtime);
  });
});

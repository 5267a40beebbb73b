import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS } from '../src/render/registry.js';
import { builtins, session, copyExample, exampleFiles, hostOf, repoRoot, runCli } from './helpers.js';

describe('the renderer registry', () => {
  it('is the list lawreport.yaml\'s schema allows for output.formats', async () => {
    const schema = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'lawreport.schema.json'), 'utf8'));
    expect(schema.properties.output.properties.formats.items.enum).toEqual(OUTPUT_FORMATS.map((f) => f.id));
  });

  it('gives build its -f choices and help', async () => {
    const dir = await copyExample();
    const help = await runCli(['build', '--help'], dir);
    for (const f of OUTPUT_FORMATS) expect(help.stdout).toContain(f.id);
    // Help wraps at 80 columns (at a space or between CJK characters).
    expect(help.stdout).toMatch(new RegExp(`默认\\s+${DEFAULT_FORMATS.join(',')}`));
    const wrong = await runCli(['build', '-f', 'docx,odt'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`可用：${OUTPUT_FORMATS.map((f) => f.id).join(',')}`);
  });

  it('writes the default formats when lawreport.yaml names none, with each format\'s extension', async () => {
    const dir = await copyExample();
    const config = path.join(dir, 'lawreport.yaml');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^output:[\s\S]*$/m, ''));
    const run = await runCli(['build'], dir);
    expect(run.code).toBe(0);
    const written = run.stdout.trim().split('\n').map((l) => path.extname(l));
    expect(written).toEqual(OUTPUT_FORMATS.filter((f) => f.default).map((f) => f.extension));
  });
});

describe('the 成文日期 is a date, not text renderers parse back', () => {
  it('stamps the DOCX with the date even when templates/date.hbs prints it in Chinese numerals', async () => {
    const files = { ...(await exampleFiles()), 'templates/date.hbs': '二〇二五年二月十日\n' };
    const result = await buildReport(hostOf(files), session, ['docx', 'txt']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const core = new TextDecoder().decode(unzipSync(result.outputs.get('docx')!)['docProps/core.xml']);
    expect(core).toMatch(/<dcterms:created[^>]*>2025-02-10T12:00:00Z</);
    expect(new TextDecoder().decode(result.outputs.get('txt'))).toContain('示例镇人民政府\n二〇二五年二月十日\n');
  });

  it('takes SOURCE_DATE_EPOCH from the render options, never from the process environment', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1740000000';
    try {
      const result = await buildReport(hostOf(await exampleFiles()), session, ['docx']);
      const core = new TextDecoder().decode(unzipSync(result.outputs.get('docx')!)['docProps/core.xml']);
      expect(core).toMatch(/<dcterms:created[^>]*>2025-02-10T12:00:00Z</);
      const given = await buildReport(hostOf(await exampleFiles()), session, ['docx'], { render: { sourceDateEpoch: '1740000000' } });
      expect(new TextDecoder().decode(unzipSync(given.outputs.get('docx')!)['docProps/core.xml'])).toMatch(/<dcterms:created[^>]*>2025-02-19T21:20:00Z</);
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });
});

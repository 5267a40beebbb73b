import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileReport } from '../src/compile/compile.js';
import { precompiledTemplate } from '../src/io/builtins-host.js';
import { loadReport } from '../src/load/report.js';
import { templateContext } from '../src/template/context.js';
import { renderTemplate, TemplateCache } from '../src/template/render.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';

/**
 * lawreport's own templates (templates/*.hbs) come parsed and compiled from `npm run build`
 * (scripts/precompile-templates.mjs into lib/template/builtin-templates.cjs, which pretest builds):
 * a report that uses them fills them as Handlebars would, without Handlebars' parser or compiler.
 */

const builtinTexts = async () => {
  const dir = path.join(repoRoot, 'templates');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs'));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("lawreport's own templates, precompiled", () => {
  it("are each served by their exact text, with Handlebars' own tree, and no other text is", async () => {
    const texts = await builtinTexts();
    expect(texts.map((t) => t.name).sort()).toEqual(['date.hbs', 'signature.hbs', 'title.hbs']);
    for (const { name, text } of texts) {
      const built = precompiledTemplate(text);
      expect(built, name).toBeDefined();
      expect(built!.ast, name).toStrictEqual(JSON.parse(JSON.stringify(Handlebars.parse(text))));
      // A report's own template that differs by one space is not taken for it.
      expect(precompiledTemplate(text + ' '), name).toBeUndefined();
    }
  });

  it('fill as the template compiled by Handlebars does, for titles, signatures and dates of every shape', async () => {
    const { source } = await loadReport(hostOf(await exampleFiles()), session);
    const base = templateContext(source!) as { report: Record<string, unknown> };
    const reports = [
      base.report,
      { ...base.report, title: '某某县人民政府\n2025年法治政府建设年度报告' },
      { ...base.report, title: '' },
      { ...base.report, signature: [] },
      { ...base.report, signature: ['甲镇人民政府', '乙镇人民政府', '丙镇人民政府'] },
      { ...base.report, date: '2025-01-31' },
    ];
    const seen: string[] = [];
    for (const { name, text } of await builtinTexts()) {
      for (const report of reports) {
        const data = { ...base, report };
        const mine = renderTemplate(text, `<lawreport>/templates/${name}`, data, source!.catalog, new TemplateCache());
        const compiled = new TemplateCache();
        compiled.set(text, { ast: Handlebars.parse(text), plain: false });
        const theirs = renderTemplate(text, `<lawreport>/templates/${name}`, data, source!.catalog, compiled);
        expect(mine, `${name} ${JSON.stringify(report)}`).toStrictEqual({ ...theirs, map: mine.map });
        expect(mine.map?.(), name).toStrictEqual(theirs.map?.());
        seen.push(mine.text ?? '');
      }
    }
    // Not vacuous: the fills carry what was asked.
    const all = seen.join('\n');
    for (const expected of ['某某县人民政府', '丙镇人民政府', '2025年1月31日', '法治政府建设年度报告']) expect(all).toContain(expected);
  });

  it("let the example's whole report be filled with neither Handlebars' parser nor its compiler", async () => {
    const { source } = await loadReport(hostOf(await exampleFiles()), session);
    const parse = vi.spyOn(Handlebars, 'parse');
    const compile = vi.spyOn(Handlebars, 'compile');
    const { document, diagnostics } = await compileReport(source!, undefined, new TemplateCache());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(document!.title).toContain('法治政府建设年度报告');
    expect(parse).not.toHaveBeenCalled();
    expect(compile).not.toHaveBeenCalled();
  });
});

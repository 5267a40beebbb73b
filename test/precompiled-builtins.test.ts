import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileReport } from '../src/compile/compile.js';
import { precompiledBuiltins } from '../src/io/builtins-host.js';
import { BUILTIN_CATALOG_FILE, parseCatalog, precompiledCatalog } from '../src/load/catalog.js';
import { memoryHost } from '../src/io/host.js';
import { builtinProfileNames, ProfileLoader } from '../src/profile/load.js';
import { Validators } from '../src/validate/schema.js';
import { loadReport } from '../src/load/report.js';
import { templateContext } from '../src/template/context.js';
import { renderTemplate, TemplateCache } from '../src/template/render.js';
import type { SourceHost } from '../src/io/host.js';
import { builtins, exampleFiles, hostOf, repoRoot, session } from './helpers.js';

/**
 * lawreport's own templates (templates/*.hbs) come parsed and compiled from `npm run build`
 * (scripts/precompile-builtins.mjs into lib/precompiled-builtins.cjs, which pretest builds):
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

describe("lawreport's own catalog, precompiled", () => {
  it('is the catalog its YAML parses to, as new objects each time, and only for that very text', async () => {
    const text = await readFile(path.join(repoRoot, 'schemas', 'metrics.catalog.yaml'), 'utf8');
    const meta = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'catalog.schema.json'), 'utf8')) as object;
    const parsed = parseCatalog(text, BUILTIN_CATALOG_FILE, meta);
    const built = precompiledCatalog(text);
    expect(built).toStrictEqual(parsed.catalog);
    expect(built!.relations.length).toBeGreaterThan(0);
    expect(built!.relations[0]!.source.file).toBe(BUILTIN_CATALOG_FILE);
    // The map's values are the groups' own objects, as a parse makes them.
    const first = built!.groups[0]!.metrics[0]!;
    expect(built!.byPath.get(first.path)).toBe(first);
    expect(precompiledCatalog(text)!.groups).not.toBe(built!.groups);
    expect(precompiledCatalog(text.replace('relations:', 'relations: ') + '\n')).toBeUndefined();
  });
});

describe("lawreport's own profiles, precompiled", () => {
  const loaderOver = async (builtins: SourceHost, precompiled?: boolean) => {
    const meta = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'profile.schema.json'), 'utf8')) as object;
    return new ProfileLoader({ host: memoryHost({}), builtins, metaSchema: meta, validators: new Validators(), ...(precompiled === false ? { precompiled } : {}) });
  };

  it('are each the profile its files load to, as new objects each time', async () => {
    const names = await builtinProfileNames(builtins);
    expect(names).toEqual(expect.arrayContaining(['national', 'gangyao-2021']));
    expect(Object.keys(precompiledBuiltins()!.profiles).sort()).toEqual([...names].sort());
    // gangyao-2021 takes chapters from national by $ref: valid only while both files are as read.
    expect(Object.keys(precompiledBuiltins()!.profiles['gangyao-2021']!.texts).sort()).toEqual(['schemas/profiles/gangyao-2021.yaml', 'schemas/profiles/national.yaml']);
    for (const name of names) {
      const read = await (await loaderOver(builtins, false)).load(name);
      const built = await (await loaderOver(builtins)).load(name);
      expect(built, name).toEqual(read);
      expect(built, name).not.toBe(read);
      expect(built!.chapters.length, name).toBeGreaterThan(3);
    }
  });

  it('are loaded from the files again when any built-in profile file differs from what the build loaded', async () => {
    const files: Record<string, string> = {};
    for (const name of await builtinProfileNames(builtins)) files[`schemas/profiles/${name}.yaml`] = await readFile(path.join(repoRoot, 'schemas', 'profiles', `${name}.yaml`), 'utf8');
    // national's first chapter renamed: gangyao-2021 takes it by $ref, so both must be read again.
    const renamed = { ...files, 'schemas/profiles/national.yaml': files['schemas/profiles/national.yaml']!.replace(/title: (.+)/, 'title: 改过的标题') };
    expect(renamed['schemas/profiles/national.yaml']).not.toBe(files['schemas/profiles/national.yaml']);
    for (const name of ['national', 'gangyao-2021']) {
      const loaded = await (await loaderOver(memoryHost(renamed))).load(name);
      expect(JSON.stringify(loaded), name).toContain('改过的标题');
    }
  });
});

describe("lawreport's own templates, precompiled", () => {
  it("are each served by their exact text, with Handlebars' own tree, and no other text is", async () => {
    const texts = await builtinTexts();
    expect(texts.map((t) => t.name).sort()).toEqual(['date.hbs', 'signature.hbs', 'title.hbs']);
    for (const { name, text } of texts) {
      const built = precompiledBuiltins()?.templates.get(text);
      expect(built, name).toBeDefined();
      expect(built!.ast, name).toStrictEqual(JSON.parse(JSON.stringify(Handlebars.parse(text))));
      // A report's own template that differs by one space is not taken for it.
      expect(precompiledBuiltins()?.templates.get(text + ' '), name).toBeUndefined();
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

import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/load/report.js';
import { builtins, session, exampleFiles, hostOf, copyExample, runCli } from './helpers.js';
import { Session } from '../src/session.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const CONFIG = 'org: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\n';

async function withProfile(files: Record<string, string>) {
  const all = { ...(await exampleFiles()), 'lawreport.yaml': `profile: province/outline.yaml\n${CONFIG}`, ...files };
  return loadReport(hostOf(all), session);
}

const summary = (d: { ruleId: string; file: string; line?: number; column?: number }) => [d.ruleId, d.file, d.line, d.column];

describe('outline profiles', () => {
  it('ships national and gangyao-2021, both valid against the meta-schema', async () => {
    for (const profile of ['national', 'gangyao-2021']) {
      const { source, diagnostics } = await loadReport(hostOf({ ...(await exampleFiles()), 'lawreport.yaml': `profile: ${profile}\n${CONFIG}` }), session);
      expect(diagnostics, profile).toEqual([]);
      expect(source!.profile.chapters.map((c) => c.id)).toEqual(['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
    }
  });

  it('reads a province profile that reuses national chapters by $ref and overrides a title', async () => {
    const { source, diagnostics } = await withProfile({
      'province/outline.yaml': 'id: province\nname: 某省提纲\nchapters:\n  - $ref: "national#/chapters/0"\n    title: 主要工作和成效\n  - $ref: "./common.yaml#/chapters/0"\n',
      'province/common.yaml': 'id: common\nname: 共用章节\nchapters:\n  - { id: next-year, title: 下一步打算, required: true }\n',
    });
    expect(diagnostics).toEqual([]);
    expect(source!.profile.chapters.map((c) => [c.id, c.title, c.required])).toEqual([
      ['measures', '主要工作和成效', true],
      ['next-year', '下一步打算', true],
    ]);
    expect(source!.profile.chapters[0]!.variants).toContain('主要举措和成效');
  });

  it('keeps the built-in profiles a session parsed, and reads a report\'s own profile anew every time', async () => {
    const shared = new Session(builtins);
    const outline = (title: string) => `id: province\nname: 某省提纲\nchapters:\n  - $ref: "national#/chapters/0"\n    title: ${title}\n  - $ref: "national#/chapters/3"\n`;
    const load = async (s: Session, title: string) => {
      const all = { ...(await exampleFiles()), 'lawreport.yaml': `profile: province/outline.yaml\n${CONFIG}`, 'province/outline.yaml': outline(title) };
      const { source, diagnostics } = await loadReport(hostOf(all), s);
      return { diagnostics, chapters: source!.profile.chapters };
    };
    const first = await load(shared, '主要工作和成效');
    const second = await load(shared, '工作成效');
    expect(shared.profileDocs.size).toBeGreaterThan(0);
    expect(second.chapters.map((c) => c.title)).toEqual(['工作成效', first.chapters[1]!.title]);
    expect(first).toEqual(await load(new Session(builtins), '主要工作和成效'));
    expect(second).toEqual(await load(new Session(builtins), '工作成效'));
  });

  it('reports an invalid profile at the offending key, with a did-you-mean', async () => {
    const { source, diagnostics } = await withProfile({
      'province/outline.yaml': 'id: province\nname: 某省提纲\nchapters:\n  - id: measures\n    title: 主要举措\n    requird: true\n  - title: 存在不足\n',
    });
    expect(source).toBeUndefined();
    expect(diagnostics.map(summary)).toEqual([
      ['profile-schema', 'province/outline.yaml', 6, 5],
      ['profile-schema', 'province/outline.yaml', 7, 5],
    ]);
    expect(diagnostics[0]!.hint?.zh).toBe('是不是“required”？');
    expect(diagnostics[1]!.message.zh).toContain('缺少必填项“id”');
  });

  it('reports a missing $ref target, a missing file and a cycle at the $ref line', async () => {
    const { diagnostics } = await withProfile({
      'province/outline.yaml':
        'id: province\nname: 某省提纲\nchapters:\n  - $ref: "national#/chapters/9"\n  - $ref: "nowhere.yaml#/chapters/0"\n  - $ref: "#/chapters/3"\n  - $ref: "#/chapters/2"\n',
    });
    expect(diagnostics.map(summary)).toEqual([
      ['profile-ref', 'province/outline.yaml', 4, 11],
      ['profile-ref', 'province/outline.yaml', 5, 11],
      ['profile-ref', 'province/outline.yaml', 6, 11],
      ['profile-ref', 'province/outline.yaml', 7, 11],
    ]);
    expect(diagnostics[0]!.message.zh).toContain('没有“/chapters/9”');
    expect(diagnostics[1]!.message.zh).toContain('“province/nowhere.yaml”不存在');
    expect(diagnostics[2]!.message.zh).toContain('循环引用');
  });

  it('reports a chapter id used twice with both places', async () => {
    const { diagnostics } = await withProfile({
      'province/outline.yaml': 'id: province\nname: 某省提纲\nchapters:\n  - $ref: "national#/chapters/0"\n  - { id: measures, title: 又一章 }\n',
    });
    expect(diagnostics.map(summary)).toEqual([['profile-duplicate-id', 'province/outline.yaml', 5, 5]]);
    expect(diagnostics[0]!.related?.[0]).toMatchObject({ file: 'province/outline.yaml', line: 4, column: 5 });
  });

  it('refuses a profile that is a list instead of a mapping', async () => {
    const { diagnostics } = await withProfile({ 'province/outline.yaml': '- id: measures\n  title: 主要举措\n' });
    expect(diagnostics.map(summary)).toEqual([['yaml-not-mapping', 'province/outline.yaml', 1, 1]]);
  });

  it('says where a profile that does not exist is named', async () => {
    const { diagnostics } = await loadReport(hostOf({ ...(await exampleFiles()), 'lawreport.yaml': `${CONFIG}profile: gangyao-2012\n` }), session);
    expect(diagnostics.map(summary)).toEqual([['profile-not-found', 'lawreport.yaml', 4, 10]]);
  });

  it('makes check exit 1 with the location and no stack trace for a broken profile', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'lawreport.yaml'), `profile: outline.yaml\n${CONFIG}`);
    await writeFile(path.join(dir, 'outline.yaml'), 'id: x\nname: x\nchapters:\n  - $ref: "#/chapters/0"\n');
    const r = await runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^outline\.yaml:4:11 {2}错误 {2}\$ref“#\/chapters\/0”形成循环引用/m);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('metric catalogs', () => {
  it('validates a report catalog against the catalog meta-schema', async () => {
    const files = {
      ...(await exampleFiles()),
      'lawreport.yaml': `${CONFIG}catalog: catalog.yaml\n`,
      'catalog.yaml': 'groups:\n  - key: hotline\n    label: 12345热线\n    metrics:\n      - { key: received, label: 受理, unit: 宗, type: integer }\nrelations:\n  - { type: part-of }\n',
    };
    const { diagnostics } = await loadReport(hostOf(files), session);
    expect(diagnostics.map(summary)).toEqual([['catalog-schema', 'catalog.yaml', 5, 52]]);
  });

  it('refuses a catalog or metrics.yaml that is a list', async () => {
    const files = { ...(await exampleFiles()), 'lawreport.yaml': `${CONFIG}catalog: catalog.yaml\n`, 'catalog.yaml': '- key: hotline\n' };
    expect((await loadReport(hostOf(files), session)).diagnostics.map(summary)).toEqual([['yaml-not-mapping', 'catalog.yaml', 1, 1]]);
    const metrics = { ...(await exampleFiles()), 'metrics.yaml': '- disputes: 1\n' };
    expect((await loadReport(hostOf(metrics), session)).diagnostics.map(summary)).toEqual([['yaml-not-mapping', 'metrics.yaml', 1, 1]]);
  });

  it('accepts an optional relations list and the keys ratio figures need', async () => {
    const files = {
      ...(await exampleFiles()),
      'lawreport.yaml': `${CONFIG}catalog: catalog.yaml\n`,
      'catalog.yaml':
        'groups:\n  - key: hotline\n    label: 12345热线\n    metrics:\n      - { key: close_rate, label: 办结率, unit: "%", type: percent, precision: 2, numerator: hotline.closed, denominator: hotline.received }\nrelations:\n  - { kind: sum, total: hotline.received, parts: [hotline.closed, hotline.in_progress] }\n',
    };
    expect((await loadReport(hostOf(files), session)).diagnostics).toEqual([]);
  });
});

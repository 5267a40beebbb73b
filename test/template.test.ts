import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../src/template/render.js';
import type { Catalog } from '../src/model.js';

const catalog: Catalog = {
  groups: [],
  byPath: new Map([
    ['disputes.mediated', { path: 'disputes.mediated', label: '调解成功', unit: '件', type: 'count', aliases: [] }],
    ['disputes.received', { path: 'disputes.received', label: '受理', unit: '件', type: 'count', aliases: [] }],
  ]),
  relations: [],
};
const data = { report: { year: 2024 }, disputes: { received: 68, mediated: 66 }, towns: [{ name: '甲村', count: 3 }] };
const render = (text: string) => renderTemplate(text, 'chapters/01-measures.md', data, catalog);

describe('chapter templates', () => {
  it('fills figures, units and percentages', () => {
    expect(render('受理{{fig disputes.received}}，调成{{fig disputes.mediated}}，成功率{{pct disputes.mediated disputes.received}}。').text)
      .toBe('受理68件，调成66件，成功率97.06%。');
    expect(render('{{pct disputes.mediated disputes.received digits=1}}').text).toBe('97.1%');
    expect(render('{{fig disputes.received unit="起"}}').text).toBe('68起');
    expect(render('{{sum disputes.received disputes.mediated}} {{diff disputes.received disputes.mediated}}').text).toBe('134 2');
  });

  it('fills the same template text with each report\'s own figures and units, as a batch of reports does', () => {
    const text = '受理{{fig disputes.received}}，{{#each towns}}{{name}}{{/each}}';
    const otherCatalog: Catalog = { ...catalog, byPath: new Map([['disputes.received', { ...catalog.byPath.get('disputes.received')!, unit: '起' }]]) };
    const other = { ...data, disputes: { received: 7, mediated: 5 }, towns: [{ name: '乙村', count: 1 }] };
    expect(render(text).text).toBe('受理68件，甲村');
    expect(renderTemplate(text, 'chapters/01-measures.md', other, otherCatalog).text).toBe('受理7起，乙村');
    expect(render(text).text).toBe('受理68件，甲村');
    expect(renderTemplate(text, 'chapters/01-measures.md', { ...data, disputes: {} }, catalog).diagnostics[0]?.ruleId).toBe('template-unknown-path');
  });

  it('names the file, line, column and nearest key for a misspelt figure', () => {
    const { text, diagnostics } = render('第一行\n调成{{disputes.mediatd}}件');
    expect(text).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'template-unknown-path', file: 'chapters/01-measures.md', line: 2, column: 5 });
    expect(diagnostics[0]!.hint?.zh).toContain('disputes.mediated');
  });

  it('catches typos inside helper arguments, #if and #each, which strict mode alone misses', () => {
    for (const t of ['{{pct disputes.mediated disputes.recieved}}', '{{#if disputes.recieved}}x{{/if}}', '{{#each towns}}{{nmae}}{{/each}}']) {
      const { diagnostics } = render(t);
      expect(diagnostics.map((d) => d.ruleId), t).toEqual(['template-unknown-path']);
    }
  });

  it('rejects unknown helpers, partials and a group used as a figure', () => {
    expect(render('{{percent disputes.mediated disputes.received}}').diagnostics[0]?.ruleId).toBe('template-unknown-helper');
    expect(render('{{> header}}').diagnostics[0]?.ruleId).toBe('template-unsupported');
    expect(render('{{disputes}}').diagnostics[0]?.ruleId).toBe('template-not-a-value');
  });

  it('reports an unclosed block at the {{#…}} that opened it, not at the end of the file', () => {
    const { diagnostics } = render('甲\n{{#if disputes.received}}\n乙\n\n丙');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'template-syntax', line: 2, column: 1 });
    expect(diagnostics[0]!.message.zh).toBe('模板语法错误：“{{#if disputes.received}}”没有对应的“{{/if}}”。');
    expect(diagnostics[0]!.hint?.zh).toContain('{{/if}}');
  });

  it('names the innermost open block, past closed blocks, comments and escaped braces', () => {
    const open = render('{{#each towns}}{{name}}{{/each}}\n{{#if disputes.received}}\n  前 {{#each towns}}{{name}}\n').diagnostics;
    expect(open[0]).toMatchObject({ ruleId: 'template-syntax', line: 3, column: 5 });
    expect(open[0]!.message.en).toBe('Template syntax error: "{{#each towns}}" has no matching "{{/each}}".');
    // Openers inside a comment or written as a literal \{{ are text: the block open before them is the one.
    const past = render('{{#if disputes.received}}\n{{!-- {{#each towns}} --}}\n\\{{#each towns}}\n').diagnostics;
    expect(past[0]).toMatchObject({ ruleId: 'template-syntax', line: 1, column: 1 });
  });

  it('reports a "{{" that is never closed at its place', () => {
    const [d] = render('第一段。\n\n受理{{fig disputes.received\n').diagnostics;
    expect(d).toMatchObject({ ruleId: 'template-syntax', line: 3, column: 3 });
    expect(d!.message.en).toBe('Template syntax error: this "{{" has no matching "}}".');
    // Text after it on later lines makes Handlebars stop there instead: still the "{{"'s line.
    expect(render('第一段。\n\n受理{{fig disputes.received\n\n第二段。').diagnostics[0]).toMatchObject({ ruleId: 'template-syntax', line: 3, column: 3 });
  });

  it('fills block parameters and checks the paths under them', () => {
    expect(render('{{#each towns as |town i|}}{{i}}.{{town.name}}{{town.count}}处；{{/each}}').text).toBe('0.甲村3处；');
    expect(render('{{#with disputes as |d|}}受理{{fig d.received}}{{/with}}').text).toBe('受理68件');
    const [d] = render('{{#each towns as |town|}}\n{{town.nmae}}{{/each}}').diagnostics;
    expect(d).toMatchObject({ ruleId: 'template-unknown-path', line: 2, column: 3 });
    expect(d!.message.zh).toBe('数据中没有“town.nmae”（“town”下没有“nmae”）。');
    expect(d!.hint?.zh).toBe('是不是“town.name”？');
    // Outside its block the name means nothing.
    expect(render('{{#each towns as |town|}}{{/each}}{{town.name}}').diagnostics[0]?.ruleId).toBe('template-unknown-path');
  });

  it('never reaches the prototype', () => {
    for (const t of ['{{constructor}}', '{{disputes.constructor.name}}', '{{disputes.__proto__}}']) {
      expect(render(t).diagnostics[0]?.ruleId, t).toBe('template-unknown-path');
    }
    expect(render('{{lookup disputes "constructor"}}').text).toBe('');
  });

  it('turns a helper failure into a diagnostic', () => {
    expect(render('{{pct disputes.mediated 0}}').diagnostics[0]?.ruleId).toBe('template-helper-error');
  });
});

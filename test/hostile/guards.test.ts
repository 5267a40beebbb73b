import { describe, expect, it } from 'vitest';
import { guardMarkdown, MARKDOWN_LIMITS, restoreLiterals } from '../../src/markdown/guard.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { stripControlCharacters } from '../../src/load/control-chars.js';
import { renderTemplate, MAX_EACH_ITERATIONS } from '../../src/template/render.js';
import {  } from '../../src/markdown/numbering.js';
import { plainText } from '../../src/markdown/plain-text.js';

describe('guardMarkdown', () => {
  it('passes ordinary chapters through untouched', () => {
    const text = '## 标题\n\n正文*强调*和[链接](https://example.com)。\n\n> 引用\n\n- 一\n  - 二\n';
    expect(guardMarkdown(text, 'c.md')).toEqual({ text, literals: [], diagnostics: [] });
  });

  it('refuses nesting deeper than the limit, naming the line', () => {
    const deep = `第一行\n${'>'.repeat(MARKDOWN_LIMITS.maxNesting + 1)} 深`;
    expect(guardMarkdown(deep, 'c.md').diagnostics[0]).toMatchObject({ ruleId: 'markdown-too-deep', line: 2 });
    const list = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n');
    expect(guardMarkdown(list, 'c.md').diagnostics[0]?.ruleId).toBe('markdown-too-deep');
  });

  it('refuses a chapter whose quote and list marks add up past the budget, naming where', () => {
    const many = '> 甲\n\n'.repeat(MARKDOWN_LIMITS.maxContainerMarks + 1);
    const d = guardMarkdown(many, 'c.md').diagnostics[0];
    expect(d).toMatchObject({ ruleId: 'markdown-too-complex', line: 2 * MARKDOWN_LIMITS.maxContainerMarks + 1 });
    expect(guardMarkdown('- 项\n'.repeat(1000), 'c.md').diagnostics).toEqual([]);
  });

  it('keeps a flooded paragraph as literal text and the paragraphs around it as Markdown', () => {
    const flood = '甲* '.repeat(MARKDOWN_LIMITS.maxDelimiters + 1).trim();
    const guarded = guardMarkdown(`前*强调*\n\n${flood}\n\n后`, 'c.md');
    expect(guarded.diagnostics[0]).toMatchObject({ ruleId: 'markdown-delimiters', line: 3, severity: 'warning' });
    const root = parseMarkdown(guarded.text!);
    restoreLiterals(root, guarded.literals);
    expect(root.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(root.children[0]!.type === 'paragraph' && root.children[0]!.children.some((c) => c.type === 'emphasis')).toBe(true);
    expect(plainText(root.children[1]!)).toBe(flood);
    expect(root.children[2]!.position?.start.line).toBe(5);
  });
});

describe('stripControlCharacters', () => {
  it('turns NUL into U+FFFD, drops other C0 controls, keeps tab/LF/CR, and warns once per line', () => {
    const { text, diagnostics } = stripControlCharacters('甲\u0000乙\u0007\n\t丙\r\n丁\u001b\u000b', 'c.md');
    expect(text).toBe('甲\uFFFD乙\n\t丙\r\n丁');
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['control-character', 1], ['control-character', 3]]);
  });
});

describe('template limits', () => {
  it('stops a nested {{#each}} over a big list instead of building gigabytes', () => {
    const big = Array.from({ length: 2000 }, (_, i) => i);
    const r = renderTemplate('{{#each big}}{{#each ../big}}{{this}}{{/each}}{{/each}}', 'c.md', { big }, { groups: [], byPath: new Map(), relations: [] });
    expect(r.text).toBeUndefined();
    expect(r.diagnostics[0]?.message.en).toContain(String(MAX_EACH_ITERATIONS));
  });
});

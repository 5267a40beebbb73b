import type { Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdown } from '../src/cli/format/diff/markdown.js';
import { compareReports, type OutlineChange } from '../src/review/compare.js';
import { reviewSide } from '../src/review/side.js';
import { changedSentences } from '../src/review/words.js';
import { exampleFiles, hostOf, session } from './helpers.js';

async function compare(change: (files: Record<string, string>) => void) {
  const before = await exampleFiles();
  const after = { ...before };
  change(after);
  return compareReports(await reviewSide(hostOf(before), session, 'old'), await reviewSide(hostOf(after), session, 'new'));
}

const kinds = (outline: OutlineChange[]) => outline.map((o) => `${o.kind} ${o.key}${o.kind === 'renumbered' ? ` ${o.from}→${o.to}${o.reordered ? ' reordered' : ''}` : ''}`);

describe('comparing two versions of a report', () => {
  it('a chapter removed: the rest renumbered (not reordered), its text gone, the missing chapter a new problem', async () => {
    const diff = await compare((files) => delete files['chapters/02-shortcomings.md']);
    expect(kinds(diff.outline)).toEqual(['renumbered first-responsible 三、→二、', 'renumbered next-year 四、→三、', 'removed shortcomings']);
    // Renumbering is the outline's to say: the chapters' text is unchanged.
    expect(diff.text.map((t) => `${t.change} ${t.key}`)).toEqual(['removed shortcomings']);
    expect(diff.diagnostics.appeared.map((d) => d.ruleId)).toEqual(['chapter-missing']);
    expect(diff.diagnostics.resolved).toEqual([]);
    expect(diff.figures).toEqual([]);
  });

  it('chapters put in another order by the outline: reordered, and a new title is a retitle', async () => {
    const diff = await compare((files) => {
      files['lawreport.yaml'] = files['lawreport.yaml']!.replace('profile: national', 'profile: 提纲.yaml');
      files['提纲.yaml'] = 'id: mou-sheng\nname: 某省提纲\nchapters:\n  - $ref: "national#/chapters/0"\n  - $ref: "national#/chapters/2"\n  - $ref: "national#/chapters/1"\n  - $ref: "national#/chapters/3"\n  - $ref: "national#/chapters/4"\n';
      files['chapters/04-next-year.md'] = files['chapters/04-next-year.md']!.replace('id: next-year', 'id: next-year\ntitle: 2025年工作打算');
    });
    expect(kinds(diff.outline)).toEqual(['renumbered first-responsible 三、→二、 reordered', 'renumbered shortcomings 二、→三、 reordered', 'retitled next-year']);
    expect(diff.outline.find((o) => o.kind === 'retitled')).toMatchObject({ to: '2025年工作打算' });
  });

  it('the title, signature and date are compared as printed text', async () => {
    const diff = await compare((files) => {
      files['lawreport.yaml'] = files['lawreport.yaml']!.replace('date: 2025-02-10', 'date: 2025-02-18');
    });
    const closing = diff.text.find((t) => t.key === 'closing')!;
    expect(closing.sentences.map((s) => s.map((p) => (p.change ? `${p.change === 'added' ? '+' : '-'}${p.text}` : p.text)).join(''))).toEqual(['2025年2月-10+18日']);
  });

  it('a chapter that no longer compiles says so rather than showing a blank', async () => {
    const diff = await compare((files) => {
      files['chapters/02-shortcomings.md'] += '\n共{{fig pufa.activitys}}。\n';
    });
    expect(diff.text).toEqual([expect.objectContaining({ key: 'shortcomings', change: 'changed', unavailable: 'after', sentences: [] })]);
    expect(diff.diagnostics.appeared.map((d) => d.ruleId)).toContain('template-unknown-path');
  });

  it('the Markdown is GitHub-flavoured Markdown a parser reads as meant: one table row per figure, <del>/<ins> as HTML', async () => {
    const diff = await compare((files) => {
      files['metrics.yaml'] = files['metrics.yaml']!.replace('mediated: 66 ', 'mediated: 64 ').replace('lectures: 9 ', 'lectures: 11 ');
      // Characters Markdown would read as markup, in the printed text.
      files['chapters/02-shortcomings.md'] = files['chapters/02-shortcomings.md']!.replace(/。/, '。新增一句：\\*注意\\* | 符号\\_和\\_ &lt;b&gt;标签。');
    });
    const text = markdown(diff, { lang: 'zh', color: false, base: '示例镇-2024' });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
    const table = tree.children.find((n): n is Table => n.type === 'table')!;
    expect(table.children).toHaveLength(1 + diff.figures.length);
    expect(table.children.every((row) => row.children.length === 5)).toBe(true);
    const html = JSON.stringify(tree).match(/"value":"<\/?(?:del|ins)>"/g) ?? [];
    expect(html.length).toBeGreaterThanOrEqual(4);
    // What the report prints that looks like markup stays text: no emphasis, no extra cell, no tag.
    const items = JSON.stringify(tree.children.filter((n) => n.type === 'list'));
    expect(items).not.toMatch(/"type":"(?:emphasis|strong)"/);
    expect(items).toContain('"value":"新增一句：*注意* | 符号_和_ <b>标签。"');
  });
});

describe('the sentence diff', () => {
  it('cuts at full stops in either version and keeps closing quotes with their sentence', () => {
    const out = changedSentences(['他说：“已经办结。”接着汇报。'], ['他说：“全部办结。”接着汇报。']);
    expect(out.map((s) => s.map((p) => p.text).join('|'))).toEqual(['他说：“|已经|全部|办结。”']);
  });

  it('a rewrite past the bound shows the old and the new whole, one after the other', () => {
    const old = Array.from({ length: 3000 }, (_, i) => `旧${i}`).join('，') + '。';
    const now = Array.from({ length: 3000 }, (_, i) => `新${i}`).join('，') + '。';
    expect(changedSentences([old], [now])).toEqual([[{ text: old, change: 'removed' }], [{ text: now, change: 'added' }]]);
  });
});

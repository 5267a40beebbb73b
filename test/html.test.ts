import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
import { builtins, session, exampleFiles, hostOf, repoRoot } from './helpers.js';

/** Builds the example with `chapter` appended to the shortcomings chapter; returns the page. */
async function htmlWith(chapter: string, extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  const files: Record<string, string | Uint8Array> = await exampleFiles();
  files['chapters/02-shortcomings.md'] += `\n${chapter}\n`;
  Object.assign(files, extra);
  const result = await buildReport(hostOf(files), session, ['html']);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new TextDecoder().decode(result.outputs.get('html'));
}

/** The part of the page that came from the shortcomings chapter. */
const section = (html: string) => /<section class="chapter" id="shortcomings"[\s\S]*?<\/section>/.exec(html)![0];

describe('raw HTML in chapter Markdown', () => {
  it('keeps what a report needs: merged table cells, sub/superscripts, line breaks, underlines', async () => {
    const html = section(await htmlWith(
      '<table><tr><th colspan="2" scope="col">执法案件</th></tr><tr><td rowspan="2">立案</td><td>422宗</td></tr><tr><td>51宗</td></tr></table>\n\n' +
        '绿地面积12.5万m<sup>2</sup>，CO<sub>2</sub>排放下降<u>3%</u>。<br>另起一行。',
    ));
    expect(html).toContain('<thead><tr><th colspan="2">执法案件</th></tr></thead>');
    expect(html).toContain('<tr><td rowspan="2">立案</td><td>422宗</td></tr><tr><td>51宗</td></tr>');
    expect(html).toContain('m<sup>2</sup>');
    expect(html).toContain('CO<sub>2</sub>');
    expect(html).toContain('<u>3%</u>');
    expect(html).toMatch(/<br>\s*另起一行/);
  });

  it('removes everything that could run script or load something, keeping the harmless text', async () => {
    const html = await htmlWith(
      [
        '<script>alert(1)</script><style>body{display:none}</style>',
        '<p onclick="alert(2)" style="color:red">段落文字</p>',
        '<a href="javascript:alert(3)">脚本链接</a> <a href="data:text/html,x">数据链接</a> <a href="other.html">相对链接</a>',
        '<iframe src="https://example.org"></iframe><object data="x.swf"></object><svg onload="alert(4)"><circle r="1"/></svg>',
        '<form action="https://example.org"><input name="q"><button formaction="javascript:alert(5)">提交</button></form>',
        '<math><mi xlink:href="javascript:alert(6)">x</mi></math><details open ontoggle="alert(7)"><summary>摘要</summary></details>',
        '<a href="https://www.gov.cn/">中国政府网</a> <a href="mailto:sfs@example.org">来信</a>',
      ].join('\n\n'),
    );
    const body = section(html);
    expect(body).not.toMatch(/<script|<style|<iframe|<object|<svg|<math|<form|<input|<button|<details|\son[a-z]+=|style=|javascript:|data:text/i);
    expect(body).not.toContain('alert(1)');
    expect(body).not.toContain('display:none');
    expect(body).not.toContain('example.org/track.png');
    expect(body).not.toContain('AAAA');
    expect(body).toContain('段落文字');
    expect(body).toContain('相对链接');
    expect(body).not.toMatch(/<a[^>]*>相对链接/);
    expect(body).toContain('<a href="https://www.gov.cn/">中国政府网</a>');
    expect(body).toContain('<a href="mailto:sfs@example.org">来信</a>');
    expect(html).not.toMatch(/<script/i); // nowhere on the page either
  });

  it('embeds the images lawreport read from the report folder, raw <img> as much as Markdown\'s, each a captioned figure', async () => {
    const png = new Uint8Array(await readFile(path.join(repoRoot, 'test/fixtures/red-2x1.png')));
    const html = section(await htmlWith('![示意图](images/red.png)\n\n<img src="images/red.png" alt="原始写法"> <img src="images/other.png" alt="另一张">', {
      'images/red.png': png,
      'images/other.png': png,
    }));
    const embedded = `src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`;
    expect(html.split(embedded)).toHaveLength(4);
    expect(html).not.toContain('images/');
    expect(html).toContain('<figcaption>图1 示意图</figcaption>');
    expect(html).toContain('<figcaption>图3 另一张</figcaption>');
  });

  it('namespaces ids by chapter, so footnotes of two chapters and the page anchors cannot clash', async () => {
    const files: Record<string, string> = await exampleFiles();
    files['chapters/02-shortcomings.md'] += '\n结案率偏低[^1]。\n\n[^1]: 见执法统计。\n\n<p id="measures">冒充章节锚点</p>\n';
    files['chapters/04-next-year.md'] += '\n明年再核[^1]。\n\n[^1]: 见年度计划。\n';
    const result = await buildReport(hostOf(files), session, ['html']);
    const html = new TextDecoder().decode(result.outputs.get('html'));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'measures')).toHaveLength(1);
    expect(html).toContain('href="#shortcomings-fn-1"');
    expect(ids).toContain('shortcomings-fn-1');
    expect(ids).toContain('next-year-fn-1');
    expect(html).toContain('<p class="footnotes-label" id="shortcomings-footnote-label">注释</p>');
  });
});

describe('raw HTML nested too deep for the renderer', () => {
  const build = async (chapter: string) => {
    const files: Record<string, string> = await exampleFiles();
    files['chapters/02-shortcomings.md'] += `\n${chapter}\n`;
    return buildReport(hostOf(files), session, ['html']);
  };

  it('is an error at its line, not a crash, whether in one block or spread over many', async () => {
    // Appended from line 19; spread one <div> per block, the 101st level is on line 19 + 2 × 100.
    for (const [deep, line] of [['<div>' + '<span>'.repeat(20_000) + 'x', 19], ['<div>\n\n'.repeat(5_000), 219]] as const) {
      const result = await build(deep);
      expect(result.outputs.size).toBe(0);
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'html-too-deep', severity: 'error', file: 'chapters/02-shortcomings.md', line }));
    }
  });

  it('lets a long hand-written table through, unclosed cells and rows included', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>第${i + 1}村<td>${i}件`).join('\n');
    const result = await build(`<table>\n${rows}\n</table>`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new TextDecoder().decode(result.outputs.get('html'))).toContain('<td>第300村</td>');
  });
});

describe('the published page', () => {
  it('forbids scripts and requests in its own Content-Security-Policy, and links the table of contents to the chapters', async () => {
    const html = await htmlWith('');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('<nav class="toc" aria-label="目录"><ol><li><a href="#measures">一、2024年度推进法治政府建设的主要举措和<span class="heading-end">成效</span></a></li>');
    expect(html).toContain('<section class="chapter" id="measures" data-chapter="measures">');
  });
});

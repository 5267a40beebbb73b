/**
 * Footnotes are numbered once through the whole report, as Word numbers a document's: a note in
 * the fourth chapter after one in the second is 2, in the DOCX, the HTML and the TXT alike, and a
 * label reused by another chapter ([^a] twice) names that chapter's own note. The DOCX is read back
 * from its XML and as LibreOffice prints it (CI installs LibreOffice; locally that test skips).
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
import { exampleFiles, hostOf, session } from './helpers.js';
import { linesOf, renderDocxToPdf, renderTools } from './pdf-render.js';

const tools = await renderTools();
if (!tools.ok && process.env.CI === 'true') throw new Error(`CI must render the DOCX, but ${tools.why}`);

const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('footnotes numbered through the report', () => {
  let outputs: Map<string, Uint8Array>;
  beforeAll(async () => {
    const files: Record<string, string | Uint8Array> = await exampleFiles();
    files['chapters/02-shortcomings.md'] += '\n结案率偏低[^a]。\n\n[^a]: 见执法统计甲。\n';
    files['chapters/04-next-year.md'] += '\n明年再核[^a]，另见[^b]，再见[^b]。\n\n[^a]: 见年度计划乙。\n\n[^b]: 见附件丙。\n';
    const result = await buildReport(hostOf(files), session, ['docx', 'html', 'txt']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    outputs = result.outputs;
  });

  it('TXT: 1 in the second chapter, 2 and 3 in the fourth, each note under its chapter', () => {
    const txt = decode(outputs.get('txt'));
    expect(txt).toContain('结案率偏低[1]。\n\n[1] 见执法统计甲。');
    expect(txt).toContain('明年再核[2]，另见[3]，再见[3]。\n\n[2] 见年度计划乙。\n\n[3] 见附件丙。');
  });

  it('HTML: the same numbers on the references and in each chapter\'s list of notes', () => {
    const html = decode(outputs.get('html'));
    const refs = [...html.matchAll(/<a href="#([\w-]+)"[^>]*data-footnote-ref[^>]*>(\d+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(refs).toEqual([['shortcomings-fn-a', '1'], ['next-year-fn-a', '2'], ['next-year-fn-b', '3'], ['next-year-fn-b', '3']]);
    const notes = [...html.matchAll(/<li id="([\w-]+)"><span class="marker">(\d+)\.<\/span>[\s\S]*?<p>([^<]*?)\s*<a/g)].map((m) => [m[1], m[2], m[3]]);
    expect(notes).toEqual([['shortcomings-fn-a', '1', '见执法统计甲。'], ['next-year-fn-a', '2', '见年度计划乙。'], ['next-year-fn-b', '3', '见附件丙。']]);
  });

  it('DOCX: Word\'s notes in the same order, so Word numbers them 1, 2, 3; a second reference is the raised 3', () => {
    const parts = unzipSync(outputs.get('docx')!);
    const document = decode(parts['word/document.xml']);
    const notes = new Map([...decode(parts['word/footnotes.xml']).matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((m) => [m[1], [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')]));
    // Word numbers footnotes by the order of their references in the document.
    const order = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => notes.get(m[1]!));
    expect(order).toEqual(['见执法统计甲。', '见年度计划乙。', '见附件丙。']);
    expect(document).toMatch(/<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr><w:t xml:space="preserve">3<\/w:t>/);
  });

  it.skipIf(!tools.ok)('DOCX as LibreOffice prints it: 1, then 2 and 3, at the foot of the page and in the text', async () => {
    const lines = (await renderDocxToPdf(outputs.get('docx')!, 'footnotes')).pages.flatMap(linesOf).map((l) => l.text);
    expect(lines).toContain('结案率偏低1。');
    expect(lines).toContain('1见执法统计甲。');
    expect(lines).toContain('明年再核2，另见3，再见3。');
    expect(lines).toContain('2见年度计划乙。');
    expect(lines).toContain('3见附件丙。');
  }, 120_000);
});

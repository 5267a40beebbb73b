import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleDir } from '../helpers.js';
import type { HostileCase } from './cases.js';

/**
 * The second probe's classes (issue 15): text that vanishes, files that block, outputs that
 * collide, limits applied after the work. Each case is a real process with a kill timer (see
 * hostile.test.ts); `$ROOT` in a file's text or in argv is the case's temp folder, which holds
 * the report at `report/` (and any `reports`) and nothing else.
 */

const OTHER = 'chapters/05-other.md';
const other = (body: string) => ({ [OTHER]: `---\nid: other\n---\n\n${body}\n` });
const SHORTCOMINGS = 'chapters/02-shortcomings.md';
const config = (extra: string, date = '2025-02-10') => ({ 'lawreport.yaml': `org: 示例镇人民政府\nyear: 2024\ndate: ${date}\n${extra}` });

/** A PNG of the given header size: signature, IHDR, and nothing a decoder would need beyond it. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width >>> 0, 8);
  ihdr.writeUInt32BE(height >>> 0, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
}

/** A minimal Word document with `n` paragraphs (what Word writes, less the styles). */
export function docxOfParagraphs(n: number, text = '镇政府依法行政，成效明显'): Buffer {
  // Numbered, so it compresses like real text, not like a zip bomb.
  const body = Array.from({ length: n }, (_, i) => `<w:p><w:r><w:t>${text}（${i}）。</w:t></w:r></w:p>`).join('');
  const files = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示例镇人民政府2024年法治政府建设年度报告</w:t></w:r></w:p>${body}</w:body></w:document>`),
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

const OWN_PROPERTIES = '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
  + [['lawreport', '1'], ['lawreport.profile', 'national'], ['lawreport.org', '示例镇人民政府'], ['lawreport.year', '2024'], ['lawreport.date', '2025-02-10'], ['lawreport.chapter.1', 'measures|chapters/01-measures.md']]
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`).join('')
  + '</Properties>';

/**
 * A DOCX as lawreport builds it (its custom properties say so, so import reads it back the own
 * way) with `n` body paragraphs; `hidden` bytes of XML go first under the same name as the
 * document, where a zip reader that keeps the last of two names never looks.
 */
export function ownDocxOf(n: number, hidden = 0): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const add = (name: string, parts: Iterable<Uint8Array>) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    let previous: Uint8Array | undefined;
    for (const part of parts) {
      if (previous) entry.push(previous);
      previous = part;
    }
    entry.push(previous ?? new Uint8Array(), true);
  };
  const document = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  const heading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、2024年度推进法治政府建设的主要举措和成效</w:t></w:r></w:p>';
  const blank = new Uint8Array(1 << 20).fill(0x20);
  if (hidden > 0) add('word/document.xml', (function* () { for (let done = 0; done < hidden; done += blank.length) yield blank; })());
  add('[Content_Types].xml', [strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')]);
  add('_rels/.rels', [strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')]);
  add('docProps/custom.xml', [strToU8(OWN_PROPERTIES)]);
  add('word/document.xml', [document(heading + Array.from({ length: n }, (_, i) => `<w:p><w:r><w:t>镇政府依法行政，成效明显（${i}）。</w:t></w:r></w:p>`).join(''))]);
  zip.end();
  return Buffer.concat(chunks);
}

/** The example's metrics.yaml with disputes.received set to `value` as written. */
const received = (value: string) => ({ 'metrics.yaml': readFileSync(path.join(exampleDir, 'metrics.yaml'), 'utf8').replace(/^(  received: )68\b/m, `$1${value}`) });
const receivedLine = readFileSync(path.join(exampleDir, 'metrics.yaml'), 'utf8').split('\n').findIndex((l) => /^  received: 68\b/.test(l)) + 1;

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
const headings = (n: number) => Array.from({ length: n }, (_, i) => `## 标题${i}\n`).join('\n');
const gif = (w: number, h: number) => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([w & 255, w >> 8, h & 255, h >> 8, 0, 0, 0]), Buffer.from([0x3b])]);

export const roundTwo: HostileCase[] = [
  // 1. Text silently lost: an unclosed raw-HTML block swallows the rest of its container.
  { class: 'lost-text', name: 'unclosed <!-- swallowing a required chapter (check)', files: { [SHORTCOMINGS]: '---\nid: shortcomings\n---\n\n<!-- 说明\n\n执法力量不足。\n' }, argv: ['check'], exit: 1, expect: /html-unclosed[\s\S]*02-shortcomings\.md|02-shortcomings\.md:5:1/ },
  { class: 'lost-text', name: 'unclosed <!-- after some text (build)', files: other('前面的正文。\n\n<!-- 这里写说明\n\n后面的正文不能丢。'), exit: 1, expect: '05-other.md:7:1' },
  { class: 'lost-text', name: 'unclosed <script> block', files: other('正文。\n\n<script>\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <style> block', files: other('<style>\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <pre> block', files: other('<pre>\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <textarea> block', files: other('<textarea>\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <? processing instruction', files: other('<?php\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <![CDATA[', files: other('<![CDATA[\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <!DOCTYPE', files: other('<!DOCTYPE html\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <!-- inside a block quote', files: other('> <!-- 引用里的说明\n> 引用里的正文。\n\n引用后的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <!-- inside a list item', files: other('- 第一项\n- <!-- 说明\n  第二项的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'unclosed <!-- filled in from a template', files: other('{{#if disputes.received}}<!-- 说明{{/if}}\n\n后面的正文。'), exit: 1, expect: 'html-unclosed' },
  { class: 'lost-text', name: 'a closed comment-only required chapter is empty', files: { [SHORTCOMINGS]: '---\nid: shortcomings\n---\n\n<!-- 说明 -->\n' }, argv: ['check'], exit: 1, expect: 'chapter-empty' },
  { class: 'lost-text', name: 'a closed comment before text keeps the text', files: other('<!-- 说明 -->\n\n后面的正文保留。'), exit: 0, outputContains: '后面的正文保留' },
  { class: 'lost-text', name: 'an unclosed inline <!-- stays visible', files: other('正文里有<!-- 半个注释，仍然显示。'), exit: 0, outputContains: '半个注释，仍然显示' },
  { class: 'lost-text', name: 'an unclosed {{!-- template comment', files: other('{{!-- 说明\n\n后面的正文。'), exit: 1, expect: 'template-syntax' },
  { class: 'lost-text', name: 'front matter never closed', files: { [OTHER]: '---\nid: other\n\n正文不能丢。\n' }, exit: 1, expect: 'front-matter' },

  // 2. A % in an image path.
  { class: 'image-path', name: 'a literal % in a missing image path (check)', files: other('![完成率](images/完成率100%.png)'), argv: ['check'], exit: 1, expect: /image-missing[\s\S]*05-other\.md|05-other\.md:5:1/ },
  { class: 'image-path', name: 'a broken %-escape (build)', files: other('![图](images/%E4%B8.png)'), exit: 1, expect: 'image-missing' },
  { class: 'image-path', name: 'an image whose name holds a literal %', files: { ...other('![完成率](images/完成率100%.png)'), 'images/完成率100%.png': pngHeader(2, 1) }, exit: 0 },
  { class: 'image-path', name: 'an image named with %-escapes', files: { ...other('![图](images/%E5%9B%BE.png)'), 'images/图.png': pngHeader(2, 1) }, exit: 0 },
  { class: 'image-path', name: 'an escaped NUL in an image path', files: other('![图](images/a%00.png)'), exit: 1, expect: /image-(missing|outside)/ },
  { class: 'image-path', name: 'a % path in raw HTML <img>', files: other('<img src="images/%ZZ.png">'), exit: 1, expect: /05-other\.md:5:1[^\n]*images\/%ZZ\.png/ },
  { class: 'image-path', name: 'an escaped ../ in an image path', files: other('![图](images/%2E%2E/%2E%2E/x.png)'), exit: 1, expect: /image-(missing|outside)/ },

  // 3. Dates that do not exist.
  { class: 'dates', name: 'date: 2025-02-30', files: config('', '2025-02-30'), argv: ['check'], exit: 1, expect: 'lawreport.yaml:3:7' },
  { class: 'dates', name: 'date: 2025-2-29 (not a leap year)', files: config('', '2025-2-29'), exit: 1, expect: '2025-2-29' },
  { class: 'dates', name: 'date: 2025-04-31', files: config('', '2025-04-31'), exit: 1, expect: 'lawreport.yaml:3:7' },
  { class: 'dates', name: 'date: "2025-02-30" quoted', files: config('', '"2025-02-30"'), exit: 1, expect: 'lawreport.yaml:3:7' },
  { class: 'dates', name: 'date: 2024-02-29 (a leap year) is fine', files: config('', '2024-02-29'), exit: 0 },
  { class: 'dates', name: 'init --date 2025-02-30', files: {}, argv: ['init', 'new', '--org', '示例镇人民政府', '--year', '2024', '--date', '2025-02-30'], exit: 2, expect: '2025-02-30' },
  { class: 'dates', name: '{{cndate "2025-02-30"}}', files: other('{{cndate "2025-02-30"}}'), exit: 1, expect: '05-other.md:5:1' },

  // 4. Reading something that is not a regular file.
  { class: 'special-files', name: 'metrics.yaml is a FIFO', files: {}, fifos: ['metrics.yaml'], exit: 2, expect: 'metrics.yaml' },
  { class: 'special-files', name: 'lawreport.yaml is a FIFO', files: {}, fifos: ['lawreport.yaml'], argv: ['check'], exit: 2, expect: 'lawreport.yaml' },
  { class: 'special-files', name: 'a chapter is a FIFO', files: {}, fifos: [SHORTCOMINGS], exit: 2, expect: '02-shortcomings.md' },
  { class: 'special-files', name: 'an image is a FIFO', files: other('![图](images/x.png)'), fifos: ['images/x.png'], exit: 2, expect: 'images/x.png' },
  { class: 'special-files', name: 'a template is a FIFO', files: {}, fifos: ['templates/title.hbs'], exit: 2, expect: 'templates/title.hbs' },
  { class: 'special-files', name: 'a symlink to a FIFO as metrics.yaml', files: {}, fifos: ['pipe'], symlinks: { 'metrics.yaml': 'pipe' }, exit: 2, expect: 'metrics.yaml' },
  { class: 'special-files', name: 'metrics.yaml is a socket', files: {}, sockets: ['metrics.yaml'], argv: ['check', '--lang', 'en'], exit: 2, expect: /metrics\.yaml[^\n]*not a regular file/ },
  { class: 'special-files', name: 'an image that is a socket', files: other('![图](images/s.png)'), sockets: ['images/s.png'], exit: 2, expect: /images\/s\.png[^\n]*不是普通文件/ },
  { class: 'special-files', name: 'a catalog that is a FIFO', files: config('catalog: own.yaml\n'), fifos: ['own.yaml'], exit: 2, expect: 'own.yaml' },
  { class: 'special-files', name: 'previous: metrics that are a FIFO', files: config('previous: last.yaml\n'), fifos: ['last.yaml'], exit: 0, expect: 'last.yaml' },
  { class: 'special-files', name: 'one FIFO folder in a batch still gets its summary', files: {}, fifos: ['metrics.yaml'], reports: { 'good': {} }, argv: ['check', 'report', 'good'], cwd: '', exit: 2, expect: /汇总：2 份报告，1 份通过/ },
  { class: 'special-files', name: 'metrics.yaml is a folder', files: {}, folders: ['metrics.yaml'], exit: 2, expect: /metrics\.yaml[^\n]*文件夹/ },
  { class: 'special-files', name: 'a folder named like a chapter is no chapter', files: {}, folders: ['chapters/06-extra.md'], exit: 0 },
  { class: 'special-files', name: 'textconv of a FIFO (git hands over anything)', files: {}, fifos: ['chapters/07-pipe.md'], argv: ['textconv', 'chapters/07-pipe.md'], exit: 2, expect: '07-pipe.md' },
  { class: 'special-files', name: 'fmt with a chapter that is a FIFO', files: {}, fifos: [SHORTCOMINGS], argv: ['fmt', '--check'], exit: 2, expect: /02-shortcomings\.md[^\n]*source-not-a-file/ },
  { class: 'special-files', name: 'import of a FIFO', files: {}, fifos: ['last.docx'], argv: ['import', 'last.docx', '-o', 'imported'], exit: 2, expect: 'last.docx' },

  // 5. Batch outputs collide.
  { class: 'batch-collisions', name: 'a/town and b/town into one -o', files: {}, reports: { 'a/town': {}, 'b/town': {} }, argv: ['build', 'a/town', 'b/town', '-o', 'out'], cwd: '', exit: 0, outputs: 6 },
  { class: 'batch-collisions', name: 'a glob of folders into one -o keeps their names', files: {}, reports: { 'reports/甲镇': {}, 'reports/乙镇': {} }, argv: ['build', 'reports/*', '-o', 'out'], cwd: '', exit: 0, outputs: 6, outputContains: 'out/甲镇/' },
  { class: 'batch-collisions', name: 'a report and one nested in it', files: {}, reports: { 'report/sub': {} }, argv: ['build', 'report', 'report/sub', '-o', 'out'], cwd: '', exit: 0, outputs: 6 },
  { class: 'batch-collisions', name: 'three towns of one name, no -o', files: {}, reports: { 'a/town': {}, 'b/town': {}, 'c/town': {} }, argv: ['build', 'a/town', 'b/town', 'c/town'], cwd: '', exit: 0, outputs: 9 },
  { class: 'batch-collisions', name: 'a batch -o inside one report\'s chapters/', files: {}, reports: { 'b': {} }, argv: ['build', 'report', 'b', '-o', 'report/chapters/out'], cwd: '', exit: 2, expect: 'chapters/', outputs: 0 },
  { class: 'batch-collisions', name: 'a batch -o that is one of the reports', files: {}, reports: { 'b': {} }, argv: ['build', 'report', 'b', '-o', 'b', '--lang', 'en'], cwd: '', exit: 2, expect: 'cannot be the report folder itself', outputs: 0 },
  { class: 'batch-collisions', name: 'the same folder twice by two names', files: {}, symlinks: { '../alias': 'report' }, argv: ['build', 'report', 'alias', '-o', 'out'], cwd: '', exit: 0 },

  // 6. A source file can write anywhere.
  { class: 'output-escape', name: 'output.dir: ../../x', files: config('output:\n  dir: ../../x\n'), exit: 1, expect: 'lawreport.yaml:5:8' },
  { class: 'output-escape', name: 'output.dir absolute, output.name: index', files: config('output:\n  dir: $ROOT/www\n  name: index\n'), exit: 1, expect: 'output-outside' },
  { class: 'output-escape', name: 'output.dir: dist/../../x', files: config('output:\n  dir: dist/../../x\n'), exit: 1, expect: 'output-outside' },
  { class: 'output-escape', name: 'output.dir: chapters', files: config('output:\n  dir: chapters\n'), exit: 1, expect: 'output-outside' },
  { class: 'output-escape', name: 'output.dir: ~/reports (the shell\'s ~, not expanded)', files: config('output:\n  dir: ~/reports\n'), exit: 1, expect: /lawreport\.yaml:5:8[^\n]*以 ~ 开头/, outputs: 0 },
  { class: 'output-escape', name: 'output.dir: . (the report folder itself)', files: config('output:\n  dir: .\n'), exit: 1, expect: 'output-outside' },
  { class: 'output-escape', name: 'output.dir through a symlink out of the folder', files: {}, symlinks: { 'dist': '../www' }, folders: ['../www'], exit: 2, expect: 'dist' },
  { class: 'output-escape', name: 'output.dir a link to a folder outside that does not exist yet', files: {}, symlinks: { 'dist': '../www/not-yet' }, folders: ['../www'], exit: 2, expect: /dist[^\n]*www/ },
  { class: 'output-escape', name: 'check reports output.dir outside too', files: config('output:\n  dir: ../x\n'), argv: ['check'], exit: 1, expect: 'output-outside' },
  { class: 'output-escape', name: 'output.name with slashes stays in dist', files: config('output:\n  name: ../../x\n'), exit: 0 },
  { class: 'output-escape', name: '-o through a symlink into chapters/', files: {}, symlinks: { 'link': 'chapters' }, args: ['-o', 'link'], exit: 2, expect: '不能是报告文件夹本身' },
  { class: 'output-escape', name: '-o through a symlink to the report folder', files: {}, symlinks: { 'self': '.' }, args: ['-o', 'self'], exit: 2, expect: '不能是报告文件夹本身' },
  { class: 'output-escape', name: '-o outside the folder is the user\'s choice', files: {}, args: ['-o', '../elsewhere'], exit: 0, outputs: 3 },

  // 7. Quadratic work on inputs within every cap.
  { class: 'superlinear', name: '100,000 headings in a chapter', files: other(headings(100_000)), argv: ['check', '--format', 'json'], exit: 1, expect: 'markdown-too-large' },
  { class: 'superlinear', name: '9,990 headings (just under the line cap)', files: other(headings(9_990)), argv: ['check', '--format', 'json'], exit: 1, expect: 'chapter-empty' },
  { class: 'superlinear', name: '4,990 headings each with a paragraph', files: other(Array.from({ length: 4_990 }, (_, i) => `## 标题${i}\n\n依法行政，成效明显。\n`).join('\n')), exit: 0 },
  { class: 'superlinear', name: '100,000 paragraphs', files: other('依法行政，成效明显。\n\n'.repeat(100_000)), exit: 1, expect: 'markdown-too-large' },
  { class: 'superlinear', name: '9,990 paragraphs', files: other('依法行政，成效明显。\n\n'.repeat(9_990)), exit: 0 },
  { class: 'superlinear', name: '19,990 table rows', files: other('| 项目 | 数量 |\n| --- | --- |\n' + '| 调解 | 66 |\n'.repeat(19_990)), exit: 1, expect: 'markdown-too-large' },
  { class: 'superlinear', name: '4,990 two-cell table rows (under the cell cap)', files: other('| 项目 | 数量 |\n| --- | --- |\n' + '| 调解 | 66 |\n'.repeat(4_990)), exit: 0 },
  { class: 'superlinear', name: '50,000 figure references on one line', files: other('受理{{disputes.received}}件，'.repeat(50_000)), exit: 1, expect: /05-other\.md:5:1[^\n]*template-too-large/ },
  { class: 'superlinear', name: '9,990 figure references (under the cap)', files: other('受理{{disputes.received}}件，\n'.repeat(9_990)), exit: 0 },
  { class: 'superlinear', name: '10,001 {{ on separate lines, in English', files: other('受理{{disputes.received}}件。\n'.repeat(10_001)), args: ['--lang', 'en'], exit: 1, expect: /05-other\.md:10005:1[^\n]*"\{\{…\}\}"/ },
  { class: 'superlinear', name: '60,000 stated figures in prose', files: other('调解矛盾纠纷68件，成功66件。'.repeat(60_000)), argv: ['check'], exit: 0 },
  { class: 'superlinear', name: '9,990 references to one image', files: { ...other('![图](images/a.png)\n\n'.repeat(9_990)), 'images/a.png': pngHeader(2, 1) }, exit: 1, expect: /05-other\.md:2005:1[^\n]*image-too-many/ },
  { class: 'superlinear', name: '1,000 references to one image (at the cap)', files: { ...other('![图](images/a.png)\n\n'.repeat(1_000)), 'images/a.png': pngHeader(2, 1) }, exit: 0 },
  { class: 'superlinear', name: '200 places of one 1 MB image', files: { ...other('![图](images/a.png)\n\n'.repeat(200)), 'images/a.png': Buffer.concat([pngHeader(2, 1), Buffer.alloc(1_000_000)]) }, exit: 1, expect: 'image-too-many', maxRssMB: 300 },
  { class: 'superlinear', name: '9,990 references to one missing image', files: other('![图](images/none.png)\n\n'.repeat(9_990)), exit: 1, expect: 'image-missing' },
  { class: 'superlinear', name: '150,000-paragraph DOCX import', files: { 'last.docx': docxOfParagraphs(150_000) }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 1, expect: /import-too-large|150001/ },
  { class: 'superlinear', name: '29,000-paragraph DOCX import (under the cap)', files: { 'last.docx': docxOfParagraphs(29_000) }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 0 },
  { class: 'superlinear', name: '150,000-paragraph DOCX that lawreport built', files: { 'last.docx': ownDocxOf(150_000) }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 1, expect: /import-too-large[\s\S]*150001|150001[\s\S]*import-too-large/, notExpect: /import-own-docx/ },
  { class: 'superlinear', name: 'a DOCX lawreport built, under the cap', files: { 'last.docx': ownDocxOf(2_000) }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 0, expect: 'import-own-docx' },
  { class: 'superlinear', name: 'a built DOCX hiding 300 MB under the document\'s name', files: { 'last.docx': ownDocxOf(10, 300 * 1024 * 1024) }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 0, expect: 'import-own-docx', maxRssMB: 250 },
  { class: 'superlinear', name: '150,000-line TXT import', files: { 'last.txt': '示例镇人民政府2024年法治政府建设年度报告\n' + '镇政府依法行政，成效明显。\n'.repeat(150_000) }, argv: ['import', 'last.txt', '-o', 'imported'], exit: 1, expect: 'import-too-large' },
  { class: 'superlinear', name: '5,000 footnote definitions between paragraphs', files: other(Array.from({ length: 5_000 }, (_, i) => `正文${i}[^${i}]。\n\n[^${i}]: 注${i}。`).join('\n\n')), argv: ['check'], exit: 1, expect: /05-other\.md:\d+:1[^\n]*markdown-too-complex|markdown-too-complex/ },
  { class: 'superlinear', name: '1,000 footnotes, each defined after its paragraph', files: other(Array.from({ length: 1_000 }, (_, i) => `正文${i}[^${i}]。\n\n[^${i}]: 注${i}。`).join('\n\n')), exit: 0, outputContains: '注999。' },
  { class: 'superlinear', name: '2,000 list items and 8,900 paragraphs', files: other('1. 项\n'.repeat(2000) + '\n正文\n'.repeat(8_900)), exit: 0 },

  // 8. Limits applied after reading the whole file (sparse files: no disk is used).
  { class: 'read-caps', name: 'a 600 MB metrics.yaml', files: {}, sparse: { 'metrics.yaml': 600e6 }, exit: 2, expect: /source-too-large[\s\S]*metrics\.yaml|metrics\.yaml[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB metrics.yaml', files: {}, sparse: { 'metrics.yaml': 3e9 }, exit: 2, expect: /source-too-large[\s\S]*metrics\.yaml|metrics\.yaml[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB lawreport.yaml', files: {}, sparse: { 'lawreport.yaml': 3e9 }, argv: ['check'], exit: 2, expect: /source-too-large[\s\S]*lawreport\.yaml|lawreport\.yaml[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB chapter', files: {}, sparse: { [SHORTCOMINGS]: 3e9 }, exit: 2, expect: /source-too-large[\s\S]*02\-shortcomings\.md|02\-shortcomings\.md[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB image', files: other('![图](images/big.png)'), sparse: { 'images/big.png': 3e9 }, exit: 2, expect: /source-too-large[\s\S]*images\/big\.png|images\/big\.png[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB template', files: {}, sparse: { 'templates/title.hbs': 3e9 }, exit: 2, expect: /source-too-large[\s\S]*templates\/title\.hbs|templates\/title\.hbs[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB catalog', files: config('catalog: own.yaml\n'), sparse: { 'own.yaml': 3e9 }, exit: 2, expect: /source-too-large[\s\S]*own\.yaml|own\.yaml[^\n]*source-too-large/ },
  { class: 'read-caps', name: 'a 3 GB DOCX to import', files: {}, sparse: { 'last.docx': 3e9 }, argv: ['import', 'last.docx', '-o', 'imported'], exit: 2, expect: /last\.docx[^\n]*50 MB/ },
  { class: 'read-caps', name: 'fmt of a 3 GB chapter does not say "all formatted"', files: {}, sparse: { [SHORTCOMINGS]: 3e9 }, argv: ['fmt'], exit: 2, expect: /02-shortcomings\.md[^\n]*source-too-large/, notExpect: /规范格式/ },
  { class: 'read-caps', name: 'check --fix of a 3 GB chapter', files: {}, sparse: { [SHORTCOMINGS]: 3e9 }, argv: ['check', '--fix'], exit: 2, expect: 'source-too-large', notExpect: /没有可自动修正/ },
  { class: 'read-caps', name: 'textconv of a 3 GB DOCX', files: {}, sparse: { 'big.docx': 3e9 }, argv: ['textconv', 'big.docx'], exit: 2, expect: /big\.docx[^\n]*3 GB/, notExpect: /ERR_|E[A-Z]{4,}/ },
  { class: 'read-caps', name: 'a 3 GB profile', files: config('profile: own-profile.yaml\n'), sparse: { 'own-profile.yaml': 3e9 }, exit: 2, expect: /source-too-large[\s\S]*own\-profile\.yaml|own\-profile\.yaml[^\n]*source-too-large/ },

  // 9. A reader that goes away.
  { class: 'closed-stdout', name: 'check | head -c 1 (3,000 findings)', files: other('法制政府。\n\n'.repeat(3000)), argv: ['check'], closeStdoutAfter: 1, exit: 1 },
  { class: 'closed-stdout', name: 'check --format json | head -c 100', files: other('法制政府。\n\n'.repeat(3000)), argv: ['check', '--format', 'json'], closeStdoutAfter: 100, exit: 1 },
  { class: 'closed-stdout', name: 'check --format github | head -c 1', files: other('法制政府。\n\n'.repeat(3000)), argv: ['check', '--format', 'github'], closeStdoutAfter: 1, exit: 1 },
  { class: 'closed-stdout', name: 'a clean check | head -c 1', files: {}, argv: ['check'], closeStdoutAfter: 1, exit: 0 },
  { class: 'closed-stdout', name: 'build | head -c 1', files: {}, closeStdoutAfter: 1, exit: 0 },
  { class: 'closed-stdout', name: 'a batch check | head -c 1', files: {}, reports: { 'b': {}, 'c': {} }, argv: ['check', 'report', 'b', 'c'], cwd: '', closeStdoutAfter: 1, exit: 0 },
  { class: 'closed-stdout', name: '--help | head -c 1', files: {}, argv: ['--help'], closeStdoutAfter: 1, exit: 0 },
  { class: 'closed-stdout', name: 'check --format sarif | head -c 1', files: other('法制政府。\n\n'.repeat(3000)), argv: ['check', '--format', 'sarif'], closeStdoutAfter: 1, exit: 1 },
  { class: 'closed-stdout', name: 'a batch check of failing reports | head -c 1', files: other('法制政府。\n\n'.repeat(2000)), reports: { 'b': other('法制政府。\n\n'.repeat(2000)) }, argv: ['check', 'report', 'b'], cwd: '', closeStdoutAfter: 1, exit: 1 },

  // 10. Long and odd titles as file names.
  { class: 'long-names', name: 'a title of 100 CJK characters', files: config(`title: ${'示'.repeat(100)}年度报告\n`), exit: 0, outputContains: '示'.repeat(100) },
  { class: 'long-names', name: 'an org of 80 CJK characters', files: { 'lawreport.yaml': `org: ${'示'.repeat(80)}人民政府\nyear: 2024\ndate: 2025-02-10\n` }, exit: 0 },
  { class: 'long-names', name: 'an output.name of 400 ASCII characters', files: config(`output:\n  name: ${'a'.repeat(400)}\n`), exit: 0 },
  { class: 'long-names', name: 'a title with U+202E and zero-width characters', files: config('title: "示例镇\\u202Excod.exe\\u200B\\uFEFF报告"\n'), exit: 0, namesMatch: /^[^\u202e\u200b\ufeff]+$/ },
  { class: 'long-names', name: 'a title of 70 emoji (astral characters)', files: config(`title: ${'📄'.repeat(70)}\n`), exit: 0 },
  { class: 'long-names', name: 'output.name: CON', files: config('output:\n  name: CON\n'), exit: 0, namesMatch: /^(?!CON\.)/i },
  { class: 'long-names', name: 'output.name: ".."', files: config('output:\n  name: ".."\n'), exit: 0 },
  { class: 'long-names', name: 'output.name of dots and spaces', files: config('output:\n  name: "... "\n'), exit: 0, namesMatch: /^[^.]/ },
  { class: 'long-names', name: '-o with a 300-byte folder name', files: {}, args: ['-o', 'x'.repeat(300)], exit: 2, expect: /太长/ },

  // 11. Hostile image headers.
  { class: 'image-header', name: 'a PNG header of 1 × 2,147,483,647', files: { ...other('![图](images/tall.png)'), 'images/tall.png': pngHeader(1, 2_147_483_647) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a PNG header of 0 × 0', files: { ...other('![图](images/zero.png)'), 'images/zero.png': pngHeader(0, 0) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a PNG header of 100,000 × 100,000', files: { ...other('![图](images/huge.png)'), 'images/huge.png': pngHeader(100_000, 100_000) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a PNG header of 4,294,967,295 × 1', files: { ...other('![图](images/wide.png)'), 'images/wide.png': pngHeader(0xffffffff, 1) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a GIF of 65,535 × 65,535', files: { ...other('![图](images/big.gif)'), 'images/big.gif': gif(65535, 65535) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'an SVG image', files: { ...other('![图](images/chart.svg)'), 'images/chart.svg': svg }, exit: 1, expect: 'SVG' },
  { class: 'image-header', name: 'an SVG saved as .png', files: { ...other('![图](images/chart.png)'), 'images/chart.png': svg }, exit: 1, expect: 'SVG' },
  { class: 'image-header', name: 'a PNG signature and nothing else', files: { ...other('![图](images/cut.png)'), 'images/cut.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a WebP image', files: { ...other('![图](images/a.webp)'), 'images/a.webp': Buffer.concat([Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x09\x00\x00\x09\x00\x00', 'latin1')]) }, exit: 1, expect: 'image-unreadable' },
  { class: 'image-header', name: 'a JPEG saved as .png is embedded as JPEG', files: { ...other('![图](images/photo.png)'), 'images/photo.png': Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/wAARCAACAAMDASIAAhEBAxEB/9k=', 'base64') }, exit: 0 },

  // 12. Template errors: Chinese, at the helper's own line and column.
  { class: 'template-errors', name: '{{fig}} with no argument', files: other('第一行。\n\n受理{{fig}}。'), exit: 1, expect: /05-other\.md:7:3[\s\S]*fig/ },
  { class: 'template-errors', name: '{{fig disputes}} (an object)', files: other('第一行。\n\n受理{{fig disputes}}。'), exit: 1, expect: /05-other\.md:7:3/ },
  { class: 'template-errors', name: '{{#each}} over its limit', files: other(`第一行。\n\n${'{{#each @root.pufa}}'.repeat(6)}甲${'{{/each}}'.repeat(6)}`), exit: 1, expect: /05-other\.md:7:\d+[^\n]*100000/ },
  { class: 'template-errors', name: '"../../" past levels Handlebars counts as one', files: other('第一行。\n\n{{#each disputes}}{{#each ../disputes}}{{../../report.year}}{{/each}}{{/each}}'), exit: 1, expect: /05-other\.md:7:\d+[^\n]*\.\.\/\.\.\/report\.year/ },
  { class: 'template-errors', name: 'an ordinary nested {{#each ../disputes}}', files: other('{{#each disputes}}{{@key}}：{{#each ../disputes}}{{this}}{{/each}}；{{/each}}'), exit: 0, outputContains: 'received：686697.1；', notExpect: /Cannot convert|TypeError/ },
  { class: 'template-errors', name: '{{#each}} over a number is no silent blank', files: other('第一行。\n\n受理{{#each disputes.received}}件{{/each}}。'), exit: 1, expect: /05-other\.md:7:3[^\n]*#each[^\n]*68/ },
  { class: 'template-errors', name: '{{#each}} over a string, in English', files: other('受理{{#each "abc"}}件{{/each}}。'), args: ['--lang', 'en'], exit: 1, expect: /05-other\.md:5:3[^\n]*group of data/ },
  { class: 'template-errors', name: '{{this}} inside {{#with disputes}}', files: other('{{#with disputes}}{{this}}{{/with}}'), exit: 1, notExpect: /\[object Object\]|Cannot convert/ },
  { class: 'template-errors', name: '{{pct disputes.mediated 0}}', files: other('第一行。\n\n比例{{pct disputes.mediated 0}}。'), exit: 1, expect: /05-other\.md:7:3[^\n]*[\u4e00-\u9fff]/ },
  { class: 'template-errors', name: '{{pct disputes.mediated}} (one argument)', files: other('比例{{pct disputes.mediated}}。'), exit: 1, expect: /05-other\.md:5:3/ },
  { class: 'template-errors', name: '{{sum disputes}}', files: other('合计{{sum disputes}}。'), exit: 1, expect: /05-other\.md:5:3/ },
  { class: 'template-errors', name: '{{diff disputes.received}}', files: other('相差{{diff disputes.received}}。'), exit: 1, expect: /05-other\.md:5:3/ },
  { class: 'template-errors', name: '{{cndate}} with nothing', files: other('日期{{cndate}}。'), exit: 1, expect: /05-other\.md:5:3/ },
  { class: 'template-errors', name: '{{fig disputes.received unit=5}}', files: other('受理{{fig disputes.received unit=5}}。'), exit: 1, expect: /05-other\.md:5:3/ },
  { class: 'template-errors', name: 'the same in English', files: other('受理{{fig}}。'), args: ['--lang', 'en'], exit: 1, expect: /05-other\.md:5:3[^\n]*fig/ },
  { class: 'template-errors', name: '{{lookup disputes}} with one argument', files: other('{{lookup disputes}}'), exit: 1, notExpect: /TypeError|Cannot/ },

  // 13. Numbers beyond 2^53.
  { class: 'big-numbers', name: '12345678901234567891 as a count', files: received('12345678901234567891'), exit: 1, expect: `metrics.yaml:${receivedLine}:13` },
  { class: 'big-numbers', name: '1e21 as a count', files: received('1e21'), exit: 1, expect: `metrics.yaml:${receivedLine}:13` },
  { class: 'big-numbers', name: '9007199254740993 (2^53 + 1)', files: received('9007199254740993'), exit: 1, expect: `metrics.yaml:${receivedLine}:13` },
  { class: 'big-numbers', name: '1e-400 (reads as 0)', files: received('1e-400'), exit: 1, expect: new RegExp(`metrics\\.yaml:${receivedLine}:13[^\\n]*1e-400`) },
  { class: 'big-numbers', name: '0.0 and 0e5 are zeros as written', files: { 'metrics.yaml': readFileSync(path.join(exampleDir, 'metrics.yaml'), 'utf8').replace(/^(  received: )68\b/m, '$10e5').replace(/^(  mediated: )66\b/m, '$10.0') }, argv: ['check', '--format', 'json'], exit: 1, notExpect: /number-unsafe/ },
  { class: 'big-numbers', name: '.inf as a count', files: received('.inf'), exit: 1, expect: `metrics.yaml:${receivedLine}:13` },
  { class: 'big-numbers', name: '-.inf as a count', files: received('-.inf'), exit: 1, expect: `metrics.yaml:${receivedLine}:13` },
  { class: 'big-numbers', name: '.nan as a rate', files: { 'metrics.yaml': 'disputes:\n  received: 68\n  mediated: 66\n  rate: .nan\n' }, exit: 1, expect: 'metrics.yaml:4:9' },
  { class: 'big-numbers', name: 'a huge number in a custom group', files: { 'metrics.yaml': 'disputes:\n  received: 68\n  mediated: 66\nextra:\n  big: 1e300\n' }, exit: 1, expect: 'metrics.yaml:5:8' },
  { class: 'big-numbers', name: '2^53 − 1 is still a count', files: { ...received('9007199254740991'), ...other('受理{{disputes.received}}件。') }, exit: 0, outputContains: '9007199254740991' },
  { class: 'big-numbers', name: 'last year\'s figures beyond 2^53', files: { ...config('previous: last.yaml\n'), 'last.yaml': 'disputes:\n  received: 12345678901234567891\n' }, exit: 0, expect: 'last.yaml:2:13' },

  // 14. Messages that say what is wrong.
  { class: 'messages', name: 'a symlink loop as metrics.yaml', files: {}, symlinks: { 'metrics.yaml': 'metrics.yaml' }, exit: 2, expect: /metrics\.yaml[^\n]*(循环|链接)/, notExpect: /ELOOP/ },
  { class: 'messages', name: '-o through a file (EEXIST/ENOTDIR)', files: { 'not-a-folder': 'x' }, args: ['-o', 'not-a-folder/out'], exit: 2, expect: 'not-a-folder', notExpect: /E[A-Z]{4,}/ },
  { class: 'messages', name: '-o /proc/x (mkdir says ENOENT inside a folder that exists)', files: {}, args: ['-o', '/proc/lawreport-out'], exit: 2, expect: '/proc/lawreport-out', notExpect: /ENOENT/ },
  { class: 'messages', name: 'a deep -o beyond the path limit (ENAMETOOLONG)', files: {}, args: ['-o', Array(20).fill('目'.repeat(80)).join('/')], exit: 2, notExpect: /ENAMETOOLONG/ },
  { class: 'messages', name: 'metrics.yaml as a folder is not "absent"', files: {}, folders: ['metrics.yaml'], argv: ['check'], exit: 2, expect: '文件夹', notExpect: /metric-required/ },
  { class: 'messages', name: 'a 4 MB data: URI image', files: other(`![图](data:image/png;base64,${'A'.repeat(4_000_000)})`), exit: 1, expect: 'data:', maxOutputBytes: 20_000 },
  { class: 'messages', name: 'a 1 MB image path', files: other(`![图](images/${'长'.repeat(1_000_000)}.png)`), exit: 2, expect: /05-other\.md:5:1[^\n]*images\/长/, maxOutputBytes: 20_000 },
  { class: 'messages', name: 'a 1 MB unknown figure path', files: other(`{{${'a'.repeat(1_000_000)}}}`), exit: 1, expect: 'template-unknown-path', maxOutputBytes: 20_000 },
  { class: 'messages', name: 'a duplicate << key', files: { 'lawreport.yaml': `a: &a {org: 示例镇人民政府}\nb: &b {year: 2024}\n<<: *a\n<<: *b\ndate: 2025-02-10\n` }, argv: ['check'], exit: 1, expect: /yaml-duplicate-key[\s\S]*第 3 行|lawreport\.yaml:4:1[^\n]*<</, notExpect: /缩进/ },
  { class: 'special-files', name: 'a chapter that is a symlink out of the folder', files: { '../outside.md': '---\nid: other\n---\n\n外面的正文。\n' }, symlinks: { 'chapters/06-extra.md': '../../outside.md' }, exit: 2, expect: /06-extra\.md[^\n]*source-outside|source-outside[\s\S]*06-extra\.md/ },
  { class: 'special-files', name: 'metrics.yaml a symlink out of the folder (check)', files: { '../m.yaml': 'disputes:\n  received: 68\n' }, symlinks: { 'metrics.yaml': '../m.yaml' }, argv: ['check'], exit: 2, expect: 'source-outside' },
  // A folder on the way that is a link (not the file itself): its files are outside too.
  { class: 'special-files', name: 'templates/ a symlink to a folder out of the folder (check)', files: { '../tpl/title.hbs': '外面的标题\n' }, symlinks: { 'templates': '../tpl' }, argv: ['check'], exit: 2, expect: /templates\/title\.hbs[^\n]*source-outside/ },
  { class: 'messages', name: 'a Windows path in double quotes: a YAML reason in Chinese', files: config('title: "D:\\报告\\x示例"\n'), argv: ['check'], exit: 1, expect: /lawreport\.yaml:4:\d+[^\n]*反斜杠/, notExpect: /expected hexadecimal|escape sequence/ },
  { class: 'messages', name: 'an unclosed [ in metrics.yaml, in Chinese and in English', files: { 'metrics.yaml': 'disputes:\n  received: [68\n  mediated: 66\n' }, argv: ['check', '--lang', 'en'], exit: 1, expect: /metrics\.yaml:\d+:\d+[^\n]*YAML syntax error/ },
  { class: 'messages', name: 'a chapter that is a dangling symlink', files: {}, symlinks: { 'chapters/06-extra.md': 'nowhere.md' }, exit: 2, expect: '06-extra.md' },
];

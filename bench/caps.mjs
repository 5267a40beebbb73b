// The slowest inputs that pass each cap of the Safety section, and inputs just past it, each as
// its own real process (wall time and peak RSS from /usr/bin/time): what "every limit bounds time
// and memory for what passes it" costs at the limit. A benchmark, not a test (issue 15):
// `npm run build && node bench/caps.mjs` (≈ 2 minutes; Linux, /usr/bin/time).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { MARKDOWN_LIMITS } from '../lib/markdown/guard.js';
import { MAX_IMPORT_PARAGRAPHS } from '../lib/import/limits.js';
import { IMAGE_LIMITS } from '../lib/compile/assets.js';
import { YAML_LIMITS } from '../lib/source/yaml.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'lawreport.js');
const example = path.join(root, 'examples', 'shilizhen-2024');
const chapter = (body) => ({ 'chapters/05-other.md': `---\nid: other\n---\n\n${body}\n` });
const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

function docx(paragraphs) {
  const body = Array.from({ length: paragraphs }, (_, i) => `<w:p><w:r><w:t>镇政府依法行政，成效明显（${i}）。</w:t></w:r></w:p>`).join('');
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示例镇人民政府2024年法治政府建设年度报告</w:t></w:r></w:p>${body}</w:body></w:document>`),
  }));
}

const under = (n) => n - 10;
const L = MARKDOWN_LIMITS.maxLines;
const cases = [
  ['chapter: headings at the line cap', `${L} lines`, chapter(lines(under(L) / 2, (i) => `## 标题${i}\n`)), ['check']],
  ['chapter: headings past the line cap', '10 × the cap', chapter(lines(L * 5, (i) => `## 标题${i}\n`)), ['check']],
  ['chapter: paragraphs at the line cap', `${L} lines`, chapter(lines(under(L) / 2, () => '依法行政，成效明显。\n')), ['build']],
  ['chapter: a table at the cell cap', `${MARKDOWN_LIMITS.maxTableCells} cells`, chapter('| 项目 | 数量 |\n| --- | --- |\n' + '| 调解 | 66 |\n'.repeat(under(MARKDOWN_LIMITS.maxTableCells) / 2)), ['build']],
  ['chapter: one paragraph at the character cap', `${MARKDOWN_LIMITS.maxChars / 1e6} M characters`, chapter('法治政府建设'.repeat(under(MARKDOWN_LIMITS.maxChars) / 6)), ['build']],
  ['chapter: quotes between paragraphs at the container cap', `${MARKDOWN_LIMITS.maxContainerMarks} quotes`, chapter(lines(under(MARKDOWN_LIMITS.maxContainerMarks), (i) => `正文${i}。\n\n> 引文${i}。\n`)), ['check']],
  ['chapter: footnotes between paragraphs at the container cap', `${MARKDOWN_LIMITS.maxContainerMarks} notes`, chapter(lines(under(MARKDOWN_LIMITS.maxContainerMarks), (i) => `正文${i}[^${i}]。\n\n[^${i}]: 注${i}。\n`)), ['build']],
  ['chapter: a file past the byte cap (sparse)', '3 GB', { sparse: ['chapters/02-shortcomings.md', 3e9] }, ['check']],
  ['metrics.yaml past the YAML cap (sparse)', '600 MB', { sparse: ['metrics.yaml', 600e6] }, ['check']],
  ['image past the image cap (sparse)', '3 GB', { ...chapter('![图](images/big.png)'), sparse: ['images/big.png', 3e9] }, ['check']],
  ['import: DOCX at the paragraph cap', `${MAX_IMPORT_PARAGRAPHS} paragraphs`, { 'last.docx': docx(under(MAX_IMPORT_PARAGRAPHS)) }, ['import', 'last.docx', '-o', 'imported']],
  ['import: DOCX of 150,000 paragraphs', '5 × the cap', { 'last.docx': docx(150_000) }, ['import', 'last.docx', '-o', 'imported']],
  ['import: TXT at the line cap', `${MAX_IMPORT_PARAGRAPHS} lines`, { 'last.txt': '示例镇人民政府2024年法治政府建设年度报告\n' + '镇政府依法行政，成效明显。\n'.repeat(under(MAX_IMPORT_PARAGRAPHS)) }, ['import', 'last.txt', '-o', 'imported']],
];

console.log(`caps: chapter ${L} lines, ${MARKDOWN_LIMITS.maxTableCells} table cells, ${MARKDOWN_LIMITS.maxChars} characters, ${MARKDOWN_LIMITS.maxBytes} bytes; YAML ${YAML_LIMITS.maxBytes} bytes; image ${IMAGE_LIMITS.maxBytes} bytes; import ${MAX_IMPORT_PARAGRAPHS} paragraphs`);
console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| input | size | command | exit | wall | peak RSS |');
console.log('| --- | --- | --- | ---: | ---: | ---: |');
for (const [name, size, files, argv] of cases) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawreport-caps-'));
  const report = path.join(dir, 'report');
  cpSync(example, report, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  for (const [file, content] of Object.entries(files)) {
    if (file === 'sparse') continue;
    writeFileSync(path.join(report, file), content);
  }
  if (files.sparse) {
    mkdirSync(path.dirname(path.join(report, files.sparse[0])), { recursive: true });
    const fd = openSync(path.join(report, files.sparse[0]), 'w');
    ftruncateSync(fd, files.sparse[1]);
    closeSync(fd);
  }
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...argv], { cwd: report, encoding: 'utf8', maxBuffer: 1 << 28 });
  const [wall, rss] = run.stderr.trim().split('\n').at(-1).split(' ');
  console.log(`| ${name} | ${size} | ${argv[0]} | ${run.status} | ${Number(wall).toFixed(1)} s | ${Math.round(Number(rss) / 1024)} MB |`);
  rmSync(dir, { recursive: true, force: true });
}

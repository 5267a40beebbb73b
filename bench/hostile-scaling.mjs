// How the pathological Markdown of test/hostile/cases.ts scales: each shape at size n and 10n,
// through the whole in-memory pipeline (template, guard, parse, DOCX, HTML, TXT). Issue 9 asks
// that 10× the input cost at most ≈ 15× the time (no quadratic blow-up). A benchmark, not a test:
// `npm run build && node bench/hostile-scaling.mjs`.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../lib/pipeline/build.js';
import { memoryHost } from '../lib/io/host.js';
import { nodeHost } from '../lib/io/node-host.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'shilizhen-2024');
const files = {};
for (const entry of await readdir(example, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.parentPath.includes('dist')) continue;
  const full = path.join(entry.parentPath, entry.name);
  files[path.relative(example, full)] = await readFile(full, 'utf8');
}
const builtins = nodeHost(root);

const shapes = {
  'separate quotes (≤ budget)': (n) => '> 甲\n\n'.repeat(n / 20),
  'unmatched [': (n) => '['.repeat(n) + '文',
  'emphasis openers': (n) => '*甲 '.repeat(n),
  'emphasis closers': (n) => '甲* '.repeat(n),
  'mixed * and _': (n) => '*甲 _乙 '.repeat(n),
  'backtick runs': (n) => Array.from({ length: n }, (_, i) => '`'.repeat((i % 60) + 1)).join(' 甲 '),
  'unclosed links': (n) => '[甲](乙 '.repeat(n),
  'nested link openers': (n) => '[甲'.repeat(n) + '](b)'.repeat(n),
  'line of *': (n) => '*'.repeat(n * 10),
  'link reference definitions': (n) => '[甲]: http://example.com\n'.repeat(n / 10) + '[甲]'.repeat(n / 10),
  'plain paragraphs': (n) => '法治政府建设稳步推进。\n\n'.repeat(n / 10),
};

async function time(body) {
  const report = { ...files, 'chapters/05-other.md': `---\nid: other\n---\n\n${body}\n` };
  const start = performance.now();
  await buildReport(memoryHost(report), builtins, ['docx', 'html', 'txt']);
  return performance.now() - start;
}

const n = Number(process.argv[2] ?? 5000);
console.log(`| shape | n = ${n} | 10n | ratio |\n| --- | ---: | ---: | ---: |`);
await time('预热'); // warm the code paths once
for (const [name, make] of Object.entries(shapes)) {
  const small = Math.min(await time(make(n)), await time(make(n)));
  const large = Math.min(await time(make(n * 10)), await time(make(n * 10)));
  console.log(`| ${name} | ${small.toFixed(0)} ms | ${large.toFixed(0)} ms | ${(large / small).toFixed(1)}× |`);
}

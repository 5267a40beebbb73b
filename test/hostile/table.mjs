#!/usr/bin/env node
// The hostile table, from the last run's outcomes (test/hostile/hostile.test.ts writes
// test-results/hostile.json): per class, cases, crashes, hangs, sources changed, outputs lost
// (reported written yet gone or replaced, or written outside where the user allowed) and the
// slowest case. `node test/hostile/table.mjs [outcomes.json]`; prints Markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'hostile.json');
let outcomes;
try {
  outcomes = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.error(`No outcomes at ${file}: run \`npx vitest run test/hostile/hostile.test.ts\` first.`);
  process.exit(2);
}

const classes = new Map();
for (const o of outcomes) {
  const row = classes.get(o.class) ?? { cases: 0, crashes: 0, hangs: 0, sources: 0, lost: 0, partial: 0, slowest: undefined, peak: 0 };
  row.cases++;
  if (o.crashed) row.crashes++;
  if (o.hung) row.hangs++;
  if (o.sourcesChanged) row.sources++;
  row.lost += o.outputsLost + o.writtenOutside.length;
  if (o.partialOutputs) row.partial++;
  if (!row.slowest || o.ms > row.slowest.ms) row.slowest = o;
  row.peak = Math.max(row.peak, o.peakMB ?? 0);
  classes.set(o.class, row);
}

const lines = [
  '| class | cases | crashes | hangs | sources changed | outputs lost | partial outputs | slowest (ms) | slowest case | peak RSS (MB) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
];
const total = { cases: 0, crashes: 0, hangs: 0, sources: 0, lost: 0, partial: 0, ms: 0, peak: 0 };
for (const [name, r] of classes) {
  lines.push(`| ${name} | ${r.cases} | ${r.crashes} | ${r.hangs} | ${r.sources} | ${r.lost} | ${r.partial} | ${r.slowest.ms} | ${r.slowest.name.replaceAll('|', '\\|')} | ${r.peak} |`);
  total.cases += r.cases;
  total.crashes += r.crashes;
  total.hangs += r.hangs;
  total.sources += r.sources;
  total.lost += r.lost;
  total.partial += r.partial;
  total.ms = Math.max(total.ms, r.slowest.ms);
  total.peak = Math.max(total.peak, r.peak);
}
lines.push(`| **all** | ${total.cases} | ${total.crashes} | ${total.hangs} | ${total.sources} | ${total.lost} | ${total.partial} | ${total.ms} | | ${total.peak} |`);
console.log(lines.join('\n'));

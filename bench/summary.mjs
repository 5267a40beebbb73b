// `node bench/summary.mjs` (part of `npm run bench`): the district office's case, `lawreport summary`
// over 500 generated reports, against `lawreport check` over the same 500 (what the summary adds to
// a batch check). Prints time and peak RSS, in all and per report, and writes
// bench/out/summary.{json,md}. A benchmark, not a test: nothing fails on a slow machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDistrict } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
const cli = path.join(here, '..', 'bin', 'lawreport.js');
const reports = Number(process.argv.find((a) => /^--reports=\d+$/.test(a))?.split('=')[1] ?? 500);
const runs = process.argv.includes('--quick') ? 1 : 3;
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

console.log(`generating ${reports} reports …`);
const root = path.join(out, `district-${reports}`);
await generateDistrict(root, reports);
const target = path.join(out, 'outputs', 'summary');

/** One run: wall time; CPU time (user + system) and peak RSS from GNU time, or peak RSS alone from the --import hook. */
function once(args) {
  rmSync(target, { recursive: true, force: true });
  const rssFile = path.join(out, 'rss.txt');
  const argv = gnuTime ? ['/usr/bin/time', '-f', '%M %U %S', 'node', cli, ...args] : ['node', '--import', path.join(here, 'rss-hook.mjs'), cli, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LAWREPORT_BENCH_RSS: rssFile }, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lawreport ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!gnuTime) return { wall, cpu: null, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  const [rss, user, system] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, rssMiB: rss / 1024 };
}

/** The median run by wall time. */
function measure(label, args) {
  const samples = Array.from({ length: runs }, () => once(args)).sort((a, b) => a.wall - b.wall);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label}: ${(median.wall / 1000).toFixed(1)} s, peak RSS ${median.rssMiB.toFixed(0)} MiB`);
  return { label, wallMs: median.wall, cpuMs: median.cpu, rssMiB: median.rssMiB, runs };
}

const glob = path.join(root, '*');
const check = measure(`lawreport check, ${reports} reports`, ['check', glob]);
const summary = measure(`lawreport summary, ${reports} reports (xlsx + html)`, ['summary', glob, '-o', target]);
const sizes = Object.fromEntries(['汇总.xlsx', '汇总.html'].map((f) => [f, statSync(path.join(target, f)).size]));

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: `${os.cpus()[0]?.model.trim()} × ${os.availableParallelism()}`,
  node: process.version,
  loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  rss: gnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS',
};
const per = (r) => `${(r.wallMs / reports).toFixed(1)} ms`;
const md = [
  `${machine.date} · ${machine.cpu} · Node ${machine.node} · load ${machine.loadAverage} · median of ${runs}`,
  '',
  '| case | wall | wall per report | CPU (user+sys) per report | peak RSS | peak RSS per report |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...[check, summary].map((r) => `| ${r.label} | ${(r.wallMs / 1000).toFixed(1)} s | ${per(r)} | ${r.cpuMs === null ? '–' : `${(r.cpuMs / reports).toFixed(1)} ms`} | ${r.rssMiB.toFixed(0)} MiB | ${((r.rssMiB * 1024) / reports).toFixed(0)} KiB |`),
  '',
  `Outputs: 汇总.xlsx ${(sizes['汇总.xlsx'] / 1024).toFixed(0)} KB, 汇总.html ${(sizes['汇总.html'] / 2 ** 20).toFixed(1)} MB. The summary over the check: ${((summary.wallMs - check.wallMs) / 1000).toFixed(1)} s.`,
].join('\n');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'summary.json'), JSON.stringify({ machine, reports, check, summary, sizes }, null, 2) + '\n');
writeFileSync(path.join(out, 'summary.md'), md + '\n');
console.log(`\n${md}\n\nwritten: bench/out/summary.json, bench/out/summary.md`);

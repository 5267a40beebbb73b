// `npm run bench`: times lawreport against the floor (`node -e 0`) and pandoc on a generated corpus,
// prints a table, and writes bench/out/results.{json,md}. Benchmarks, not tests: nothing here fails
// on a slow machine; the budget lines say which target was met in this run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const out = path.join(here, 'out');
const cli = path.join(repo, 'bin', 'lawreport.js');
const quick = process.argv.includes('--quick');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const version = (cmd, args) => (has(cmd) ? execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim() : 'absent');
const hyperfine = has('hyperfine');
const pandoc = has('pandoc');
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

/** Shell-quotes for the compound commands (loops, pandoc's three conversions). */
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const node = (...args) => ['node', cli, ...args];

console.log('generating corpus …');
const corpus = await generateCorpus(path.join(out, 'corpus'));
const outputs = path.join(out, 'outputs');
rmSync(outputs, { recursive: true, force: true });
mkdirSync(outputs, { recursive: true });
const pandoc3 = (md, dest) =>
  [`pandoc ${q(md)} -o ${q(dest)}.docx`, `pandoc ${q(md)} -s --metadata title=report -o ${q(dest)}.html`, `pandoc ${q(md)} -t plain -o ${q(dest)}.txt`].join(' && ');
const batchDirs = corpus.batch;

/** What is timed. `runs` repeats (median); cases that take a minute run once. */
const cases = [
  { id: 'floor', label: 'node -e 0', argv: ['node', '-e', '0'], runs: 20 },
  { id: 'check', label: 'lawreport check (typical)', argv: node('check', corpus.typical), runs: 10 },
  { id: 'build', label: 'lawreport build, 3 formats (typical)', argv: node('build', corpus.typical, '-o', path.join(outputs, 'build')), runs: 10 },
  { id: 'build-docx', label: 'lawreport build -f docx (typical)', argv: node('build', corpus.typical, '-f', 'docx', '-o', path.join(outputs, 'docx')), runs: 10 },
  pandoc && { id: 'pandoc', label: 'pandoc → docx, html, txt (typical)', argv: ['sh', '-c', pandoc3(`${corpus.typical}.md`, path.join(outputs, 'pandoc'))], runs: 10 },
  { id: 'build-long', label: 'lawreport build, 3 formats (long)', argv: node('build', corpus.long, '-o', path.join(outputs, 'long')), runs: 3, warmup: 1 },
  pandoc && { id: 'pandoc-long', label: 'pandoc → docx, html, txt (long)', argv: ['sh', '-c', pandoc3(`${corpus.long}.md`, path.join(outputs, 'pandoc-long'))], runs: 3, warmup: 1 },
  { id: 'batch', label: `lawreport build, ${batchDirs.length} reports, one process`, argv: node('build', path.join(out, 'corpus', 'batch', '*'), '-o', path.join(outputs, 'batch')), runs: 3, warmup: 0 },
  {
    // A process per report costs a minute or two for all 100: every tenth one is timed and the time scaled.
    id: 'batch-per-report',
    label: `lawreport build, ${batchDirs.length} × one process each (every 10th timed, × 10)`,
    scale: 10,
    argv: ['sh', '-c', batchDirs.filter((_, i) => i % 10 === 0).map((d) => `node ${q(cli)} build ${q(d)} -o ${q(path.join(outputs, 'per-report', path.basename(d)))} >/dev/null`).join(' && ')],
    runs: 1,
  },
  pandoc && {
    id: 'batch-pandoc',
    label: `pandoc, ${batchDirs.length * 3} calls (${batchDirs.length} reports × 3 formats)`,
    argv: ['sh', '-c', batchDirs.map((d) => pandoc3(`${d}.md`, path.join(outputs, 'pandoc-batch', path.basename(d)))).join(' && ')],
    runs: 1,
    before: () => mkdirSync(path.join(outputs, 'pandoc-batch'), { recursive: true }),
  },
].filter(Boolean);

const results = {};
for (const c of cases) {
  c.before?.();
  const runs = quick ? Math.min(c.runs, 3) : c.runs;
  process.stdout.write(`timing ${c.label} (${runs} run${runs > 1 ? 's' : ''}) …\n`);
  const warmup = c.warmup ?? (c.runs > 1 ? 2 : 0);
  const t = hyperfine ? timeWithHyperfine(c.argv, runs, warmup) : timeWithLoop(c.argv, runs, warmup);
  const scale = (v) => (v === null ? null : v * (c.scale ?? 1));
  results[c.id] = { label: c.label, ...t, ms: scale(t.ms), userMs: scale(t.userMs), systemMs: scale(t.systemMs), rssMiB: c.runs > 1 ? peakRss(c.argv, c.runs >= 10 ? 3 : 1) : null };
}

/** hyperfine without a shell (-N); compound commands are `sh -c …` themselves. Median wall, mean user/system. */
function timeWithHyperfine(argv, runs, warmup) {
  const json = path.join(out, 'hyperfine.json');
  const command = argv.map((a) => (/^[\w./=,*-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, '\\$1')}"`)).join(' ');
  execFileSync('hyperfine', ['-N', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json, command], { stdio: ['ignore', 'ignore', 'inherit'] });
  const r = JSON.parse(readFileSync(json, 'utf8')).results[0];
  return { ms: r.median * 1000, userMs: r.user * 1000, systemMs: r.system * 1000, runs, tool: 'hyperfine' };
}

/** Without hyperfine: spawn, time, take the median of the wall times (after the warm-up runs). */
function timeWithLoop(argv, runs, warmup) {
  const times = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}`);
    if (i >= warmup) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], userMs: null, systemMs: null, runs, tool: 'loop' };
}

/** Peak RSS in MiB: GNU time's %M, or for node commands the --import hook; the median of `n` runs. */
function peakRss(argv, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    if (gnuTime) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      samples.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
    } else if (argv[0] === 'node') {
      const file = path.join(out, 'rss.txt');
      spawnSync('node', ['--import', path.join(here, 'rss-hook.mjs'), ...argv.slice(1)], { stdio: 'ignore', env: { ...process.env, LAWREPORT_BENCH_RSS: file } });
      samples.push(Number(readFileSync(file, 'utf8')) / 1024);
    } else return null;
  }
  return samples.sort((a, b) => a - b)[Math.floor(n / 2)];
}

// Ratios and the budget, all from this one run.
const ms = (id) => results[id]?.ms;
const floor = ms('floor');
const pandocMs = ms('pandoc');
const pages = (file) => [...readFileSync(file, 'utf8')].length / (28 * 22); // GB/T 9704: 22 lines × 28 characters
const txtOf = (dir) => path.join(dir, readdirSync(dir).find((f) => f.endsWith('.txt')));
const typicalPages = pages(txtOf(path.join(outputs, 'build')));
const longPages = pages(txtOf(path.join(outputs, 'long')));
const perPage = { typical: ms('build') / typicalPages, long: ms('build-long') / longPages };

const cpu = (id) => (results[id] && results[id].userMs !== null ? results[id].userMs + results[id].systemMs : undefined);
const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
// Wall time decides (it is what the targets say); CPU time is shown beside it because a loaded
// machine stretches wall time but hardly CPU time.
const budget = [
  { target: 'check ≤ 1.5 × node -e 0', wall: ratio(ms('check'), floor), cpu: ratio(cpu('check'), cpu('floor')), limit: 1.5, cmp: '≤' },
  pandocMs && { target: 'build (3 formats + checks) ≤ 1.0 × pandoc ×3', wall: ratio(ms('build'), pandocMs), cpu: ratio(cpu('build'), cpu('pandoc')), limit: 1.0, cmp: '≤' },
  results['batch-pandoc'] && {
    target: `batch of ${batchDirs.length} ≥ 20 × faster than ${batchDirs.length * 3} pandoc calls`,
    wall: ratio(ms('batch-pandoc'), ms('batch')),
    cpu: ratio(cpu('batch-pandoc'), cpu('batch')),
    limit: 20,
    cmp: '≥',
  },
  { target: 'batch keeps both cores busy (CPU time / wall time)', wall: ratio(cpu('batch'), ms('batch')), limit: Math.min(2, os.availableParallelism()) * 0.75, cmp: '≥' },
  results.build.rssMiB !== null && { target: 'peak RSS, build of the typical report ≤ 150 MB', wall: results.build.rssMiB * 1.048576, limit: 150, cmp: '≤', unit: ' MB' },
  { target: 'long report: time per page ≤ 2 × typical', wall: perPage.long / perPage.typical, cpu: ratio(cpu('build-long'), cpu('build')) && (cpu('build-long') / longPages) / (cpu('build') / typicalPages), limit: 2, cmp: '≤' },
]
  .filter((b) => b && b.wall !== undefined)
  .map((b) => ({ ...b, met: b.cmp === '≤' ? b.wall <= b.limit : b.wall >= b.limit }));

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: `${os.cpus()[0]?.model.trim()} × ${os.availableParallelism()}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  pandoc: version('pandoc', ['--version']),
  timer: hyperfine ? version('hyperfine', ['--version']) : 'own loop (hyperfine absent)',
  rss: gnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (node commands only; apt-get install time for all)',
  loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
};

const fmtMs = (v) => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const rows = Object.entries(results).map(([id, r]) => [
  r.label,
  fmtMs(r.ms),
  r.userMs !== null ? fmtMs(r.userMs + r.systemMs) : '–',
  (r.ms / floor).toFixed(2),
  pandocMs ? (r.ms / pandocMs).toFixed(2) : '–',
  r.rssMiB !== null ? `${(r.rssMiB * 1.048576).toFixed(0)} MB` : '–',
  String(r.runs),
]);
const header = ['case', 'median wall', 'CPU (user+sys)', '× node -e 0', '× pandoc ×3', 'peak RSS', 'runs'];
const markdown = [
  `${machine.date} · ${machine.cpu} · ${machine.memoryGiB} GiB · ${machine.os} · Node ${machine.node} · ${machine.pandoc} · ${machine.timer} · load ${machine.loadAverage}`,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Corpus: typical report ${(corpus.sizes.typicalMarkdownBytes / 1024).toFixed(1)} KB of Markdown, ${corpus.sizes.figures} figures, ≈ ${typicalPages.toFixed(0)} pages; long report ≈ ${longPages.toFixed(0)} pages; batch of ${batchDirs.length} typical reports.`,
  '',
  '| budget | this run (wall) | by CPU time | met |',
  '| --- | ---: | ---: | :---: |',
  ...budget.map((b) => `| ${b.target} | ${b.wall.toFixed(2)}${b.unit ?? '×'} | ${b.cpu !== undefined ? `${b.cpu.toFixed(2)}×` : '–'} | ${b.met ? 'yes' : 'no'} |`),
].join('\n');

writeFileSync(path.join(out, 'results.json'), JSON.stringify({ machine, corpus: { ...corpus.sizes, typicalPages, longPages }, results, budget }, null, 2) + '\n');
writeFileSync(path.join(out, 'results.md'), markdown + '\n');
console.log(`\n${markdown}\n\nwritten: bench/out/results.json, bench/out/results.md`);
if (!gnuTime) console.log('peak RSS of pandoc needs GNU time: apt-get install time');

// `npm run bench`: times lawreport against the floor (`node -e 0`), pandoc, and the linters a user
// would run on the same chapters, on a generated corpus; prints a table and writes
// bench/out/results.{json,md}. Benchmarks, not tests: nothing here fails on a slow machine; the
// budget lines say which target was met in this run.
//
// Round robin: every round runs each case once, in the same order, so a burst of other work on the
// machine lands on all cases alike; medians over the rounds. Wall time and CPU time (user + system,
// children and threads included) come from bash's `time` keyword (millisecond resolution).
//   --quick            3 rounds (after `npm run build`, for a rough look)
//   --rounds=N         N rounds of the fast cases (default 15)
//   --against=BIN      also time another lawreport (its bin/lawreport.js) in the same rounds:
//                      `check`, `build` and the batch, as "… @ against"
//   --node=NODE        also time this lawreport under another Node binary in the same rounds (the
//                      current LTS beside the machine's Node, say): its `node -e 0`, `check`,
//                      `build` and the batch, as "… on Node vX", with their own budget lines
// The single executable for this machine, when built, is timed too (`check` and `build`):
// dist/lawreport-<platform>-<arch> (`npm run dist -- linux-x64`: from the startup snapshot) and
// dist/no-snapshot/… (`npm run dist -- linux-x64 --no-snapshot --out dist/no-snapshot`: code cache).
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
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = process.argv.includes('--quick');
const rounds = Number(option('rounds') ?? (quick ? 3 : 15));
const against = option('against') && path.resolve(option('against'));
const otherNode = option('node') && path.resolve(option('node'));
const otherVersion = otherNode && execFileSync(otherNode, ['--version'], { encoding: 'utf8' }).trim();

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const version = (cmd, args) => (has(cmd) ? execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim() : 'absent');
const pandoc = has('pandoc');
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
// The peer linters live in a folder of their own (`npm ci --prefix bench/peers`); absent, they are skipped.
const peerBin = (name) => {
  const file = path.join(here, 'peers', 'node_modules', '.bin', name);
  return existsSync(file) ? file : undefined;
};
const markdownlint = peerBin('markdownlint-cli2');
const textlint = peerBin('textlint');

/** Shell-quotes for the compound commands (loops, pandoc's three conversions). */
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const node = (...args) => ['node', cli, ...args];

console.log('generating corpus …');
const corpus = await generateCorpus(path.join(out, 'corpus'));
const outputs = path.join(out, 'outputs');
rmSync(outputs, { recursive: true, force: true });
mkdirSync(path.join(outputs, 'pandoc-batch'), { recursive: true });
const pandoc3 = (md, dest) =>
  [`pandoc ${q(md)} -o ${q(dest)}.docx`, `pandoc ${q(md)} -s --metadata title=report -o ${q(dest)}.html`, `pandoc ${q(md)} -t plain -o ${q(dest)}.txt`].join(' && ');
const batchDirs = corpus.batch;
const chapters = readdirSync(path.join(corpus.typical, 'chapters')).map((f) => path.join(corpus.typical, 'chapters', f));
const batchOf = (bin, dirs, dest, nodeBin = 'node') => [nodeBin, bin, 'build', ...dirs, '-o', dest];
const seaName = `lawreport-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`;
const seaCases = (file, tag, id) =>
  existsSync(file)
    ? [
        { id: `check@${id}`, label: `lawreport check (typical), single executable, ${tag}`, argv: [file, 'check', corpus.typical] },
        { id: `build@${id}`, label: `lawreport build, 3 formats (typical), single executable, ${tag}`, argv: [file, 'build', corpus.typical, '-o', path.join(outputs, `build-${id}`)] },
      ]
    : [];

/**
 * What is timed. `runs`: rounds a case takes part in (the slow ones only the first few); `scale`
 * multiplies a case that times a sample (every tenth process of a hundred). `peer`: exit code 1 is
 * the linter finding something, not a failure.
 */
const cases = [
  { id: 'floor', label: 'node -e 0', argv: ['node', '-e', '0'] },
  process.env.NODE_EXTRA_CA_CERTS && { id: 'floor-no-ca', label: 'node -e 0, NODE_EXTRA_CA_CERTS unset', argv: ['env', '-u', 'NODE_EXTRA_CA_CERTS', 'node', '-e', '0'] },
  { id: 'check', label: 'lawreport check (typical)', argv: node('check', corpus.typical) },
  // The first run after an install without its warm-up, or LAWREPORT_CODE_CACHE=off (src/cli/code-cache.ts).
  { id: 'check-cold', label: 'lawreport check (typical), no code cache', argv: ['env', 'LAWREPORT_CODE_CACHE=off', ...node('check', corpus.typical)] },
  markdownlint && { id: 'markdownlint', label: 'markdownlint-cli2, same chapters', argv: [markdownlint, ...chapters], peer: true },
  textlint && { id: 'textlint', label: 'textlint (no rules), same chapters', argv: [textlint, ...chapters], peer: true },
  { id: 'build', label: 'lawreport build, 3 formats (typical)', argv: node('build', corpus.typical, '-o', path.join(outputs, 'build')) },
  { id: 'build-cold', label: 'lawreport build, 3 formats (typical), no code cache', argv: ['env', 'LAWREPORT_CODE_CACHE=off', ...node('build', corpus.typical, '-o', path.join(outputs, 'build-cold'))] },
  { id: 'build-docx', label: 'lawreport build -f docx (typical)', argv: node('build', corpus.typical, '-f', 'docx', '-o', path.join(outputs, 'docx')) },
  pandoc && { id: 'pandoc', label: 'pandoc → docx, html, txt (typical)', argv: ['sh', '-c', pandoc3(`${corpus.typical}.md`, path.join(outputs, 'pandoc'))] },
  { id: 'build-long', label: 'lawreport build, 3 formats (long)', argv: node('build', corpus.long, '-o', path.join(outputs, 'long')), runs: 5 },
  pandoc && { id: 'pandoc-long', label: 'pandoc → docx, html, txt (long)', argv: ['sh', '-c', pandoc3(`${corpus.long}.md`, path.join(outputs, 'pandoc-long'))], runs: 5 },
  { id: 'batch-10', label: 'lawreport build, 10 reports, one process', argv: batchOf(cli, batchDirs.slice(0, 10), path.join(outputs, 'batch-10')), runs: 5 },
  { id: 'batch', label: `lawreport build, ${batchDirs.length} reports, one process`, argv: batchOf(cli, batchDirs, path.join(outputs, 'batch')), runs: 5 },
  {
    id: 'batch-per-report',
    label: `lawreport build, ${batchDirs.length} × one process each (every 10th timed, × 10)`,
    scale: 10,
    argv: ['sh', '-c', batchDirs.filter((_, i) => i % 10 === 0).map((d) => `node ${q(cli)} build ${q(d)} -o ${q(path.join(outputs, 'per-report', path.basename(d)))} >/dev/null`).join(' && ')],
    runs: 3,
  },
  pandoc && {
    id: 'batch-pandoc',
    label: `pandoc, ${batchDirs.length * 3} calls (${batchDirs.length} reports × 3 formats)`,
    argv: ['sh', '-c', batchDirs.map((d) => pandoc3(`${d}.md`, path.join(outputs, 'pandoc-batch', path.basename(d)))).join(' && ')],
    runs: 3,
  },
  ...seaCases(path.join(repo, 'dist', seaName), 'startup snapshot', 'sea-snapshot'),
  // The same builds as a machine without NODE_EXTRA_CA_CERTS has them (pandoc pays no such cost).
  ...(process.env.NODE_EXTRA_CA_CERTS
    ? [
        { id: 'build-no-ca', label: 'lawreport build, 3 formats (typical), NODE_EXTRA_CA_CERTS unset', argv: ['env', '-u', 'NODE_EXTRA_CA_CERTS', ...node('build', corpus.typical, '-o', path.join(outputs, 'build-no-ca'))] },
        ...(existsSync(path.join(repo, 'dist', seaName))
          ? [{ id: 'build@sea-snapshot-no-ca', label: 'lawreport build, 3 formats (typical), single executable, startup snapshot, NODE_EXTRA_CA_CERTS unset', argv: ['env', '-u', 'NODE_EXTRA_CA_CERTS', path.join(repo, 'dist', seaName), 'build', corpus.typical, '-o', path.join(outputs, 'build-sea-no-ca')] }]
          : []),
      ]
    : []),
  ...seaCases(path.join(repo, 'dist', 'no-snapshot', seaName), 'code cache', 'sea-code-cache'),
  ...(against
    ? [
        { id: 'check@against', label: 'lawreport check (typical) @ against', argv: ['node', against, 'check', corpus.typical] },
        { id: 'build@against', label: 'lawreport build, 3 formats (typical) @ against', argv: ['node', against, 'build', corpus.typical, '-o', path.join(outputs, 'build-against')] },
        { id: 'batch-10@against', label: 'lawreport build, 10 reports @ against', argv: batchOf(against, batchDirs.slice(0, 10), path.join(outputs, 'batch-10-against')), runs: 5 },
        { id: 'batch@against', label: `lawreport build, ${batchDirs.length} reports @ against`, argv: batchOf(against, batchDirs, path.join(outputs, 'batch-against')), runs: 5 },
      ]
    : []),
  ...(otherNode
    ? [
        { id: 'floor@node', label: `node -e 0 on Node ${otherVersion}`, argv: [otherNode, '-e', '0'] },
        { id: 'check@node', label: `lawreport check (typical) on Node ${otherVersion}`, argv: [otherNode, cli, 'check', corpus.typical] },
        { id: 'build@node', label: `lawreport build, 3 formats (typical) on Node ${otherVersion}`, argv: [otherNode, cli, 'build', corpus.typical, '-o', path.join(outputs, 'build-node')] },
        { id: 'batch-10@node', label: `lawreport build, 10 reports on Node ${otherVersion}`, argv: batchOf(cli, batchDirs.slice(0, 10), path.join(outputs, 'batch-10-node'), otherNode), runs: 5 },
        { id: 'batch@node', label: `lawreport build, ${batchDirs.length} reports on Node ${otherVersion}`, argv: batchOf(cli, batchDirs, path.join(outputs, 'batch-node'), otherNode), runs: 5 },
      ]
    : []),
].filter(Boolean);

/** One run under bash's `time`: wall, user and system milliseconds (children and threads included). */
function once(c) {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3R %3U %3S"; time "$@" >/dev/null 2>&1', 'bash', ...c.argv], { encoding: 'utf8' });
  const ok = r.status === 0 || (c.peer && r.status === 1) || (!c.peer && r.status === 1 && c.argv.includes('check'));
  if (!ok) throw new Error(`${c.argv.join(' ')} exited ${r.status}`);
  const [wall, user, system] = r.stderr.trim().split('\n').pop().split(' ').map((s) => Number(s) * 1000);
  return { wall, user, system };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// One warm-up round (file cache, pandoc's and node's first start), then the timed rounds.
const samples = Object.fromEntries(cases.map((c) => [c.id, []]));
for (let round = -1; round < rounds; round++) {
  process.stdout.write(round < 0 ? 'warm-up round …\n' : `round ${round + 1} of ${rounds} …\n`);
  for (const c of cases) {
    if (round >= (c.runs ?? rounds) || (round < 0 && c.runs)) continue;
    const s = once(c);
    if (round >= 0) samples[c.id].push(s);
  }
}

/** Peak RSS in MiB: GNU time's %M, or for node commands the --import hook; the median of `n` runs. */
function peakRss(argv, n) {
  const found = [];
  for (let i = 0; i < n; i++) {
    if (gnuTime) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      found.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
    } else if (argv[0] === 'node') {
      const file = path.join(out, 'rss.txt');
      spawnSync('node', ['--import', path.join(here, 'rss-hook.mjs'), ...argv.slice(1)], { stdio: 'ignore', env: { ...process.env, LAWREPORT_BENCH_RSS: file } });
      found.push(Number(readFileSync(file, 'utf8')) / 1024);
    } else return null;
  }
  return median(found);
}

const results = {};
for (const c of cases) {
  const s = samples[c.id];
  const scale = c.scale ?? 1;
  results[c.id] = {
    label: c.label,
    runs: s.length,
    ms: median(s.map((x) => x.wall)) * scale,
    cpuMs: median(s.map((x) => x.user + x.system)) * scale,
    rssMiB: c.scale || c.id.startsWith('batch-pandoc') ? null : peakRss(c.argv, (c.runs ?? rounds) >= 10 ? 3 : 1),
  };
}

// Ratios and the budget, all from this one run.
const ms = (id) => results[id]?.ms;
const cpu = (id) => results[id]?.cpuMs;
const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
const pages = (file) => [...readFileSync(file, 'utf8')].length / (28 * 22); // GB/T 9704: 22 lines × 28 characters
const txtOf = (dir) => path.join(dir, readdirSync(dir).find((f) => f.endsWith('.txt')));
const typicalPages = pages(txtOf(path.join(outputs, 'build')));
const longPages = pages(txtOf(path.join(outputs, 'long')));
const perPage = (id, pagesOf) => ({ wall: ms(id) / pagesOf, cpu: cpu(id) / pagesOf });
const marginal = (big, small) => (results[big] && results[small] ? { wall: (ms(big) - ms(small)) / (batchDirs.length - 10), cpu: (cpu(big) - cpu(small)) / (batchDirs.length - 10) } : undefined);
const perReport = marginal('batch', 'batch-10');

const both = (a, b) => ({ wall: ratio(ms(a), ms(b)), cpu: ratio(cpu(a), cpu(b)) });
const budget = [
  { target: 'check ≤ 2.5 × node -e 0', ...both('check', 'floor'), limit: 2.5, cmp: '≤' },
  results.markdownlint && { target: 'check below markdownlint-cli2 (< 1.0 ×)', ...both('check', 'markdownlint'), limit: 1, cmp: '<' },
  results.textlint && { target: 'check below textlint (< 1.0 ×)', ...both('check', 'textlint'), limit: 1, cmp: '<' },
  results.pandoc && { target: 'build (3 formats + checks) ≤ 1.0 × pandoc ×3', ...both('build', 'pandoc'), limit: 1.0, cmp: '≤' },
  results['build-no-ca'] && { target: 'build ≤ 1.0 × pandoc ×3, NODE_EXTRA_CA_CERTS unset', ...both('build-no-ca', 'pandoc'), limit: 1.0, cmp: '≤' },
  results['build@sea-snapshot-no-ca'] && { target: 'build ≤ 1.0 × pandoc ×3, single executable (snapshot), NODE_EXTRA_CA_CERTS unset', ...both('build@sea-snapshot-no-ca', 'pandoc'), limit: 1.0, cmp: '≤' },
  results['batch-pandoc'] && { target: `batch of ${batchDirs.length} ≥ 8 × faster than ${batchDirs.length * 3} pandoc calls`, ...both('batch-pandoc', 'batch'), limit: 8, cmp: '≥' },
  perReport && { target: 'batch: marginal time per report (100 vs 10 reports) ≤ 50 ms', ...perReport, limit: 50, cmp: '≤', unit: ' ms', decides: 'cpu' },
  { target: 'batch keeps both cores busy (CPU time / wall time)', wall: ratio(cpu('batch'), ms('batch')), limit: Math.min(2, os.availableParallelism()) * 0.75, cmp: '≥', unit: '' },
  results['check@node'] && { target: `check ≤ 2.5 × node -e 0, both on Node ${otherVersion}`, ...both('check@node', 'floor@node'), limit: 2.5, cmp: '≤' },
  results['build@node'] && results.pandoc && { target: `build ≤ 1.0 × pandoc ×3, on Node ${otherVersion}`, ...both('build@node', 'pandoc'), limit: 1.0, cmp: '≤' },
  results['batch@node'] && results['batch-pandoc'] && { target: `batch of ${batchDirs.length} ≥ 8 × faster than ${batchDirs.length * 3} pandoc calls, on Node ${otherVersion}`, ...both('batch-pandoc', 'batch@node'), limit: 8, cmp: '≥' },
  results['batch@node'] && { target: `batch: marginal time per report ≤ 50 ms, on Node ${otherVersion}`, ...marginal('batch@node', 'batch-10@node'), limit: 50, cmp: '≤', unit: ' ms', decides: 'cpu' },
  results['batch@node']?.rssMiB != null && { target: `peak RSS, batch of ${batchDirs.length} ≤ 150 MB, on Node ${otherVersion}`, wall: results['batch@node'].rssMiB * 1.048576, limit: 150, cmp: '≤', unit: ' MB' },
  results.build.rssMiB !== null && { target: 'peak RSS, build of the typical report ≤ 150 MB', wall: results.build.rssMiB * 1.048576, limit: 150, cmp: '≤', unit: ' MB' },
  results.batch.rssMiB !== null && { target: `peak RSS, batch of ${batchDirs.length} ≤ 150 MB`, wall: results.batch.rssMiB * 1.048576, limit: 150, cmp: '≤', unit: ' MB' },
  results['build-long'].rssMiB !== null && { target: 'peak RSS, build of the long report ≤ 150 MB', wall: results['build-long'].rssMiB * 1.048576, limit: 150, cmp: '≤', unit: ' MB' },
  {
    target: 'long report: time per page ≤ 2 × typical',
    wall: perPage('build-long', longPages).wall / perPage('build', typicalPages).wall,
    cpu: perPage('build-long', longPages).cpu / perPage('build', typicalPages).cpu,
    limit: 2,
    cmp: '≤',
  },
]
  .filter((b) => b && b.wall !== undefined)
  .map((b) => {
    const meets = (v) => (v === undefined ? undefined : b.cmp === '≤' ? v <= b.limit : b.cmp === '<' ? v < b.limit : v >= b.limit);
    return { ...b, metWall: meets(b.wall), metCpu: meets(b.cpu) };
  });

const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  cpu: `${os.cpus()[0]?.model.trim()} × ${os.availableParallelism()}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ? `set (${process.env.NODE_EXTRA_CA_CERTS})` : 'not set',
  pandoc: version('pandoc', ['--version']),
  peers: [markdownlint ? `markdownlint-cli2 ${version(markdownlint, ['--version']).replace(/^markdownlint-cli2 /, '')}` : 'markdownlint-cli2 absent', textlint ? `textlint ${version(textlint, ['--version'])}` : 'textlint absent'].join(', '),
  timer: `bash time, ${rounds} round-robin rounds`,
  rss: gnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (node commands only; apt-get install time for all)',
  loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  against: against ?? null,
  otherNode: otherVersion ?? null,
};

const fmtMs = (v) => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const floor = ms('floor');
const pandocMs = ms('pandoc');
const rows = Object.values(results).map((r) => [
  r.label,
  fmtMs(r.ms),
  fmtMs(r.cpuMs),
  (r.ms / floor).toFixed(2),
  pandocMs ? (r.ms / pandocMs).toFixed(2) : '–',
  r.rssMiB !== null ? `${(r.rssMiB * 1.048576).toFixed(0)} MB` : '–',
  String(r.runs),
]);
const header = ['case', 'median wall', 'median CPU (user+sys)', '× node -e 0 (wall)', '× pandoc ×3 (wall)', 'peak RSS', 'runs'];
const fmt = (b, v) => (v === undefined ? '–' : `${v.toFixed(2)}${b.unit ?? '×'}`);
const yes = (m) => (m === undefined ? '–' : m ? 'yes' : 'no');
const markdown = [
  `${machine.date} · ${machine.cpu} · ${machine.memoryGiB} GiB · ${machine.os} · Node ${machine.node}${machine.otherNode ? ` (and ${machine.otherNode}, --node)` : ''} · NODE_EXTRA_CA_CERTS ${machine.nodeExtraCaCerts} · ${machine.pandoc} · ${machine.peers} · ${machine.timer} · load ${machine.loadAverage}`,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Corpus: typical report ${(corpus.sizes.typicalMarkdownBytes / 1024).toFixed(1)} KB of Markdown, ${corpus.sizes.figures} figures, ≈ ${typicalPages.toFixed(0)} pages; long report ≈ ${longPages.toFixed(0)} pages; batch of ${batchDirs.length} typical reports.`,
  '',
  '| budget | this run (wall) | by CPU time | met (wall / CPU) |',
  '| --- | ---: | ---: | :---: |',
  ...budget.map((b) => `| ${b.target} | ${fmt(b, b.wall)} | ${fmt(b, b.cpu)} | ${yes(b.metWall)} / ${yes(b.metCpu)} |`),
].join('\n');

writeFileSync(path.join(out, 'results.json'), JSON.stringify({ machine, corpus: { ...corpus.sizes, typicalPages, longPages }, results, budget }, null, 2) + '\n');
writeFileSync(path.join(out, 'results.md'), markdown + '\n');
console.log(`\n${markdown}\n\nwritten: bench/out/results.json, bench/out/results.md`);
if (!markdownlint || !textlint) console.log('peer linters skipped: install them with npm ci --prefix bench/peers');
if (!gnuTime) console.log('peak RSS of pandoc needs GNU time: apt-get install time');

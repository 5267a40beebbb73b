import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, open, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, exampleDir, repoRoot } from '../helpers.js';
import { cases, type HostileCase } from './cases.js';
import { roundTwo } from './cases-round-two.js';
import { xmlProblems } from './xml.js';

/** Generous: a case that needs this long is a hang, not slowness (speed lives in bench/). */
const KILL_AFTER_MS = 60_000;
const bin = path.join(repoRoot, 'bin', 'lawreport.js');
const OUTPUT = /\.(docx|html|txt|pdf)$/;
const posix = process.platform !== 'win32';

interface Outcome {
  class: string;
  name: string;
  exit: number | null;
  ms: number;
  crashed: boolean;
  hung: boolean;
  sourcesChanged: boolean;
  partialOutputs: boolean;
  outputsLost: number;
  writtenOutside: string[];
  /** Peak resident memory (MB), when the process got to exit normally. */
  peakMB?: number;
}
const outcomes: Outcome[] = [];

/** Every file under `dir` (links and pipes are not followed): content hashes, or size and time for big ones. */
async function hashTree(dir: string, keep: (rel: string) => boolean): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    if (!keep(rel)) continue;
    const info = await stat(full);
    out[rel] = info.size > 10_000_000 ? `${info.size}:${info.mtimeMs}` : createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return out;
}

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakMB?: number;
}

const peakRss = path.join(repoRoot, 'test', 'hostile', 'peak-rss.cjs');

function run(args: string[], cwd: string, closeStdoutAfter?: number): Promise<Run> {
  const start = performance.now();
  const rssFile = path.join(os.tmpdir(), `hostile-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', peakRss, bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', HOSTILE_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // The reader goes away, as `head -c N` does once it has its bytes.
      if (closeStdoutAfter !== undefined && stdout.length >= closeStdoutAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      readFile(rssFile, 'utf8').then(
        (kb) => rm(rssFile, { force: true }).then(() => resolve({ code, signal, stdout, stderr, ms, peakMB: Math.round(Number(kb) / 1024) })),
        () => resolve({ code, signal, stdout, stderr, ms }),
      );
    });
  });
}

const rooted = (root: string) => (s: string) => s.replaceAll('$ROOT', root);

async function writeFiles(dir: string, files: Record<string, string | Buffer>, root: string) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), typeof content === 'string' ? rooted(root)(content) : content);
  }
}

/** The case's temp folder: the example at report/ with the case's changes, and any further reports. */
async function prepare(c: HostileCase): Promise<{ root: string; report: string; reports: string[]; servers: Server[] }> {
  const report = await copyExample();
  const root = path.dirname(report);
  await writeFiles(report, c.files, root);
  const reports = [report];
  for (const [at, files] of Object.entries(c.reports ?? {})) {
    const dir = path.join(root, at);
    await cp(exampleDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
    await writeFiles(dir, files, root);
    reports.push(dir);
  }
  for (const name of [...(c.fifos ?? []), ...(c.sockets ?? []), ...(c.folders ?? []), ...Object.keys(c.sparse ?? {})]) {
    await rm(path.join(report, name), { force: true });
    await mkdir(path.dirname(path.join(report, name)), { recursive: true });
  }
  for (const name of c.fifos ?? []) execFileSync('mkfifo', [path.join(report, name)]);
  const servers = await Promise.all((c.sockets ?? []).map((name) => new Promise<Server>((resolve) => {
    const server = createServer().listen(path.join(report, name), () => resolve(server));
  })));
  for (const name of c.folders ?? []) await mkdir(path.join(report, name), { recursive: true });
  for (const [name, size] of Object.entries(c.sparse ?? {})) {
    const handle = await open(path.join(report, name), 'w');
    await handle.truncate(size);
    await handle.close();
  }
  for (const [link, target] of Object.entries(c.symlinks ?? {})) {
    await mkdir(path.dirname(path.join(report, link)), { recursive: true });
    await rm(path.join(report, link), { force: true });
    await symlink(target, path.join(report, link));
  }
  return { root, report, reports, servers };
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

const all = [...cases, ...roundTwo];

describe('hostile input', () => {
  it.each(all.map((c) => [`${c.class}: ${c.name}`, c] as const))('%s', async (_label, c) => {
    if ((c.fifos || c.sockets) && !posix) return;
    const { root, report, reports, servers } = await prepare(c);
    const isSource = (rel: string) => !OUTPUT.test(rel) && !rel.endsWith('.tmp');
    const before = await hashTree(root, isSource);
    const argv = (c.argv ?? ['build', ...(c.args ?? [])]).map(rooted(root));
    const cwd = c.cwd === undefined ? report : path.join(root, c.cwd);
    const result = await run(argv, cwd, c.closeStdoutAfter);
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    const output = result.stdout + result.stderr;

    // Outputs: every output file in the case's folder, and where the user allowed them (the report folders, -o).
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    const made = [...Object.keys(c.files), ...Object.keys(c.sparse ?? {})].map((k) => path.join(report, k));
    const out = argv.includes('-o') ? path.resolve(cwd, argv[argv.indexOf('-o') + 1]!) : undefined;
    // A batch build into -o also writes the district's summary and an index beside the reports' folders.
    const batchPages = (f: string) => out !== undefined && path.dirname(f) === out && /^(index|汇总)\./.test(path.basename(f));
    const produced = files.filter((f) => OUTPUT.test(f) && !made.includes(f) && !batchPages(f));
    const allowed = [...reports, ...(out ? [out] : [])];
    const writtenOutside = produced.filter((f) => !allowed.some((dir) => inside(f, dir)));
    const said = [...result.stdout.matchAll(/^已生成 (.+)$/gm)].map((m) => path.resolve(cwd, m[1]!));
    // Reported written, yet gone or written twice (one report's output replaced by another's).
    const outputsLost = said.length - new Set(said.filter((f) => files.includes(f))).size;
    const groups = new Map<string, Set<string>>();
    for (const f of produced) {
      const stem = f.replace(OUTPUT, '');
      groups.set(stem, (groups.get(stem) ?? new Set()).add(path.extname(f)));
    }
    const after = await hashTree(root, isSource);
    const outcome: Outcome = {
      class: c.class,
      name: c.name,
      exit: result.code,
      ms: Math.round(result.ms),
      hung: result.signal === 'SIGKILL',
      crashed: result.code === null || result.code > 2 || /\n\s+at .+:\d+:\d+/.test(output) || output.includes('内部错误'),
      sourcesChanged: Object.entries(before).some(([rel, hash]) => after[rel] !== hash),
      partialOutputs: files.some((f) => f.endsWith('.tmp')) || (!argv.includes('-f') && [...groups.values()].some((exts) => exts.size !== 3)),
      outputsLost,
      writtenOutside,
      peakMB: result.peakMB,
    };
    outcomes.push(outcome);

    expect(outcome.hung, 'hung').toBe(false);
    expect(outcome.crashed, output.slice(0, 2000)).toBe(false);
    expect(outcome.sourcesChanged).toBe(false);
    expect(outcome.partialOutputs).toBe(false);
    expect(outcome.outputsLost, 'outputs reported written but overwritten or gone').toBe(0);
    expect(outcome.writtenOutside, 'outputs outside the report folders and -o').toEqual([]);
    expect(result.code, output.slice(0, 2000)).toBe(c.exit);
    if (c.expect) expect(output.slice(0, 200_000)).toMatch(typeof c.expect === 'string' ? new RegExp(c.expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : c.expect);
    if (c.notExpect) expect(output.slice(0, 200_000)).not.toMatch(c.notExpect);
    if (c.maxOutputBytes !== undefined) expect(Buffer.byteLength(output)).toBeLessThan(c.maxOutputBytes);
    if (c.maxRssMB !== undefined) expect(result.peakMB, 'peak resident memory (MB)').toBeLessThan(c.maxRssMB);
    if (c.outputs !== undefined) expect(produced.length).toBe(c.outputs);
    if (c.namesMatch) for (const f of produced) expect(path.basename(f)).toMatch(c.namesMatch);
    for (const f of produced) expect(Buffer.byteLength(path.basename(f)), f).toBeLessThanOrEqual(255);
    if (c.outputContains) {
      const texts = await Promise.all(produced.filter((f) => f.endsWith('.txt')).map((f) => readFile(f, 'utf8')));
      expect([output, ...texts].join('\n')).toContain(c.outputContains);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Whatever was produced is well-formed: every XML part of the DOCX parses strictly; no script in HTML.
    for (const file of produced) {
      const bytes = await readFile(file);
      if (file.endsWith('.docx')) {
        for (const [part, data] of Object.entries(unzipSync(bytes))) {
          if (part.endsWith('.xml') || part.endsWith('.rels')) expect(xmlProblems(new TextDecoder().decode(data)), part).toEqual([]);
        }
      }
      if (file.endsWith('.html')) expect(bytes.toString('utf8')).not.toMatch(/<script|\son[a-z]+=/i);
    }
    await rm(root, { recursive: true, force: true });
  });

  afterAll(async () => {
    await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
    await writeFile(path.join(repoRoot, 'test-results', 'hostile.json'), JSON.stringify(outcomes, null, 2));
  });
});

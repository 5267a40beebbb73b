import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic, type WriteOps } from '../../src/io/atomic-write.js';
import { runPool } from '../../src/cli/batch/pool.js';
import type { ReportTask } from '../../src/cli/batch/task.js';
import * as fsp from 'node:fs/promises';
import { copyExample, repoRoot, runCli } from '../helpers.js';

const bin = path.join(repoRoot, 'bin', 'lawreport.js');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await readdir(dir).catch(() => [] as string[])) out[f] = sha(await readFile(path.join(dir, f)));
  return out;
}

/** A report long enough that a build takes a while: the example with a 60-page chapter. */
async function longReport(): Promise<string> {
  const dir = await copyExample();
  const para = '镇综合行政执法队坚持执法全过程记录，对每一宗案件的立案、调查、审核和决定逐环节留痕，案卷按月评查、按季通报，发现问题当场整改，执法规范化水平持续提升。';
  const body = Array.from({ length: 400 }, (_, i) => (i % 20 === 0 ? `## 专题${i / 20 + 1}\n\n` : '') + para).join('\n\n');
  await writeFile(path.join(dir, 'chapters', '05-other.md'), `---\nid: other\n---\n\n${body}\n`);
  return dir;
}

function startBuild(dir: string) {
  const child = spawn(process.execPath, [bin, 'build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

describe('interrupted and concurrent builds', () => {
  it('SIGINT and SIGTERM at any moment leave each output old or new, and no temp files', async () => {
    const dir = await longReport();
    const dist = path.join(dir, 'dist');
    expect((await runCli(['build'], dir)).code).toBe(0);
    const old = await snapshot(dist);
    // The next build differs in one figure, so old and new outputs can be told apart.
    const metrics = path.join(dir, 'metrics.yaml');
    await writeFile(metrics, (await readFile(metrics, 'utf8')).replace('received: 68', 'received: 69'));
    const fresh = await copyExample();
    await writeFile(path.join(fresh, 'metrics.yaml'), await readFile(metrics));
    await writeFile(path.join(fresh, 'chapters', '05-other.md'), await readFile(path.join(dir, 'chapters', '05-other.md')));
    expect((await runCli(['build'], fresh)).code).toBe(0);
    const next = await snapshot(path.join(fresh, 'dist'));

    const delays = [30, 120, 250, 400, 600, 900];
    for (const [i, delay] of delays.entries()) {
      const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const { child, done } = startBuild(dir);
      setTimeout(() => child.kill(signal), delay);
      const result = await done;
      const files = await readdir(dist);
      expect(files.filter((f) => f.endsWith('.tmp')), `${signal} after ${delay} ms`).toEqual([]);
      const now = await snapshot(dist);
      for (const [name, hash] of Object.entries(now)) expect([old[name], next[name]], `${name} after ${signal} at ${delay} ms`).toContain(hash);
      if (result.code === null) {
        expect(result.signal).toBe(signal); // before lawreport took over the signal: nothing was written yet
      } else if (result.code !== 0) {
        expect([130, 143]).toContain(result.code);
        expect(result.stderr).toContain('已中断');
      }
    }
  });

  it('SIGKILL leaves each output old or new (a temp file may remain, never a broken output)', async () => {
    const dir = await longReport();
    const dist = path.join(dir, 'dist');
    expect((await runCli(['build'], dir)).code).toBe(0);
    const old = await snapshot(dist);
    for (const delay of [50, 300, 700]) {
      const { child, done } = startBuild(dir);
      setTimeout(() => child.kill('SIGKILL'), delay);
      await done;
      const now = await snapshot(dist);
      for (const name of Object.keys(now).filter((f) => !f.endsWith('.tmp'))) expect(now[name]).toBe(old[name]);
    }
  });

  it('two builds of the same folder at once both succeed and leave whole outputs', async () => {
    const dir = await longReport();
    const [a, b] = await Promise.all([startBuild(dir).done, startBuild(dir).done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const dist = path.join(dir, 'dist');
    const files = await readdir(dist);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const docx = files.find((f) => f.endsWith('.docx'))!;
    const docxBytes = new Uint8Array(await readFile(path.join(dist, docx)));
    expect(Object.keys(unzipSync(docxBytes))).toContain('word/document.xml');
    expect((await readFile(path.join(dist, files.find((f) => f.endsWith('.html'))!), 'utf8')).trimEnd().endsWith('</html>')).toBe(true);
  });
});


describe('a full or unwritable output folder', () => {
  it('a write that fails (ENOSPC) changes none of the targets and leaves no temp file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-enospc-'));
    const a = path.join(dir, 'a.docx');
    const b = path.join(dir, 'b.html');
    await writeFile(a, 'old a');
    await writeFile(b, 'old b');
    let opened = 0;
    const full: WriteOps = {
      ...fsp,
      open: (async (file: string, flags: string) => {
        const handle = await fsp.open(file, flags);
        if (++opened === 2) {
          return { ...handle, writeFile: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })), sync: handle.sync.bind(handle), close: handle.close.bind(handle) };
        }
        return handle;
      }) as WriteOps['open'],
    };
    await expect(writeFilesAtomic([[a, 'new a'], [b, 'new b']], full)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(a, 'utf8')).toBe('old a');
    expect(await readFile(b, 'utf8')).toBe('old b');
    expect(await readdir(dir)).toEqual(['a.docx', 'b.html']);
  });

  it('an output path through a file is a clear message with exit 2, no stack trace', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'not-a-folder'), 'x');
    const r = await runCli(['build', '-o', 'not-a-folder/out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/文件操作失败：(路径中有一段不是文件夹|.*EEXIST|.*ENOTDIR)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('interrupts while reads are pending and batches are running', () => {
  it('SIGTERM ends the run even while a read of a named pipe is pending', async () => {
    if (process.platform === 'win32') return;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-pending-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A read that blocks one of libuv's threads (what reading a FIFO did before files were checked first).
    const script = `
      import { readFile } from 'node:fs/promises';
      import { cleanUpOnInterrupt } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'lib', 'cli', 'interrupt.js')).href)};
      cleanUpOnInterrupt({ handleSignals: true, lang: 'zh', stderr: (s) => process.stderr.write(s) });
      readFile(${JSON.stringify(fifo)}).catch(() => {});
      setInterval(() => {}, 1000);
      process.stdout.write('ready\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(killer);
    expect(signal, stderr).toBe('SIGTERM'); // not SIGKILL: the run ended by itself
    expect(code).toBeNull();
    expect(stderr).toContain('已中断');
  });

  it('Ctrl-C during a batch build leaves no temp file of any worker, and each output old or whole', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lawreport-batch-int-'));
    const names = ['a', 'b', 'c', 'd'];
    for (const name of names) await cp(await longReport(), path.join(parent, name), { recursive: true });
    for (const [i, delay] of [300, 700, 1200, 1800].entries()) {
      const child = spawn(process.execPath, [bin, 'build', ...names, '-o', 'out', '-j', '2'], { cwd: parent, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      setTimeout(() => child.kill(i % 2 ? 'SIGTERM' : 'SIGINT'), delay);
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const [, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      clearTimeout(killer);
      expect(signal, stderr).not.toBe('SIGKILL');
      const files = (await readdir(path.join(parent, 'out'), { recursive: true }).catch(() => [] as string[])).map(String);
      expect(files.filter((f) => f.endsWith('.tmp')), `after ${delay} ms`).toEqual([]);
      for (const f of files.filter((x) => x.endsWith('.docx'))) expect(Object.keys(unzipSync(new Uint8Array(await readFile(path.join(parent, 'out', f)))))).toContain('word/document.xml');
    }
  });
});

describe('a batch never waits on one report without bound', () => {
  const fakeWorker = () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.stop) return parentPort.postMessage({ stopped: true });
         if (m.task.dir === 'hangs') return;
         if (m.task.dir === 'crashes') process.exit(1);
         parentPort.postMessage({ index: m.index, outcome: { display: m.task.dir, exitCode: 0, diagnostics: [], written: [] } });
       });`,
      { eval: true },
    );
  const task = (dir: string): ReportTask => ({ command: 'check', cwd: '/', dir, lang: 'zh', env: {} });

  it('gives up a report past its time, says so, and finishes the others', async () => {
    const tasks = ['a', 'hangs', 'b', 'c', 'd'].map(task);
    const outcomes = await runPool(tasks, 2, undefined, { timeLimitMs: 300, startWorker: fakeWorker });
    expect(outcomes.map((o) => o.display)).toEqual(['a', 'hangs', 'b', 'c', 'd']);
    expect(outcomes[1]!.failure).toMatch(/超过 0 秒|超过 \d+ 秒/);
    expect(outcomes[1]!.exitCode).toBe(2);
    for (const i of [0, 2, 3, 4]) expect(outcomes[i]!.exitCode).toBe(0);
  });

  it('runs a report that outgrows the capped workers’ heap again in an uncapped worker, and builds it', async () => {
    // 'big' holds ≈ 96 MB at once: a capped worker really runs out of memory (V8 ends it), an uncapped one does not.
    const caps: (number | undefined)[] = [];
    const sizedWorker = (heapCapMb: number | undefined) => {
      caps.push(heapCapMb);
      return new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.on('message', (m) => {
           if (m.stop) return parentPort.postMessage({ stopped: true });
           let held = 0;
           if (m.task.dir === 'big') { const keep = []; for (let i = 0; i < 192; i++) keep.push(new Array(65536).fill(i + 0.5)); held = keep.length; }
           parentPort.postMessage({ index: m.index, outcome: { display: m.task.dir + held, exitCode: 0, diagnostics: [], written: [] } });
         });`,
        { eval: true, resourceLimits: heapCapMb === undefined ? {} : { maxOldGenerationSizeMb: heapCapMb } },
      );
    };
    const tasks = ['a', 'big', 'b', 'c', 'd'].map(task);
    const outcomes = await runPool(tasks, 2, undefined, { timeLimitMs: 20_000, startWorker: sizedWorker, heapCapMb: 16 });
    expect(outcomes.map((o) => [o.display, o.exitCode])).toEqual([['a0', 0], ['big192', 0], ['b0', 0], ['c0', 0], ['d0', 0]]);
    expect(caps.slice(0, 2)).toEqual([16, 16]);
    expect(caps.at(-1)).toBeUndefined(); // the worker that built 'big' was started without the cap
  });

  it('gives up a report that brings its worker down twice, and finishes the others', async () => {
    const tasks = ['a', 'crashes', 'b', 'c'].map(task);
    const outcomes = await runPool(tasks, 2, undefined, { timeLimitMs: 10_000, startWorker: fakeWorker });
    expect(outcomes[1]!.failure).toMatch(/意外终止/);
    for (const i of [0, 2, 3]) expect(outcomes[i]!.exitCode).toBe(0);
  });
});

describe('a batch build whose every worker thread dies', () => {
  it('names each report that was given up, still writes the summary and the index, and exits 2 without an internal error', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lawreport-batch-dies-'));
    const example = await copyExample();
    for (const name of ['a', 'b', 'c']) await cp(example, path.join(parent, name), { recursive: true });
    // Loaded into every thread of the process (NODE_OPTIONS reaches worker threads): the main
    // thread goes on, every batch worker ends at once, as one out of memory would.
    const preload = path.join(parent, 'workers-die.cjs');
    await writeFile(preload, "if (!require('node:worker_threads').isMainThread) process.exit(1);\n");
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'build', 'a', 'b', 'c', '-o', 'out'], {
        cwd: parent,
        env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim() },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.stderr).not.toContain('内部错误');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/汇总：3 份报告，0 份通过，3 份未通过/);
    for (const name of ['a', 'b', 'c']) expect(run.stdout).toMatch(new RegExp(`^ {2}${name}\\s+✖ 处理这份报告的线程两次意外终止`, 'm'));
    expect((await readdir(path.join(parent, 'out'))).sort()).toEqual(['index.html', '汇总.html', '汇总.xlsx']);
    const page = await readFile(path.join(parent, 'out', '汇总.html'), 'utf8');
    expect(page).toContain('3 份报告：0 份通过，3 份未通过（其中 3 份无法读取）');
    const index = await readFile(path.join(parent, 'out', 'index.html'), 'utf8');
    expect(index).toContain('处理这份报告的线程两次意外终止');
  });
});

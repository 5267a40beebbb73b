import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleToWarm, cacheFileBytes, cacheFolder, cacheName, cachedMain, readCache, readManifest, V8_FLAGS, type CodeCacheManifest } from '../src/cli/code-cache.js';
import { exampleDir, repoRoot } from './helpers.js';

// The warm start (src/cli/code-cache.ts) on the bundle `npm test` built first (pretest).
const lib = path.join(repoRoot, 'lib');
const bin = path.join(repoRoot, 'bin', 'lawreport.js');
const run = promisify(execFile);
const manifest = async (): Promise<CodeCacheManifest> => readManifest(lib)!;

/** What `lawreport ARGS` prints and exits with, run as a user runs it, with the cache folder given. */
async function lawreport(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The name a child `node bin/lawreport.js` looks for: no Node flags of its own, NODE_OPTIONS as this environment has it. */
const childCacheName = async (command: string) => cacheName(await manifest(), command, [process.env.NODE_OPTIONS ?? '', V8_FLAGS]);

/** How a fresh process started like the bin (same flags) fares with the cache folder: 'accepted function', 'rejected function' or 'none'. */
async function cacheOutcome(env: NodeJS.ProcessEnv, argv = ['check']): Promise<string> {
  // CommonJS, as bin/lawreport.js is: it requires the loader the bin requires, lib/code-cache.cjs.
  const script = path.join(await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-probe-')), 'probe.cjs');
  await writeFile(
    script,
    `require('node:v8').setFlagsFromString(${JSON.stringify(V8_FLAGS)});
     const { cachedMain } = require(${JSON.stringify(path.join(lib, 'code-cache.cjs'))});
     cachedMain(${JSON.stringify(argv)}).then((c) => process.stdout.write(c ? c.cache + ' ' + typeof c.exports.main : 'none'));`,
  );
  return (await run(process.execPath, [script], { env: { ...process.env, ...env } })).stdout;
}

/**
 * Which write of a cache file this is: every save writes a temp file and renames it over the old
 * one, a new inode each time (a use only touches its time: markUsed).
 */
const writtenAs = async (file: string): Promise<bigint> => (await stat(file, { bigint: true })).ino;

/** A file in the cache's format (magic, CRC) around any body. */
const framed = cacheFileBytes;

describe('the code cache', () => {
  it('is written by the build step into the cache folder, and a run from it prints and writes what a run without it does', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-'));
    execFileSync(process.execPath, [path.join(lib, 'warm-code-cache.js')], { env: { ...process.env, LAWREPORT_CACHE_DIR: folder } });
    expect((await readdir(folder)).sort()).toEqual([await childCacheName('build'), await childCacheName('check')].sort());
    // Each command's cache holds what its run compiled: build's has the renderers, check's does not.
    const checkCache = (await readCache(path.join(folder, await childCacheName('check'))))!;
    expect(checkCache.length).toBeLessThan((await readCache(path.join(folder, await childCacheName('build'))))!.length * 0.9);
    expect(await cacheOutcome({ LAWREPORT_CACHE_DIR: folder })).toBe('accepted function');
    expect(await cacheOutcome({ LAWREPORT_CACHE_DIR: folder }, ['build', '-f', 'docx'])).toBe('accepted function');
    expect(await cacheOutcome({ LAWREPORT_CACHE_DIR: folder, LAWREPORT_CODE_CACHE: 'off' })).toBe('none');

    const report = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-report-'));
    await cp(exampleDir, report, { recursive: true });
    await writeFile(path.join(report, 'metrics.yaml'), (await readFile(path.join(report, 'metrics.yaml'), 'utf8')).replace('filing_rate: 100', 'filing_rate: 250'));
    // A schema error too: lib/lawreport.cjs carries the precompiled validators inside it.
    await writeFile(path.join(report, 'lawreport.yaml'), (await readFile(path.join(report, 'lawreport.yaml'), 'utf8')) + 'ouput:\n  dir: dist\n');
    const warm = await lawreport(['check'], report, { LAWREPORT_CACHE_DIR: folder });
    const cold = await lawreport(['check'], report, { LAWREPORT_CODE_CACHE: 'off' });
    expect(warm).toEqual(cold);
    expect(warm.code).toBe(1);
    expect(warm.stdout + warm.stderr).toMatch(/metrics\.yaml:\d+:\d+/);
    expect(warm.stdout + warm.stderr).toMatch(/lawreport\.yaml:\d+:\d+.*ouput/);

    const outWarm = path.join(report, 'warm');
    const outCold = path.join(report, 'cold');
    expect((await lawreport(['build', exampleDir, '-o', outWarm, '-f', 'docx,html,txt'], report, { LAWREPORT_CACHE_DIR: folder })).code).toBe(0);
    expect((await lawreport(['build', exampleDir, '-o', outCold, '-f', 'docx,html,txt'], report, { LAWREPORT_CODE_CACHE: 'off' })).code).toBe(0);
    const names = (await readdir(outWarm)).sort();
    expect(names).toEqual((await readdir(outCold)).sort());
    expect(names.length).toBe(3);
    for (const name of names) expect(await readFile(path.join(outWarm, name)), name).toEqual(await readFile(path.join(outCold, name)));
  });

  it('is used when it fits, and ignored — never a crash — when it is damaged, cut short, foreign or not a file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-'));
    const env = { LAWREPORT_CACHE_DIR: folder };
    const file = path.join(folder, cacheName(await manifest(), 'check'));
    // Made and read in this process: the same flags.
    expect(await bundleToWarm(env, lib)!.save('check')).toBe(file);
    const fits = await cachedMain(['check'], env, lib);
    expect(fits?.cache).toBe('accepted');
    expect(typeof fits?.exports.main).toBe('function');

    const good = await readFile(file);
    const damaged = Buffer.from(good);
    damaged[damaged.length >> 1]! ^= 0xff;
    // Not read at all (its CRC fails): compiled from source for a first run, or the ES module bundle in CI.
    await writeFile(file, damaged);
    expect(await readCache(file)).toBeUndefined();
    expect((await cachedMain(['check'], env, lib))?.cache).toBe('none');
    expect(await cachedMain(['check'], { ...env, CI: 'true' }, lib)).toBeUndefined();
    await writeFile(file, good.subarray(0, good.length >> 1));
    expect(await readCache(file)).toBeUndefined();

    // In a process of its own, started as the bin starts (this one has other flags, and has compiled
    // the bundle already, so V8 would not look at a cache again): the cache a warm-up made is used;
    // a whole file that is not V8's cache is rejected, the bundle compiled from source, and the run writes a good one.
    const child = path.join(folder, await childCacheName('check'));
    execFileSync(process.execPath, [path.join(lib, 'warm-code-cache.js')], { env: { ...process.env, ...env } });
    expect(await cacheOutcome(env)).toBe('accepted function');
    await writeFile(child, framed(Buffer.from('not a code cache, but long enough to look like one'.repeat(20))));
    expect(await cacheOutcome(env)).toBe('rejected function');
    expect((await lawreport(['check'], exampleDir, { ...env, CI: '' })).code).toBe(0);
    expect(await cacheOutcome(env)).toBe('accepted function');

    // Through the bin: each of these still checks the report.
    for (const body of [damaged, good.subarray(0, 100), framed(Buffer.alloc(4096, 7)), Buffer.alloc(0)]) {
      await writeFile(child, body);
      const r = await lawreport(['check'], exampleDir, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    if (process.platform !== 'win32') {
      await writeFile(child, '');
      execFileSync('rm', [child]);
      execFileSync('mkfifo', [child]);
      expect(await readCache(child)).toBeUndefined();
      const r = await lawreport(['check'], exampleDir, env);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('is made by the first run of each command, for that command, not in a CI job, and never stands in the way when it cannot be written', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-first-'));
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    const checkFile = await childCacheName('check');
    expect((await lawreport(['check'], exampleDir, { ...env, CI: 'true' })).code).toBe(0);
    expect(await readdir(folder)).toEqual([]);
    expect((await lawreport(['check'], exampleDir, env)).code).toBe(0);
    expect(await readdir(folder)).toEqual([checkFile]);
    const made = await writtenAs(path.join(folder, checkFile));
    expect(await cacheOutcome(env)).toBe('accepted function');
    // A run from the cache leaves it as it is.
    expect((await lawreport(['check', '--lang', 'en'], exampleDir, env)).code).toBe(0);
    expect(await writtenAs(path.join(folder, checkFile))).toBe(made);
    const out = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-out-'));
    expect((await lawreport(['build', '-o', out, '-f', 'html'], exampleDir, env)).code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([await childCacheName('build'), checkFile].sort());
    // A CI job with a cache (restored, or made by npm run build) uses it.
    expect(await cacheOutcome({ ...env, CI: 'true' })).toBe('accepted function');

    const blocked = path.join(folder, 'not-a-folder');
    await writeFile(blocked, 'x');
    const r = await lawreport(['check'], exampleDir, { LAWREPORT_CACHE_DIR: path.join(blocked, 'cache'), CI: '' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((await readdir(folder)).sort()).toEqual([await childCacheName('build'), checkFile, 'not-a-folder'].sort());
  });

  it("is taken again after a large report's run, which sizes V8's heap for it and puts V8's flags back before the cache is saved", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-large-'));
    const report = path.join(await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-large-report-')), 'report');
    await cp(exampleDir, report, { recursive: true });
    // Past LARGE_REPORT_CHARS (src/cli/heap.ts): plain prose, nothing for the rules to flag.
    const paragraph = '镇政府持续推进依法行政，规范执法程序，完善监督机制。'.repeat(20);
    const chapter = path.join(report, 'chapters', (await readdir(path.join(report, 'chapters'))).sort()[1]!);
    await writeFile(chapter, (await readFile(chapter, 'utf8')) + Array.from({ length: 110 }, () => `\n${paragraph}\n`).join(''));
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    for (const command of ['check', 'build']) {
      const args = command === 'build' ? ['build', '-o', path.join(report, 'out'), '-f', 'txt'] : ['check'];
      const first = await lawreport(args, report, env);
      expect(first.code, first.stderr).toBe(0);
      const file = path.join(folder, await childCacheName(command));
      const made = await writtenAs(file);
      expect(await cacheOutcome(env, [command])).toBe('accepted function');
      // The next run starts from it and leaves it as it is (before, every run refused it and wrote it again).
      expect((await lawreport(args, report, env)).code).toBe(0);
      expect(await writtenAs(file)).toBe(made);
    }
  });

  it('is not made by a run that stopped early (a build refused for errors, no report, a usage error, help), which would leave it without the pipeline', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-partial-'));
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-partial-towns-'));
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    for (const town of ['good', 'bad', 'worse']) await cp(exampleDir, path.join(parent, town), { recursive: true });
    // A chapter the national outline requires, missing: an error, so build writes nothing.
    for (const town of ['bad', 'worse']) await rm(path.join(parent, town, 'chapters', '03-first-responsible.md'));
    // The commands' caches (the summary's renderers keep one of their own, made by any summary drawn).
    const cached = async () => (await readdir(folder)).filter((f) => !/-renderers-/.test(f)).sort();

    expect((await lawreport(['build', 'bad', '-o', 'out-bad'], parent, env)).code).toBe(1);
    expect((await lawreport(['build', 'good', '-f', 'bogus'], parent, env)).code).toBe(2);
    // Help ends in commander's exception too: a first `build --help` left a 0.5 MB build cache.
    expect((await lawreport(['build', '--help'], parent, env)).code).toBe(0);
    expect((await lawreport(['check', 'no-such-folder'], parent, env)).code).not.toBe(0);
    expect((await lawreport(['build', 'bad', 'worse', '-o', 'out-batch', '-j', '2'], parent, env)).code).toBe(1);
    // The batch's main thread did its whole work; its workers, whose reports were both refused, did not.
    expect(await cached()).toEqual([await childCacheName('build-batch')]);

    // A check that finds errors has run every rule: it makes the check cache.
    expect((await lawreport(['check', 'bad'], parent, env)).code).toBe(1);
    expect((await lawreport(['build', 'good', '-o', 'out-good', '-f', 'html'], parent, env)).code).toBe(0);
    expect((await lawreport(['build', 'bad', 'good', '-o', 'out-mixed', '-j', '1'], parent, env)).code).toBe(1);
    expect(await cached()).toEqual([await childCacheName('build'), await childCacheName('build-batch'), await childCacheName('check'), await childCacheName('worker')].sort());
  });

  it('clears the temp files a killed process left in the cache folder, and not a save in flight', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-temps-'));
    const checkFile = await childCacheName('check');
    const left = `.${checkFile.replace('-check.', '-worker.')}.4242.1.1.0a0b0c0d.tmp`;
    const inFlight = `.${checkFile.replace('-check.', '-build.')}.4343.1.1.0e0f1011.tmp`;
    const notOurs = '.notes.tmp';
    for (const name of [left, inFlight, notOurs]) await writeFile(path.join(folder, name), 'partial');
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(path.join(folder, left), hourAgo, hourAgo);
    await utimes(path.join(folder, notOurs), hourAgo, hourAgo);
    expect((await lawreport(['check'], exampleDir, { LAWREPORT_CACHE_DIR: folder, CI: '' })).code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([inFlight, notOurs, checkFile].sort());
  });

  it('keeps the caches used last, not the ones written last: a command run every day keeps its cache however many others are written', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-keep-'));
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    expect((await lawreport(['check'], exampleDir, env)).code).toBe(0);
    const check = await childCacheName('check');
    // Made a week ago, then sixteen others written since (other Node versions, flag sets, bundles).
    const weekAgo = new Date(Date.now() - 7 * 86400_000);
    await utimes(path.join(folder, check), weekAgo, weekAgo);
    const others = Array.from({ length: 16 }, (_, i) => `lawreport-0123456789abcdef-00000000-v0.0.${i}-linux-x64-00000000-check.v8cache`);
    for (const [i, name] of others.entries()) {
      await writeFile(path.join(folder, name), 'other');
      const at = new Date(Date.now() - (20 - i) * 3600_000);
      await utimes(path.join(folder, name), at, at);
    }
    // Used today: the next write anywhere in the folder leaves it, and removes the two used longest ago.
    expect(await cacheOutcome(env)).toBe('accepted function');
    expect((await lawreport(['build', exampleDir, '-o', path.join(folder, '..', path.basename(folder) + '-out'), '-f', 'txt'], exampleDir, env)).code).toBe(0);
    const left = await readdir(folder);
    expect(left).toContain(check);
    expect(left).toContain(await childCacheName('build'));
    expect(left.filter((f) => others.includes(f)).sort()).toEqual(others.slice(2).sort());
  });

  it('serves the bundle as it is on disk: edited in place after its build, to the same length, it is compiled anew, never run from the old bytecode', async () => {
    // V8 checks a cache against its source by length alone; the cache's name carries the file's size and time.
    const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-edited-'));
    for (const part of ['bin', 'lib', 'schemas', 'templates', 'package.json']) await cp(path.join(repoRoot, part), path.join(root, part), { recursive: true });
    const env = { LAWREPORT_CACHE_DIR: await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-')), CI: '' };
    const check = () => run(process.execPath, [path.join(root, 'bin', 'lawreport.js'), '--lang', 'en', 'check', exampleDir], { env: { ...process.env, NO_COLOR: '1', ...env } });
    expect((await check()).stdout).toContain('no problems found');
    expect((await check()).stdout).toContain('no problems found');
    const bundle = path.join(root, 'lib', 'lawreport.cjs');
    const source = await readFile(bundle, 'latin1');
    const edited = source.replaceAll('no problems found', 'NO PROBLEMS found');
    expect(edited.length).toBe(source.length);
    expect(edited).not.toBe(source);
    await writeFile(bundle, edited, 'latin1');
    expect((await check()).stdout).toContain('NO PROBLEMS found');
  });

  it("serves a batch's worker threads from a code cache of their own, to the same outputs", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-batch-'));
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-towns-'));
    for (const town of ['a', 'b', 'c']) await cp(exampleDir, path.join(parent, town), { recursive: true });
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    const worker = await childCacheName('worker');
    expect((await lawreport(['build', 'a', 'b', 'c', '-o', 'first', '-j', '2'], parent, env)).code).toBe(0);
    expect(await readdir(folder)).toContain(worker);
    // The batch's main thread keeps a cache of its own: a single build made after it is served by
    // one that holds the pipeline, not by the batch's, which never ran it in that thread.
    expect(await readdir(folder)).toContain(await childCacheName('build-batch'));
    expect(await readdir(folder)).not.toContain(await childCacheName('build'));
    expect((await lawreport(['build', 'a', '-o', 'single', '-f', 'html'], parent, env)).code).toBe(0);
    expect(await readdir(folder)).toContain(await childCacheName('build'));
    const made = await writtenAs(path.join(folder, worker));
    const warm = await lawreport(['build', 'a', 'b', 'c', '-o', 'warm', '-j', '2'], parent, env);
    const cold = await lawreport(['build', 'a', 'b', 'c', '-o', 'cold', '-j', '2'], parent, { LAWREPORT_CODE_CACHE: 'off' });
    expect(warm.code).toBe(0);
    expect(warm.stdout.replaceAll('warm/', '')).toBe(cold.stdout.replaceAll('cold/', ''));
    // Served from the cache: the worker did not write it again.
    expect(await writtenAs(path.join(folder, worker))).toBe(made);
    for (const file of (await readdir(path.join(parent, 'cold'), { recursive: true })).map(String).filter((f) => /\.(docx|html|txt|xlsx)$/.test(f))) {
      expect(await readFile(path.join(parent, 'warm', file)), file).toEqual(await readFile(path.join(parent, 'cold', file)));
    }
  });

  it("compiles the summary's renderers from a code cache of their own: made by the first summary, used by the next, written anew when damaged, to the same outputs", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-renderers-'));
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-district-'));
    for (const town of ['a', 'b']) await cp(exampleDir, path.join(parent, town), { recursive: true });
    const env = { LAWREPORT_CACHE_DIR: folder, CI: '' };
    const renderersCache = async () => (await readdir(folder)).filter((f) => /-renderers-[0-9a-f]{8}\.v8cache$/.test(f));
    const summary = async (out: string, more: NodeJS.ProcessEnv = env) => {
      const r = await lawreport(['summary', 'a', 'b', '-o', out], parent, more);
      expect(r.code, r.stderr).toBe(0);
      return Promise.all(['汇总.xlsx', '汇总.html'].map((f) => readFile(path.join(parent, out, f))));
    };
    const cold = await summary('cold', { LAWREPORT_CODE_CACHE: 'off' });
    expect(await summary('first')).toEqual(cold);
    const [file] = await renderersCache();
    expect(file).toBeDefined();
    const cache = path.join(folder, file!);
    expect(await readCache(cache)).toBeDefined();
    const made = await writtenAs(cache);
    const own = path.join(folder, await childCacheName('summary'));
    const ownMade = await writtenAs(own);
    const weekAgo = new Date(Date.now() - 7 * 86400_000);
    await utimes(cache, weekAgo, weekAgo);
    expect(await summary('warm')).toEqual(cold);
    // Marked as used (the folder keeps the caches used last).
    expect((await stat(cache)).mtimeMs).toBeGreaterThan(Date.now() - 86400_000);
    // Served from it: not written again. Nor is the summary command's own cache: the heap flags
    // the drawing runs under (src/cli/heap.ts, withSmallHeap) are V8's again when it is saved, and
    // the renderers were compiled before they changed, so V8 took both caches.
    expect(await writtenAs(cache)).toBe(made);
    expect(await writtenAs(own)).toBe(ownMade);
    // Cut short: ignored (never given to V8), the run as without it, and a whole cache written in its place.
    await writeFile(cache, (await readFile(cache)).subarray(0, 5000));
    expect(await summary('damaged')).toEqual(cold);
    expect(await readCache(cache)).toBeDefined();
    expect(await renderersCache()).toEqual([file]);
  });

  it('gives way to the ES module bundle, without a word, when the one-file bundle cannot be read', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-lib-'));
    await writeFile(path.join(dir, 'code-cache.json'), JSON.stringify({ bundle: 'gone.cjs', id: '0123456789abcdef' }));
    const env = { LAWREPORT_CACHE_DIR: await mkdtemp(path.join(os.tmpdir(), 'lawreport-cc-')), CI: '' };
    expect(await cachedMain(['check'], env, dir)).toBeUndefined();
    // Nor for --version or --help alone: too little runs for a cache to repay its reading.
    expect(await cachedMain(['--version'], env, lib)).toBeUndefined();
    expect(await cachedMain(['--help'], env, lib)).toBeUndefined();
    // Nor with --debug, whose stack traces should point at readable lines.
    expect(await cachedMain(['check', '--debug'], env, lib)).toBeUndefined();
    expect((await cachedMain(['check'], env, lib))?.cache).toBe('none');
    await writeFile(path.join(dir, 'code-cache.json'), '{"bundle": 1');
    expect(await cachedMain(['check'], env, dir)).toBeUndefined();
  });

  it('lives in the user cache folder of each platform, and LAWREPORT_CODE_CACHE=off turns it off', () => {
    const home = () => '/home/li';
    expect(cacheFolder({}, 'linux', home)).toBe(path.join('/home/li', '.cache', 'lawreport'));
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/li' }, 'linux', home)).toBe(path.join('/var/cache/li', 'lawreport'));
    expect(cacheFolder({}, 'darwin', home)).toBe(path.join('/home/li', 'Library', 'Caches', 'lawreport'));
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'win32', home)).toBe(path.join('C:\\Users\\li\\AppData\\Local', 'lawreport', 'Cache'));
    expect(cacheFolder({ LAWREPORT_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/y' }, 'linux', home)).toBe(path.resolve('/tmp/x'));
    for (const off of ['off', '0', 'false', 'OFF']) expect(cacheFolder({ LAWREPORT_CODE_CACHE: off, LAWREPORT_CACHE_DIR: '/tmp/x' }, 'linux', home)).toBeUndefined();
  });

  it('is named by the bundle, its file, Node, the platform and the flags, so no other cache is ever taken for it', () => {
    const a = { bundle: 'lawreport.cjs', id: '0123456789abcdef', stamp: '0a0b0c0d' };
    const b = { bundle: 'lawreport.cjs', id: 'fedcba9876543210', stamp: '0a0b0c0d' };
    expect(cacheName(a, 'check', [V8_FLAGS])).not.toBe(cacheName(b, 'check', [V8_FLAGS]));
    expect(cacheName(a, 'check', [V8_FLAGS])).not.toBe(cacheName({ ...a, stamp: '0a0b0c0e' }, 'check', [V8_FLAGS]));
    expect(cacheName(a, 'check', [V8_FLAGS])).not.toBe(cacheName(a, 'check', ['--max-old-space-size=100', V8_FLAGS]));
    expect(cacheName(a, 'check', [V8_FLAGS])).not.toBe(cacheName(a, 'build', [V8_FLAGS]));
    expect(cacheName(a, 'check', [V8_FLAGS])).toContain(process.version);
    expect(cacheName(a, 'check', [V8_FLAGS])).toContain(`${process.platform}-${process.arch}`);
  });

  it('compiles a bundle written in ASCII, which the loader reads as latin1 (a Chinese character read so would be mangled)', async () => {
    const bundle = await readFile(path.join(lib, (await manifest()).bundle));
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it('is made with the V8 flags the bin sets before it compiles anything: the loader the bin requires gives them', async () => {
    const loader = (await import(path.join(lib, 'code-cache.cjs'))) as { default: { V8_FLAGS: string } };
    expect(loader.default.V8_FLAGS).toBe(V8_FLAGS);
    expect(await readFile(bin, 'utf8')).toContain('setFlagsFromString(loader.V8_FLAGS)');
  });
});

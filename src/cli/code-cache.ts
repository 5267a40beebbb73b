import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readFileBoundedSync } from '../io/node-host.js';
import { cacheCommand } from './command-line.js';
import { V8_FLAGS } from './v8-flags.js';

/*
 * A warm start without Node's compile cache (Node 22+ only): `npm run build` also writes the CLI
 * as one CommonJS file, lib/lawreport.cjs, which vm.Script can compile with V8's code cache. The
 * first run of each command (and the build's own warm-up, lib/warm-code-cache.js) compiles it from
 * source and, when it is done, leaves V8's cache of the functions it compiled in the user's cache
 * folder, one cache per command: V8 reads a whole cache at every start, so check's should not
 * carry summary's. Later runs of the command compile from it: no parsing and no bytecode
 * generation for what a report needs. Where no cache can help (LAWREPORT_CODE_CACHE=off, a CI job,
 * whose home folder is thrown away, the bundle not built) the bin loads the split ES module
 * bundle, the faster of the two cold. A cache can only ever be ignored, never trusted wrongly: its
 * name carries the bundle's content hash, the bundle file's size and time, Node's version, the
 * platform, the flags and the command; its body carries a CRC checked before V8 sees it; V8 then
 * checks its own version and flag hashes, and a cache it rejects is written anew by that run.
 * The file's size and time are there because V8 checks a cache against its source by length
 * alone: the bundle edited in place after its build (a hand fix, patch-package), the hash of
 * code-cache.json unchanged and the length kept, would otherwise run the old bytecode.
 */

/** The file `npm run build` writes beside the bundle: which CommonJS file, and a hash of its content. */
export interface CodeCacheManifest {
  bundle: string;
  id: string;
  /** The bundle file as found when the run started, its size and modification time (readManifest): see above. */
  stamp?: string;
}

/** What the CommonJS bundle exports (src/cli/bundle-entry.ts). */
type MainModule = typeof import('./bundle-entry.js');

/** The bundle compiled, and how its cache went. */
export interface CompiledBundle {
  exports: MainModule;
  /** `accepted`: run from the cache; `rejected`: V8 refused it; `none`: compiled from source. */
  cache: 'accepted' | 'rejected' | 'none';
  /** Writes V8's cache of everything this process compiled of the bundle so far, as the cache of `command`. */
  save(command: string): Promise<string>;
  /**
   * After a run with these arguments: saves the cache when it was not taken from one and the run
   * did its command's whole work (run-extent.ts). Never rejects: a folder that cannot be written
   * only means no warm start.
   */
  saveAfter(argv: string[]): Promise<void>;
}

const MAGIC = Buffer.from('LRCC1\n');
/** The V8 flags bin/lawreport.js sets before any bundle is compiled (v8-flags.ts): part of every cache's key; the bin takes them from here. */
export { V8_FLAGS };
/** How many cache files one folder keeps (commands, other bundles, other Node versions): the ones used last. */
const KEEP = 16;
const CACHE_FILE = /^lawreport-.*\.v8cache$/;
/** What writeFileAtomic names its temp file beside a cache: `.NAME.PID.TAG.tmp`. */
const TEMP_FILE = /^\.lawreport-.*\.v8cache\..*\.tmp$/;
const STALE_TEMP_MS = 10 * 60_000;
/** Larger than any cache of this CLI (≈ 3 MB): a bigger file is not one, and is not read. */
const MAX_BYTES = 64 * 1024 * 1024;

const libDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The folder for lawreport's caches: LAWREPORT_CACHE_DIR, else the platform's per-user cache
 * folder; undefined when LAWREPORT_CODE_CACHE is off or 0.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = os.homedir): string | undefined {
  if (/^(0|off|false|no)$/i.test(env.LAWREPORT_CODE_CACHE ?? '')) return undefined;
  if (env.LAWREPORT_CACHE_DIR) return path.resolve(env.LAWREPORT_CACHE_DIR);
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'lawreport', 'Cache') : undefined;
  if (platform === 'darwin') return path.join(home(), 'Library', 'Caches', 'lawreport');
  return path.join(env.XDG_CACHE_HOME || path.join(home(), '.cache'), 'lawreport');
}

/** The cache's file name: a cache made by another bundle, Node, platform, flag set or command has another name. */
export function cacheName(manifest: CodeCacheManifest, command: string, flags: string[] = [...process.execArgv, process.env.NODE_OPTIONS ?? '', V8_FLAGS]): string {
  const flagTag = (crc32(JSON.stringify(flags)) >>> 0).toString(16).padStart(8, '0');
  const id = manifest.stamp ? `${manifest.id}-${manifest.stamp}` : manifest.id;
  return `lawreport-${id}-${process.version}-${process.platform}-${process.arch}-${flagTag}-${command}.v8cache`;
}

/** code-cache.json in `dir`, stamped with its bundle file's size and modification time; undefined when either is missing. */
export function readManifest(dir: string): CodeCacheManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'code-cache.json'), 'utf8')) as CodeCacheManifest;
    if (typeof manifest.bundle !== 'string' || !/^[0-9a-f]{8,64}$/.test(manifest.id)) return undefined;
    const { size, mtimeMs } = statSync(path.join(dir, manifest.bundle));
    return { bundle: manifest.bundle, id: manifest.id, stamp: (crc32(`${size}:${mtimeMs}`) >>> 0).toString(16).padStart(8, '0') };
  } catch {
    return undefined;
  }
}

/**
 * Marks a cache V8 took as just used: the folder keeps the KEEP caches used last (prune), not the
 * ones written last, so a command run every day keeps its cache however many others were written
 * since (other Node versions, flag sets, bundles). A folder that cannot be written only loses that.
 */
function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only cache folder, file removed meanwhile: the mark only orders the pruning
  }
}

/**
 * V8's data from a cache file when the file is whole (its CRC matches), else undefined. Layout:
 * MAGIC, CRC-32 of the data, the data. Read as every file of lawreport is (readFileBounded): only a
 * regular file, opened without blocking, so a named pipe under the cache's name is never waited on.
 */
export function readCache(file: string): Buffer | undefined {
  // Synchronous: the bundle's require of the summary's renderers reads its cache with it too.
  const read = readFileBoundedSync(file, MAX_BYTES);
  return read.status === 'ok' ? cacheData(Buffer.from(read.value.buffer, read.value.byteOffset, read.value.byteLength)) : undefined;
}

/** The data of a cache file's bytes, or undefined when they are not a whole cache file. */
function cacheData(bytes: Buffer): Buffer | undefined {
  const head = MAGIC.length + 4;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(head);
  return bytes.readUInt32LE(MAGIC.length) === crc32(data) >>> 0 ? data : undefined;
}

/** The bytes of a cache file (readCache's layout). */
export function cacheFileBytes(data: Buffer): Buffer {
  const head = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(head);
  head.writeUInt32LE(crc32(data) >>> 0, MAGIC.length);
  return Buffer.concat([head, data]);
}

/** Whether this looks like a CI job (GitHub, GitLab, most others set CI): its home folder does not outlive it. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI) && !/^(0|false|no)$/i.test(env.CI ?? '');
}

/** Compiles the CommonJS bundle (from `cachedData` when given) and runs its module body; `fileOf` names each command's cache. */
function compile(dir: string, manifest: CodeCacheManifest, fileOf: (command: string) => string, cachedData: Buffer | undefined): CompiledBundle {
  const filename = path.join(dir, manifest.bundle);
  // latin1: scripts/bundle.mjs writes the bundle in ASCII, which latin1 reads byte for byte into a one-byte string.
  const script = new vm.Script(Module.wrap(readFileSync(filename, 'latin1')), {
    filename,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as MainModule };
  const renderers = renderersRequire(dir, filename, fileOf);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, renderers.require, module, filename, dir);
  const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const save = (command: string) => writeCache(fileOf(command), cacheFileBytes(script.createCachedData()));
  return {
    exports: module.exports,
    cache,
    save,
    saveAfter: async (argv) => {
      // No warm start next time if this fails; nothing else depends on it.
      await renderers.save().catch(() => {});
      if (cache === 'accepted' || module.exports.ranPartly()) return;
      await save(cacheCommand(argv)).catch(() => {});
    },
  };
}

/** Beside the bundle (scripts/bundle.mjs), required by it when a summary is written (src/summary/renderers.cjs.ts). */
const RENDERERS = 'summary-renderers.cjs';

/**
 * The `require` the bundle runs with: Node's, except for the summary's renderers (exceljs and
 * ECharts, 2.7 MB: ≈ 150–190 ms to compile and start from source, ≈ 80 from a cache, and their
 * first summary runs cold code besides), which it compiles with a code cache of their own, named by
 * their content's CRC (the bundle's hash does not cover them). `save` writes that cache after a
 * run in which they were compiled without one that V8 took.
 */
function renderersRequire(dir: string, filename: string, fileOf: (command: string) => string): { require: NodeJS.Require; save(): Promise<void> } {
  const node = createRequire(filename);
  const file = path.join(dir, RENDERERS);
  let loaded: { exports: unknown; save?: () => Promise<string> } | undefined;
  const load = () => {
    const source = readFileSync(file);
    const cacheFile = fileOf(`renderers-${(crc32(source) >>> 0).toString(16).padStart(8, '0')}`);
    const cachedData = readCache(cacheFile);
    const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData });
    const module = { exports: {} };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir);
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    if (accepted) markUsed(cacheFile);
    return { exports: module.exports, ...(accepted ? {} : { save: () => writeCache(cacheFile, cacheFileBytes(script.createCachedData())) }) };
  };
  const require = Object.assign((id: string): unknown => (id === file ? (loaded ??= load()).exports : node(id)), node);
  return { require, save: async () => void (await loaded?.save?.()) };
}

/**
 * The CLI from the CommonJS bundle: from the code cache of this command when a whole one for this
 * bundle, Node and flag set exists, else compiled from source so that the run can leave one
 * (saveAfter). Undefined (the caller loads the ES module bundle) when caching is off, the bundle is
 * not built, or there is no cache in a CI job.
 */
export async function cachedMain(argv: string[], env: NodeJS.ProcessEnv = process.env, dir = libDir): Promise<CompiledBundle | undefined> {
  try {
    const folder = cacheFolder(env);
    const manifest = folder && readManifest(dir);
    if (!folder || !manifest) return undefined;
    // --version, --help: too little runs for a cache to repay its reading. --debug: its stack
    // traces should name the split bundle's readable lines, not the one-file bundle's minified ones.
    const command = cacheCommand(argv);
    if (command === 'none' || argv.includes('--debug')) return undefined;
    const fileOf = (name: string) => path.join(folder, cacheName(manifest, name));
    const cachedData = readCache(fileOf(command));
    if (!cachedData && inCi(env)) return undefined;
    const bundle = compile(dir, manifest, fileOf, cachedData);
    if (bundle.cache === 'accepted') markUsed(fileOf(command));
    return bundle;
  } catch {
    // No home folder to be found, a bundle that cannot be read: the ES module bundle runs instead.
    return undefined;
  }
}

/** The CLI from the CommonJS bundle compiled from source, to run it and then save its cache; undefined when caching is off or the bundle is not built. */
export function bundleToWarm(env: NodeJS.ProcessEnv = process.env, dir = libDir): CompiledBundle | undefined {
  const folder = cacheFolder(env);
  const manifest = folder && readManifest(dir);
  if (!folder || !manifest) return undefined;
  return compile(dir, manifest, (command) => path.join(folder, cacheName(manifest, command)), undefined);
}

/** Written as every output of lawreport is (temp file beside it, then rename), then the oldest others of the folder go. Returns the file written. */
async function writeCache(file: string, bytes: Buffer): Promise<string> {
  await writeFileAtomic(file, bytes);
  prune(path.dirname(file), file);
  return file;
}

/**
 * Keeps the KEEP caches used or written last (by modification time: markUsed), and removes temp files a killed process left behind (a batch
 * worker ended mid-write, Ctrl-C during a save): a save takes milliseconds, so a temp older than
 * STALE_TEMP_MS is no one's, while a younger one may be another process's write in flight.
 * Synchronous, as every read of the warm start is: no thread-pool round trips, and no fs/promises to load.
 */
function prune(dir: string, keep: string, now = Date.now()): void {
  const names = readdirSync(dir);
  const dated = (name: string) => ({ name, time: mtimeOrNothing(path.join(dir, name)) });
  const caches = names.filter((name) => CACHE_FILE.test(name) && path.join(dir, name) !== keep).map(dated);
  const temps = names.filter((name) => TEMP_FILE.test(name)).map(dated);
  const present = caches.filter((c): c is { name: string; time: number } => c.time !== undefined).sort((a, b) => b.time - a.time);
  const stale = temps.filter((t) => t.time !== undefined && now - t.time > STALE_TEMP_MS);
  for (const { name } of [...present.slice(KEEP - 1), ...stale]) rmSync(path.join(dir, name), { force: true });
}

/** A file another process removed since the folder was listed has no time (and is no longer there to remove). */
function mtimeOrNothing(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

import { close, fsync, mkdir, open, rename, rm, rmSync, writeFile } from 'node:fs';
import path from 'node:path';

/** Temp files being written right now (by this thread), so an interrupted run can remove them on its way out. */
const pending = new Set<string>();
/** Set once the run is being interrupted: no new temp file is started, none is renamed into place. */
let stopped = false;
/** Temp names made by this thread so far. */
let temps = 0;
/**
 * This thread's part of a temp name: 0 on the main thread, a batch worker's threadId once it has
 * said so (setThreadTag). Not read from node:worker_threads here: loading it (with the worker
 * modules it brings) was ≈ 1.3 ms of every single build's first write, for a name (bench/README.md).
 */
let threadTag = 0;

/** Tells the temp names of this thread's writes its id; a worker thread calls it before it writes. */
export function setThreadTag(tag: number): void {
  threadTag = tag;
}
/** Writes of this thread not yet settled: a stop waits for them, since a temp file opened after the stop's first sweep is theirs to remove. */
const inFlight = new Set<Promise<void>>();

/**
 * A temp name's tag: the thread, a count and a random part. Not node:crypto's randomBytes, which
 * would load crypto (≈ 7 ms) for a name; 'wx' refuses a name that exists, so uniqueness is all it needs.
 */
function tempTag(): string {
  return `${threadTag}.${++temps}.${Math.floor(Math.random() * 0x100000000).toString(16)}`;
}

/** Thrown by a write that began before, or went on after, the run was interrupted. */
export class WriteInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** An open temp file, as a write uses it (fs/promises' FileHandle is one). */
export interface WriteHandle {
  writeFile(data: Uint8Array | string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls a write needs; tests pass failing ones to simulate a full or read-only disk. */
export interface WriteOps {
  mkdir(dir: string): Promise<unknown>;
  open(file: string, flags: 'wx'): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

/** A callback of node:fs as a promise. */
const call = <T = void>(start: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value as T))));

/**
 * node:fs's callback calls, each awaited as fs/promises' would be (libuv's thread pool, so a batch
 * worker takes a stop message between two of them), without loading fs/promises: its module, with
 * the readline and fs-watch modules it brings, is ≈ 2–3 ms of every build's first write
 * (bench/README.md); node:fs itself is loaded at every start.
 */
const nodeOps = (): WriteOps => ({
  mkdir: (dir) => call((done) => mkdir(dir, done)),
  open: async (file, flags) => {
    const fd = await call<number>((done) => open(file, flags, 0o666, done));
    return {
      writeFile: (data) => call((done) => writeFile(fd, data, done)),
      sync: () => call((done) => fsync(fd, done)),
      close: () => call((done) => close(fd, done)),
    };
  },
  rename: (from, to) => call((done) => rename(from, to, done)),
  rm: (file, options) => call((done) => rm(file, options, done)),
});

/**
 * Writes a file so that readers see either the old or the new content, never a mix:
 * temp file in the same folder, fsync, rename. The temp file is removed on error.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, ops: WriteOps = nodeOps()): Promise<void> {
  await writeFilesAtomic([[target, data]], ops);
}

/**
 * Writes several files as one step as far as a file system allows: every temp file is written
 * and synced first, and only then are they renamed into place. A failure while writing (a full
 * disk) leaves every target as it was.
 */
export async function writeFilesAtomic(files: [string, Uint8Array | string][], ops: WriteOps = nodeOps()): Promise<void> {
  const run = writeAll(files, ops);
  inFlight.add(run);
  try {
    await run;
  } finally {
    inFlight.delete(run);
  }
}

async function writeAll(files: [string, Uint8Array | string][], ops: WriteOps): Promise<void> {
  const temps: [string, string][] = [];
  try {
    for (const [target, data] of files) {
      if (stopped) throw new WriteInterrupted();
      const dir = path.dirname(target);
      await makeFolders(dir, ops);
      const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${tempTag()}.tmp`);
      pending.add(temp);
      temps.push([temp, target]);
      const handle = await ops.open(temp, 'wx');
      try {
        // The open may have been in libuv's threads when a stop swept the temp names: its file exists only now.
        if (stopped) throw new WriteInterrupted();
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const [temp, target] of temps) {
      if (stopped) throw new WriteInterrupted();
      await ops.rename(temp, target);
      pending.delete(temp);
    }
  } catch (error) {
    for (const [temp] of temps) {
      await ops.rm(temp, { force: true }).catch(() => {});
      pending.delete(temp);
    }
    throw error;
  }
}

/**
 * `mkdir -p` without Node's recursive mode, which retries for ever where mkdir says ENOENT inside
 * a folder that exists (`-o /proc/x`; some FUSE and network mounts): one level at a time, each at
 * most once. A file in the way fails later, at the open, with ENOTDIR.
 */
async function makeFolders(dir: string, ops: WriteOps): Promise<void> {
  const exists = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  };
  try {
    await ops.mkdir(dir);
  } catch (error) {
    const parent = path.dirname(dir);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) return exists(error);
    await makeFolders(parent, ops);
    await ops.mkdir(dir).catch(exists);
  }
}

/**
 * For SIGINT/SIGTERM (and a batch worker told to stop): stops every write of this thread from
 * starting another file or renaming one, removes the temp files already made, and waits for the
 * writes in flight to remove theirs (an open still in libuv's threads creates its file after the
 * first sweep). Callers bound the wait: a write stuck on a hung drive never settles.
 */
export async function stopWrites(): Promise<void> {
  stopped = true;
  sweep();
  await Promise.allSettled([...inFlight]);
  sweep();
}

function sweep(): void {
  for (const temp of pending) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  pending.clear();
}

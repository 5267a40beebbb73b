import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { found, MAX_READ_BYTES, MISSING, type FileResult, type SourceHost } from './host.js';

/*
 * Every call here is synchronous behind the Promise-returning interface. A report is a few dozen
 * small files read one after another; through fs/promises each read was five round trips to
 * libuv's thread pool (realpath, open, stat, read, close), the main thread idle between them, and
 * fs/promises itself a module to load at every start. None of these calls can block for long:
 * files are opened without blocking and measured before they are read (readFileBounded).
 */

/** realpath(3), as fs/promises' realpath calls it (not the JavaScript walk of fs.realpathSync). */
const realpathOf = realpathSync.native;

/** The real file system, confined to one report folder: a path leaving it is `denied`, never read. */
export function nodeHost(root: string): SourceHost {
  const absRoot = path.resolve(root);
  let realRoot: string | undefined;

  function resolveInside(rel: string): FileResult<string> {
    const outside: FileResult<never> = { status: 'denied', reason: 'outside' };
    if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.includes('\0')) return outside;
    const abs = path.resolve(absRoot, rel);
    realRoot ??= realOrNothing(absRoot) ?? absRoot;
    const base = realRoot;
    const plain = plainInside(absRoot, base, abs);
    if (plain) return plain;
    let real: string;
    try {
      real = realpathOf(abs);
    } catch (error) {
      // A link that loops is reported as such; a file that does not exist, by the read (as where it would be).
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { status: 'unreadable', reason: 'ELOOP' };
      real = resolvedPathNow(abs);
    }
    const inside = (p: string, b: string) => p === b || p.startsWith(b + path.sep);
    return inside(abs, absRoot) && inside(real, base) ? found(real) : outside;
  }

  return {
    root: absRoot,
    async readText(rel, limit) {
      const bytes = await this.readBytes(rel, limit);
      return bytes.status === 'ok' ? found(new TextDecoder('utf-8').decode(bytes.value)) : bytes;
    },
    async readBytes(rel, limit) {
      const at = resolveInside(rel);
      return at.status === 'ok' ? readFileBoundedSync(at.value, limit) : at;
    },
    async listFiles(rel) {
      const at = resolveInside(rel === '' ? '.' : rel);
      if (at.status !== 'ok') return at;
      try {
        const entries = readdirSync(at.value, { withFileTypes: true });
        // Everything but folders: a pipe or a link is listed, and reading it says what it is (never skipped in silence).
        return found(entries.filter((e) => !e.isDirectory()).map((e) => e.name).sort());
      } catch (error) {
        return failure(error);
      }
    },
  };
}

/**
 * Below every platform's limits (macOS' PATH_MAX, NAME_MAX): a longer path or name goes the full
 * walk, whose open then says ENAMETOOLONG, as it did before this shortcut, rather than "missing".
 */
const SHORT_PATH = 1024;
const SHORT_NAME = 255;

/**
 * `abs` (inside `absRoot`, whose real path is `realRoot`) resolved without realpath(3), which reads
 * every component from / down (a dozen system calls, each failure an Error: ≈ 26 µs a file, and a
 * missing optional file such as templates/title.hbs cost ≈ 140 µs walking up): each component
 * below the root is looked at once with lstat (no Error when missing). A component that is
 * missing ends it: the file is missing (no link on the way, so nothing to follow: what
 * resolvedPath would say too). A link, a long path, or anything else, is left to the full walk (undefined).
 */
function plainInside(absRoot: string, realRoot: string, abs: string): FileResult<string> | undefined {
  if (abs === absRoot || !abs.startsWith(absRoot + path.sep) || Buffer.byteLength(abs) >= SHORT_PATH) return undefined;
  const parts = abs.slice(absRoot.length + 1).split(path.sep);
  if (parts.some((part) => Buffer.byteLength(part) > SHORT_NAME)) return undefined;
  let current = absRoot;
  for (const part of parts) {
    current += path.sep + part;
    let info;
    try {
      info = lstatSync(current, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!info) return MISSING;
    if (info.isSymbolicLink()) return undefined;
  }
  return found(path.join(realRoot, ...parts));
}

/**
 * The path as the file system resolves it: links followed, and for a path that does not exist
 * (yet), its nearest existing folder's real path and the rest. A link to where nothing is yet is
 * followed too: a write through it would land there.
 */
export async function resolvedPath(abs: string): Promise<string> {
  return resolvedPathNow(abs);
}

function resolvedPathNow(abs: string, hops = 0): string {
  const rest: string[] = [];
  for (let current = abs; ; current = path.dirname(current)) {
    const real = realOrNothing(current);
    if (real) return path.join(real, ...rest);
    const target = hops < 40 ? linkTarget(current) : undefined;
    if (target !== undefined) return resolvedPathNow(path.join(path.resolve(path.dirname(current), target), ...rest), hops + 1);
    if (path.dirname(current) === current) return abs;
    rest.unshift(path.basename(current));
  }
}

function realOrNothing(abs: string): string | undefined {
  try {
    return realpathOf(abs);
  } catch {
    return undefined;
  }
}

function linkTarget(abs: string): string | undefined {
  try {
    return readlinkSync(abs);
  } catch {
    return undefined;
  }
}

// Opening a FIFO for reading blocks until a writer comes, in a thread that no signal can free:
// open without blocking, then ask the open file what it is. Windows has no O_NONBLOCK and no FIFOs in folders.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;

/**
 * Reads a file of at most `limit` bytes: opened without blocking, checked (a regular file, not too
 * large) on the open handle, so a file swapped after a check is caught too, and read no further
 * than the limit, so a file that grows while read cannot pass it either.
 */
export async function readFileBounded(abs: string, limit = MAX_READ_BYTES): Promise<FileResult<Uint8Array>> {
  return readFileBoundedSync(abs, limit);
}

/** readFileBounded for a caller that cannot wait (a require compiling a module). */
export function readFileBoundedSync(abs: string, limit = MAX_READ_BYTES): FileResult<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { status: 'not-a-file', kind: 'folder' };
    if (!info.isFile()) return { status: 'not-a-file', kind: 'special' };
    if (info.size > limit) return { status: 'too-large', size: info.size, limit };
    // The first read asks for the size the handle reported and one byte more, to see the end
    // without another read: one buffer the size of the file, returned as it is (no copy), where
    // 1 MB chunks meant a 1 MB buffer for each chapter of a few KB and two copies of the code
    // cache's megabytes at every start. Not pooled (allocUnsafeSlow): the result owns its memory.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Math.min(info.size + 1, limit + 1); ; want = Math.min(CHUNK, limit + 1 - total)) {
      const chunk = Buffer.allocUnsafeSlow(want);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { status: 'too-large', size: total, limit };
      // Short of what was asked, with all the size the handle reported: the end, without one more
      // read to be told so (a read short of the size, as network file systems may give, reads on).
      if (bytesRead < chunk.length && total >= info.size) break;
    }
    const [only] = chunks;
    if (only && chunks.length === 1) return found(new Uint8Array(only.buffer, only.byteOffset, total));
    return found(new Uint8Array(Buffer.concat(chunks, total)));
  } catch (error) {
    return failure(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor that was read cannot lose data; nothing to report.
    }
  }
}

/** A file-system error as a result: what is not there is missing; a folder is not a file. */
function failure(error: unknown): FileResult<never> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return MISSING;
  if (code === 'EISDIR') return { status: 'not-a-file', kind: 'folder' };
  // What opening a socket (or a device with nothing behind it) says.
  if (code === 'ENXIO') return { status: 'not-a-file', kind: 'special' };
  if (code === 'EACCES' || code === 'EPERM') return { status: 'denied', reason: 'permission' };
  return { status: 'unreadable', reason: code ?? (error instanceof Error ? error.message : String(error)) };
}

import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { found, MISSING, type FileResult, type SourceHost } from './host.js';

/** The real file system, confined to one report folder: a path leaving it is `denied`, never read. */
export function nodeHost(root: string): SourceHost {
  const absRoot = path.resolve(root);
  let realRoot: Promise<string> | undefined;

  async function resolveInside(rel: string): Promise<FileResult<string>> {
    const outside: FileResult<never> = { status: 'denied', reason: 'outside' };
    if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return outside;
    const abs = path.resolve(absRoot, rel);
    realRoot ??= realpath(absRoot).catch(() => absRoot);
    const base = await realRoot;
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      real = abs; // does not exist: the read reports it
    }
    const inside = (p: string, b: string) => p === b || p.startsWith(b + path.sep);
    return inside(abs, absRoot) && inside(real, base) ? found(real) : outside;
  }

  /** A file-system error as a result: what is not there is missing (a folder read as a file too). */
  const failure = (error: unknown): FileResult<never> => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return MISSING;
    if (code === 'EACCES' || code === 'EPERM') return { status: 'denied', reason: 'permission' };
    return { status: 'unreadable', reason: code ?? (error instanceof Error ? error.message : String(error)) };
  };

  return {
    root: absRoot,
    async readText(rel) {
      const bytes = await this.readBytes(rel);
      return bytes.status === 'ok' ? found(new TextDecoder('utf-8').decode(bytes.value)) : bytes;
    },
    async readBytes(rel) {
      const at = await resolveInside(rel);
      if (at.status !== 'ok') return at;
      try {
        return found(new Uint8Array(await readFile(at.value)));
      } catch (error) {
        return failure(error);
      }
    },
    async listFiles(rel) {
      const at = await resolveInside(rel === '' ? '.' : rel);
      if (at.status !== 'ok') return at;
      try {
        const entries = await readdir(at.value, { withFileTypes: true });
        return found(entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort());
      } catch (error) {
        return failure(error);
      }
    },
  };
}

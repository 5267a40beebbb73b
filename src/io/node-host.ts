import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { SourceHost } from './host.js';

/** Raised when a relative path resolves outside the report folder (../, absolute, symlink). */
export class OutsideRootError extends Error {
  constructor(readonly requested: string) {
    super(`path leaves the report folder: ${requested}`);
  }
}

/** The real file system, confined to one report folder. */
export function nodeHost(root: string): SourceHost {
  const absRoot = path.resolve(root);
  let realRoot: Promise<string> | undefined;

  async function resolveInside(rel: string): Promise<string> {
    if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) throw new OutsideRootError(rel);
    const abs = path.resolve(absRoot, rel);
    realRoot ??= realpath(absRoot);
    const base = await realRoot;
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      real = abs; // does not exist: the read below reports it
    }
    const inside = (p: string, b: string) => p === b || p.startsWith(b + path.sep);
    if (!inside(abs, absRoot) || !inside(real, base)) throw new OutsideRootError(rel);
    return real;
  }

  const missing = (error: unknown) =>
    (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

  return {
    root: absRoot,
    async readText(rel) {
      const bytes = await this.readBytes(rel);
      return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
    },
    async readBytes(rel) {
      try {
        return new Uint8Array(await readFile(await resolveInside(rel)));
      } catch (error) {
        if (missing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw error;
      }
    },
    async listFiles(rel) {
      try {
        const entries = await readdir(await resolveInside(rel === '' ? '.' : rel), { withFileTypes: true });
        return entries
          .filter((e) => e.isFile() || e.isSymbolicLink())
          .map((e) => e.name)
          .sort();
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { runGit, type Repository } from './git.js';
import { found, MISSING, normalize, type FileResult, type SourceHost } from './host.js';

interface Entry {
  mode: string;
  type: string;
  oid: string;
}

/** A report folder as it was at a commit, read through git: no checkout, the work tree untouched. */
export interface RevisionHost extends SourceHost {
  /** Whether the folder exists at that commit at all. */
  readonly exists: boolean;
  /** Stops the `git cat-file` process (it also ends by itself when lawreport exits). */
  close(): void;
}

/** Symbolic links followed inside the folder before the chain is refused. */
const MAX_LINKS = 8;

/**
 * Lists the folder's tree once (`git ls-tree -r`) and reads blobs on demand through one
 * `git cat-file --batch` process. Paths are confined to the folder as the Node host confines
 * them: `..`, absolute paths and symbolic links that leave it are `denied`.
 */
export async function revisionHost(repo: Repository, commit: string, prefix: string, display: string): Promise<RevisionHost | { status: 'failed'; reason: string }> {
  const tree = prefix === '' ? `${commit}^{tree}` : `${commit}:${prefix}`;
  const listed = await runGit(repo.top, ['ls-tree', '-r', '-z', '--end-of-options', tree], repo);
  if (listed.status === 'no-git') return { status: 'failed', reason: listed.reason };
  const entries = new Map<string, Entry>();
  // A folder missing at that commit is a report that did not exist yet (or any more).
  if (listed.status === 'ok') {
    for (const record of listed.stdout.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
      entries.set(record.slice(tab + 1), { mode, type, oid });
    }
  }
  const blobs = new BlobReader(repo);

  // A symbolic link's blob is its target: followed while it stays inside the folder.
  const linkTargets = new Map<string, string>();
  async function entryOf(rel: string): Promise<FileResult<Entry>> {
    let at = normalize(rel);
    for (let hops = 0; hops <= MAX_LINKS; hops++) {
      if (path.posix.isAbsolute(at) || /^[a-zA-Z]:/.test(at)) return { status: 'denied', reason: 'outside' };
      at = path.posix.normalize(at);
      if (at === '..' || at.startsWith('../')) return { status: 'denied', reason: 'outside' };
      const entry = entries.get(at);
      // Not there, a folder, or a submodule (a commit, not a file).
      if (!entry || entry.type !== 'blob') return MISSING;
      if (entry.mode !== '120000') return found(entry);
      let target = linkTargets.get(entry.oid);
      if (target === undefined) {
        const bytes = await blobs.read(entry.oid);
        if (!bytes) return { status: 'unreadable', reason: 'git cat-file' };
        linkTargets.set(entry.oid, (target = new TextDecoder().decode(bytes)));
      }
      if (path.posix.isAbsolute(target)) return { status: 'denied', reason: 'outside' };
      at = path.posix.join(path.posix.dirname(at), target);
    }
    return { status: 'unreadable', reason: 'ELOOP' };
  }

  const host: RevisionHost = {
    root: display,
    exists: entries.size > 0,
    async readBytes(rel) {
      const entry = await entryOf(rel);
      if (entry.status !== 'ok') return entry;
      const bytes = await blobs.read(entry.value.oid);
      return bytes ? found(bytes) : { status: 'unreadable', reason: 'git cat-file' };
    },
    async readText(rel) {
      const bytes = await this.readBytes(rel);
      return bytes.status === 'ok' ? found(new TextDecoder('utf-8').decode(bytes.value)) : bytes;
    },
    async listFiles(rel) {
      const dir = normalize(rel === '.' ? '' : rel);
      const inside = dir === '' ? '' : `${dir}/`;
      if (dir.startsWith('..') || path.posix.isAbsolute(dir)) return { status: 'denied', reason: 'outside' };
      const names: string[] = [];
      let isDir = dir === '' && entries.size > 0;
      for (const [name, entry] of entries) {
        if (!name.startsWith(inside)) continue;
        isDir = true;
        const rest = name.slice(inside.length);
        if (!rest.includes('/') && entry.type === 'blob') names.push(rest);
      }
      return isDir ? found(names.sort()) : MISSING;
    },
    close: () => blobs.close(),
  };
  return host;
}

/** One `git cat-file --batch` process, asked for one object at a time. */
class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (bytes: Uint8Array | undefined) => void }[] = [];
  private failed = false;

  constructor(private readonly repo: Repository) {}

  read(oid: string): Promise<Uint8Array | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    const child = this.start();
    this.hold(true);
    return new Promise((resolve) => {
      this.waiting.push({ resolve });
      child.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo.top, env: { ...this.repo.env, GIT_OPTIONAL_LOCKS: '0' }, windowsHide: true });
    child.on('error', () => this.fail());
    child.on('exit', () => this.fail());
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child = child;
    return child;
  }

  /**
   * Keeps lawreport running while an answer is awaited, and only then: an idle reader never holds
   * the process open (git sees the end of its input when lawreport exits).
   */
  private hold(busy: boolean): void {
    const child = this.child as (ChildProcessWithoutNullStreams & { stdout: { ref?(): void; unref?(): void } }) | undefined;
    if (!child) return;
    if (busy) {
      child.ref();
      child.stdout.ref?.();
    } else {
      child.unref();
      child.stdout.unref?.();
      (child.stdin as unknown as { unref?(): void }).unref?.();
      (child.stderr as unknown as { unref?(): void }).unref?.();
    }
  }

  /** `<oid> blob <size>\n<content>\n` per object; `<oid> missing\n` for none. */
  private drain(): void {
    while (this.waiting.length > 0) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.waiting.shift()!.resolve(undefined);
        if (this.waiting.length === 0) this.hold(false);
        continue;
      }
      const size = Number(header[2]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const content = new Uint8Array(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.waiting.shift()!.resolve(content);
    }
    if (this.waiting.length === 0) this.hold(false);
  }

  private fail(): void {
    this.failed = true;
    this.child = undefined;
    for (const w of this.waiting.splice(0)) w.resolve(undefined);
  }
}

/** A host made later (by an async step), usable at once: every read waits for it. */
export function pendingHost(root: string, made: Promise<SourceHost>): SourceHost {
  return {
    root,
    readText: async (p) => (await made).readText(p),
    readBytes: async (p) => (await made).readBytes(p),
    listFiles: async (p) => (await made).listFiles(p),
  };
}

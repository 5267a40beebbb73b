/**
 * Every source file is read through this interface (like Typst's World), so the whole
 * pipeline runs on in-memory sources in tests. Paths are relative to the report folder,
 * with forward slashes. A read returns a result, never throws: the loader turns each kind
 * of failure into a diagnostic at the place that named the file.
 */
export interface SourceHost {
  /** Absolute or display name of the report folder, for messages. */
  readonly root: string;
  readText(path: string): Promise<FileResult<string>>;
  readBytes(path: string): Promise<FileResult<Uint8Array>>;
  /** Names of the entries of a folder (files only), sorted. */
  listFiles(dir: string): Promise<FileResult<string[]>>;
}

/** What reading a file gave (like Typst's FileResult). */
export type FileResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'missing' }
  /** `outside`: the path leaves the report folder (../, absolute, a symlink out); `permission`: the system refused. */
  | { status: 'denied'; reason: 'outside' | 'permission' }
  /** Any other failure (an I/O error); `reason` names it for messages. */
  | { status: 'unreadable'; reason: string };

export type FileFailure = Exclude<FileResult<never>, { status: 'ok' }>;

export const found = <T>(value: T): FileResult<T> => ({ status: 'ok', value });
export const MISSING: FileResult<never> = { status: 'missing' };

/** The value when the read succeeded, else undefined (for reads where any failure means "not there"). */
export function valueOf<T>(result: FileResult<T>): T | undefined {
  return result.status === 'ok' ? result.value : undefined;
}

/** The same result with its value changed. */
export function mapResult<T, U>(result: FileResult<T>, fn: (value: T) => U): FileResult<U> {
  return result.status === 'ok' ? found(fn(result.value)) : result;
}

/** A host over a plain object of files, for tests and for the preview server's overlays. */
export function memoryHost(files: Record<string, string | Uint8Array>, root = '<memory>'): SourceHost {
  const get = (path: string) => files[normalize(path)];
  return {
    root,
    async readText(path) {
      const value = get(path);
      return value === undefined ? MISSING : found(typeof value === 'string' ? value : new TextDecoder().decode(value));
    },
    async readBytes(path) {
      const value = get(path);
      return value === undefined ? MISSING : found(typeof value === 'string' ? new TextEncoder().encode(value) : value);
    },
    async listFiles(dir) {
      const prefix = dir === '' || dir === '.' ? '' : normalize(dir) + '/';
      const names = Object.keys(files)
        .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
        .map((name) => name.slice(prefix.length));
      const isDir = prefix === '' || Object.keys(files).some((name) => name.startsWith(prefix));
      return isDir ? found(names.sort()) : MISSING;
    },
  };
}

export function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * `base` with some files' text replaced, or added (listed in their folder then): how fmt --fix
 * re-checks its edits before writing anything, and how textconv reads an old chapter in its report.
 */
export function overlayHost(base: SourceHost, overrides: ReadonlyMap<string, string>): SourceHost {
  return {
    root: base.root,
    async readText(path) {
      const text = overrides.get(normalize(path));
      return text === undefined ? base.readText(path) : found(text);
    },
    async readBytes(path) {
      const text = overrides.get(normalize(path));
      return text === undefined ? base.readBytes(path) : found(new TextEncoder().encode(text));
    },
    async listFiles(dir) {
      const listed = await base.listFiles(dir);
      const prefix = normalize(dir) === '' || normalize(dir) === '.' ? '' : `${normalize(dir)}/`;
      const added = [...overrides.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
      if (added.length === 0) return listed;
      return found([...new Set([...(listed.status === 'ok' ? listed.value : []), ...added])].sort());
    },
  };
}

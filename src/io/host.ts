/**
 * Every source file is read through this interface (like Typst's World), so the whole
 * pipeline runs on in-memory fixtures in tests. Paths are relative to the report folder,
 * with forward slashes.
 */
export interface SourceHost {
  /** Absolute or display name of the report folder, for messages. */
  readonly root: string;
  readText(path: string): Promise<string | undefined>;
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Names of the entries of a folder (files only), sorted; undefined when it does not exist. */
  listFiles(dir: string): Promise<string[] | undefined>;
}

/** A host over a plain object of files, for tests and for the preview server's overlays. */
export function memoryHost(files: Record<string, string | Uint8Array>, root = '<memory>'): SourceHost {
  const get = (path: string) => files[normalize(path)];
  return {
    root,
    async readText(path) {
      const value = get(path);
      return value === undefined ? undefined : typeof value === 'string' ? value : new TextDecoder().decode(value);
    },
    async readBytes(path) {
      const value = get(path);
      return value === undefined ? undefined : typeof value === 'string' ? new TextEncoder().encode(value) : value;
    },
    async listFiles(dir) {
      const prefix = dir === '' || dir === '.' ? '' : normalize(dir) + '/';
      const names = Object.keys(files)
        .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
        .map((name) => name.slice(prefix.length));
      const isDir = prefix === '' || Object.keys(files).some((name) => name.startsWith(prefix));
      return isDir ? names.sort() : undefined;
    },
  };
}

export function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `base` with some files' text replaced: how fmt --fix re-checks its edits before writing anything. */
export function overlayHost(base: SourceHost, overrides: ReadonlyMap<string, string>): SourceHost {
  return {
    root: base.root,
    async readText(path) {
      return overrides.get(normalize(path)) ?? base.readText(path);
    },
    async readBytes(path) {
      const text = overrides.get(normalize(path));
      return text === undefined ? base.readBytes(path) : new TextEncoder().encode(text);
    },
    listFiles: (dir) => base.listFiles(dir),
  };
}

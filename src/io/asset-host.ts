import { found, MISSING, normalize, type SourceHost } from './host.js';

/**
 * A read-only host over files embedded in the single executable (node:sea assets), keyed by their
 * path in the package (`schemas/profiles/national.yaml`). The assets cannot be listed at run time,
 * so the build stores their keys beside them.
 */
export function assetHost(keys: readonly string[], getAsset: (key: string) => ArrayBuffer, root = '<lawreport>'): SourceHost {
  const known = new Set(keys);
  const bytes = (file: string) => {
    const key = normalize(file);
    return known.has(key) ? new Uint8Array(getAsset(key)) : undefined;
  };
  return {
    root,
    async readText(file) {
      const value = bytes(file);
      return value === undefined ? MISSING : found(new TextDecoder('utf-8').decode(value));
    },
    async readBytes(file) {
      const value = bytes(file);
      return value === undefined ? MISSING : found(value);
    },
    async listFiles(dir) {
      const prefix = normalize(dir) === '' || normalize(dir) === '.' ? '' : `${normalize(dir)}/`;
      const inside = keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
      if (inside.length === 0) return MISSING;
      return found(inside.filter((name) => !name.includes('/')).sort());
    },
  };
}

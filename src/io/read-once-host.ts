import { found, type FileResult, type SourceHost } from './host.js';

/**
 * A host over files that do not change while the process runs (lawreport's own package): each text
 * and listing is read once, then served from memory. A batch read the same built-in templates,
 * catalog and profiles again for every report, each read half a dozen file-system calls. Only what
 * was there or missing is kept; any other failure is read again next time. Bytes are read each time
 * (a caller may write into a buffer; none is shared).
 */
export function readOnceHost(host: SourceHost): SourceHost {
  const texts = new Map<string, Promise<FileResult<string>>>();
  const lists = new Map<string, Promise<FileResult<string[]>>>();
  const once = <T>(kept: Map<string, Promise<FileResult<T>>>, key: string, read: () => Promise<FileResult<T>>): Promise<FileResult<T>> => {
    let result = kept.get(key);
    if (!result) {
      kept.set(key, (result = read()));
      void result.then((r) => {
        if (r.status !== 'ok' && r.status !== 'missing') kept.delete(key);
      });
    }
    return result;
  };
  return {
    root: host.root,
    readText: (path, limit) => once(texts, `${limit ?? ''}:${path}`, () => host.readText(path, limit)),
    readBytes: (path, limit) => host.readBytes(path, limit),
    async listFiles(dir) {
      const listed = await once(lists, dir, () => host.listFiles(dir));
      return listed.status === 'ok' ? found([...listed.value]) : listed;
    },
  };
}

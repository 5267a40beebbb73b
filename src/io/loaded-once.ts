/** What `load` gives, loaded at the first call and kept; undefined if it throws (a file `npm run build` writes, before the first build). */
export function loadedOnce<T>(load: () => T): () => T | undefined {
  let loaded: T | null | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        loaded = load();
      } catch {
        loaded = null;
      }
    }
    return loaded ?? undefined;
  };
}

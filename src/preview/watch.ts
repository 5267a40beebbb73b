import { watch, type FSWatcher } from 'node:fs';

/** Editor droppings and folders whose changes never affect the report. */
function ignored(file: string, outDir: string): boolean {
  const parts = file.split('/');
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true; // .git, .#lock, .swp
  if (file === outDir || file.startsWith(`${outDir}/`)) return true;
  return /(~|\.swp|\.swx|\.tmp)$/.test(file) || parts.at(-1) === '4913'; // vim probes with a file named 4913
}

/**
 * Watches the report folder (recursive fs.watch: inotify on Linux, FSEvents on macOS) and
 * reports the changed report-relative paths in batches: an editor's save is often several
 * events (write temp, rename, chmod), which become one rebuild.
 */
export function watchReport(dir: string, outDir: () => string, onChange: (files: string[] | undefined) => void, onError: (error: Error) => void): FSWatcher {
  let pending: Set<string> | undefined = new Set();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name === null) everything = true;
    else {
      const file = name.toString().replace(/\\/g, '/');
      if (ignored(file, outDir())) return;
      pending!.add(file);
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = everything ? undefined : [...pending!];
      pending = new Set();
      everything = false;
      onChange(files);
    }, 25);
  });
  watcher.on('error', onError);
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}

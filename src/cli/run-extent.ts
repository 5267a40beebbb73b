/*
 * Whether this process's command did the whole of its usual work, for the warm start: V8's code
 * cache holds the functions a run compiled, and the first run of a command makes that command's
 * cache for good (code-cache.ts). A run that stopped early (a build refused for errors, so nothing
 * was rendered; a folder that is no report; a usage error; `build --help`) would leave a cache
 * without the pipeline, and every later run would compile the rest from source: a typical build
 * 167 against 149 ms after a refused first build (bench/README.md). Such a run leaves no cache;
 * the next one that goes through does. Process state, as the cache is: one command a process.
 */
let partial = false;

/** Says this run stopped before its command's usual work (nothing rendered, nothing checked). */
export function stoppedEarly(): void {
  partial = true;
}

/** True when the run said it stopped early (the loader then saves no cache of it). */
export function ranPartly(): boolean {
  return partial;
}

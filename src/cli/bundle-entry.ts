// What lib/lawreport.cjs exports (scripts/bundle.mjs): the CLI, and the batch worker that
// src/cli/code-cache-worker.ts runs from the same file and its code cache.
export { main } from './main.js';
export { ranPartly } from './run-extent.js';

/**
 * The batch worker, initialised only when a worker asks for it: imported statically, its modules
 * (the task runner, the whole build pipeline, the printers) ran their top-levels at every start of
 * the one-file bundle, whichever command ran, and went into every command's code cache.
 */
export async function serveBatch(afterFirst?: () => void | Promise<void>): Promise<void> {
  (await import('./batch/serve.js')).serveBatch(afterFirst);
}

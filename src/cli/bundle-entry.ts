// What lib/lawreport.cjs exports (scripts/bundle.mjs): the CLI, and the batch worker that
// src/cli/code-cache-worker.ts runs from the same file and its code cache.
export { main } from './main.js';
export { serveBatch } from './batch/serve.js';

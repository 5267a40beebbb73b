import { cachedMain } from './code-cache.js';

// lib/code-cache-worker.js: a batch worker started by a run from lib/lawreport.cjs (builtins-host's
// batchWorker). It serves from that file and its own code cache ("worker"), which its first report
// leaves when there was none; without one that fits, from the split ES module bundle (lib/worker.js).
const bundle = await cachedMain(['worker']);
if (bundle) await bundle.exports.serveBatch(() => bundle.saveAfter(['worker']));
else await import('./batch/worker.js');

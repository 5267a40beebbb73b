import { cachedMain } from './code-cache.js';

// lib/code-cache-worker.cjs: a batch worker started by a run from lib/lawreport.cjs (builtins-host's
// batchWorker). It serves from that file and its own code cache ("worker"), which its first report
// leaves when there was none; without one that fits, from the split ES module bundle (lib/worker.js).
// CommonJS (scripts/bundle.mjs), as the bin is: a worker served from the cache then loads no ES
// module, so Node never starts its ES module loader in it (≈ 15–20 ms of CPU a worker). Hence no
// top-level await here.
void cachedMain(['worker']).then(async (bundle) => {
  if (bundle) await bundle.exports.serveBatch(() => bundle.saveAfter(['worker']));
  else await import('./batch/worker.js');
});

import { threadId } from 'node:worker_threads';
import { setThreadTag } from '../io/atomic-write.js';
import { cachedMain } from './code-cache.js';

// lib/code-cache-worker.cjs: a batch worker started by a run from lib/lawreport.cjs (builtins-host's
// batchWorker). It serves from that file and its own code cache ("worker"), which its first report
// leaves when there was none; without one that fits, from the split ES module bundle (lib/worker.js).
// CommonJS (scripts/bundle.mjs), as the bin is: a worker served from the cache then loads no ES
// module, so Node never starts its ES module loader in it (≈ 15–20 ms of CPU a worker). Hence no
// top-level await here.
// This file's own copy of the atomic writes (the code cache's) names its temp files by the thread
// too; the bundle's copy is told by serveBatch.
setThreadTag(threadId);
void cachedMain(['worker']).then(async (bundle) => {
  if (bundle) await bundle.exports.serveBatch(() => bundle.saveAfter(['worker']));
  else await import('./batch/worker.js');
});

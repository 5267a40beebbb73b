// esbuild's plugin for the bundle of src/cli/snapshot-main.sea.ts, the main script of the single
// executable that starts from a V8 startup snapshot (scripts/dist.mjs). The snapshot is the heap
// of a process that has run lawreport check and build once: what those runs leave in it must still
// work in every later process that starts from it.
import path from 'node:path';

/**
 * Built-in modules Node 20 does not vouch for in a snapshot builder: loaded while the snapshot is
 * made, their state is stale after the restore (worker_threads: a Worker started by the restored
 * process fails at its first process.cwd(), its counter of chdir() calls lost). The bundle gets each
 * as an object of getters that loads the real module at first use, which is at run time.
 */
const LAZY_BUILTINS = /^(node:)?(worker_threads|child_process|sea)$/;
/** What worker_threads answers in a main thread: atomic-write.ts names temp files by threadId, also in the builder. */
const MAIN_THREAD = { threadId: 0, isMainThread: true, parentPort: null, workerData: null };

export function snapshotPlugin(root) {
  return {
    name: 'startup-snapshot',
    setup(b) {
      lazyBuiltins(b, LAZY_BUILTINS);
      // fflate's Node build loads worker_threads through createRequire('/') (for its asynchronous
      // API, unused here) when it is first imported, out of the getters' reach; its browser build
      // is the same synchronous code without that (docx bundles that one already).
      b.onResolve({ filter: /^fflate$/ }, () => ({ path: path.join(root, 'node_modules', 'fflate', 'esm', 'browser.js') }));
    },
  };
}

/**
 * The built-ins matching `filter` as objects of getters that load the real module at first use
 * (also lib/lawreport.cjs's worker_threads, scripts/bundle.mjs: a check never starts a worker).
 */
export function lazyBuiltins(b, filter) {
  b.onResolve({ filter }, (args) =>
    // The getters' own require() is the real module.
    args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
  );
  b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => ({ contents: await lazyBuiltin(args.path), loader: 'js' }));
}

/** The getters' module for a built-in: this Node's export names (the executable is made from this very binary). */
async function lazyBuiltin(name) {
  const names = Object.keys(await import(`node:${name}`)).filter((key) => key !== 'default');
  const fixed = name === 'worker_threads' ? MAIN_THREAD : {};
  const getters = names.map((key) => {
    const inBuilder = key in fixed ? `startupSnapshot.isBuildingSnapshot() ? ${JSON.stringify(fixed[key])} : ` : '';
    return `  get ${JSON.stringify(key)}() { return ${inBuilder}load()[${JSON.stringify(key)}]; },`;
  });
  return [
    "const { startupSnapshot } = require('node:v8');",
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(`node:${name}`)}));`,
    `module.exports = {\n${getters.join('\n')}\n};`,
    '',
  ].join('\n');
}

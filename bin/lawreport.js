#!/usr/bin/env node
'use strict';
// A thin bin: all logic lives in main(), which returns the exit code. lib/lawreport.js is the
// bundled CLI that `npm run build` writes (starts faster than the ~250 modules of lib/cli/main.js).
// This file is also the entry of the single executables: scripts/dist.mjs bundles it with src/ in
// place of lib/, so the start-up sequence lives here only.
// CommonJS (bin/package.json): on the warm path nothing here or in lib/code-cache.cjs is an ES
// module, so Node never starts its ES module loader (≈ 15–20 ms of translating built-ins into
// module facades); only the fallback to the split ES module bundle import()s it.
const path = require('node:path');
const { setFlagsFromString } = require('node:v8');

// A run lasts from a tenth of a second to a few seconds. V8's optimising compiler (TurboFan) would
// spend more CPU on its background threads optimising start-up code that runs a few times than
// that code then saves; 15 × V8's default budget keeps it for the loops that run long (deflating
// the DOCX). check -25 % CPU, build -35 %, a batch -20 % (bench/README.md).
// No incremental marking: a build's heap reaches the size at which V8 starts marking the old
// generation alongside the program, and the process then spends ≈ 20 ms CPU finishing a major
// collection just before it ends; without it V8 collects the old generation only when the heap
// is full, which a report never fills (a batch takes the same time, bench/README.md).
// Not --semi-space-growth-factor=1 here: it keeps the long report (≈ 200 pages) at ≈ 130 MB peak
// RSS instead of ≈ 180 MB, but costs every typical build ≈ 14–19 ms CPU (bench/README.md); a large
// report switches to it (and a faster-collected old generation) at run time, src/cli/heap.ts.
// The flags are the engine's own (src/cli/v8-flags.ts): Node 22 and later count tier-up in calls
// and print "Error: unrecognized flag" for --interrupt-budget. Taken from the warm start's loader,
// which keys each code cache by them: a cache is valid only for the flags it was made with.
// Set before the bundle loads.
// And set after what every warm run loads anyway: Node's built-in modules come with a code cache
// made for V8's default flags, which V8 refuses once these are set, so a built-in first loaded
// after them is compiled from its source (≈ 3 × the time). The warm start's loader brings node:vm,
// node:zlib, node:os and node:module (≈ 1.5 ms less); main() writes through both standard streams,
// whose modules for a terminal or a pipe are node:tty or node:net (≈ 2 ms less; bench/README.md).
const loader = codeCache();
void process.stdout;
void process.stderr;
if (loader) setFlagsFromString(loader.V8_FLAGS);

/** The warm start's loader, or undefined when it is not built (a clone before `npm ci`). */
function codeCache() {
  try {
    return require('../lib/code-cache.cjs');
  } catch {
    return undefined;
  }
}

// The CLI from V8's code cache of the CommonJS bundle (lib/code-cache.cjs: −15–20 % CPU for check
// and build; the first run of a command makes its cache), else from the split ES module bundle,
// which starts faster without a cache (LAWREPORT_CODE_CACHE=off, a CI job).
const start = (argv) =>
  Promise.resolve(loader?.cachedMain(argv))
    .catch(() => undefined)
    .then(async (cached) => (cached ? { main: cached.exports.main, done: cached.saveAfter } : { main: (await import('../lib/lawreport.js')).main, done: () => {} }));

const argv = process.argv.slice(2);
start(argv).then(
  async ({ main, done }) => {
    process.exitCode = await main({ argv, handleSignals: true });
    await done(argv);
  },
  (error) => {
    // A clone linked (npm link, npm install -g .) before `npm ci` built lib/.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/lib[\\/]lawreport\.js/.test(String(error.url ?? error.message))) throw error;
    const root = path.resolve(__dirname, '..') + path.sep;
    process.stderr.write(`lawreport 还没有构建：请在 ${root} 中运行 npm ci（或 npm run build）。\nlawreport is not built yet: run npm ci (or npm run build) in ${root}.\n`);
    process.exitCode = 2;
  },
);

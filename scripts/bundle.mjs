// Bundles the CLI into lib/lawreport.js (+ lazily loaded chunks), part of `npm run build`.
// One file per feature instead of ~250 modules: `check` starts about a third faster
// (bench/README.md has the numbers). The chunks sit directly in lib/, so `packageRoot`
// (lib/..) stays the package root whichever chunk computes it.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenizer } from 'acorn';
import { build } from 'esbuild';
import { CJS_BUNDLE, docxStringKeys } from './cjs-bundle.mjs';
import { lazyBuiltins } from './snapshot-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');

// Chunks are content-hashed: drop the previous build's so lib/ does not grow stale files (and the
// ES modules lib/code-cache.js and lib/code-cache-worker.js of builds before their .cjs).
for (const name of (await readdir(lib).catch(() => [])).filter((n) => /^(chunk-.*|code-cache|code-cache-worker)\.js$/.test(n))) await rm(path.join(lib, name));

/**
 * commander requires node:child_process at load, for executable subcommands lawreport does not
 * have: loading it costs every run ≈ 2–3 ms. Its three uses are `childProcess.spawn(…)`, so a
 * getter that requires it on first use keeps commander's behaviour. Fails the build if commander
 * changes that line, rather than silently bundling something else.
 */
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!code.includes(eager)) throw new Error(`${args.path}: commander no longer requires child_process as expected; update scripts/bundle.mjs`);
      return { contents: code.replace(eager, "const childProcess = { get spawn() { return require('node:child_process').spawn; } };"), loader: 'js' };
    });
  },
};

/**
 * chalk's own colour detection (its vendored supports-color) runs when chalk loads: it loads
 * node:tty, and with it node:net, and asks isatty of both streams (≈ 1.5 ms of every start
 * whose output is a file). lawreport never reads it: every Chalk it makes is given its level
 * (src/cli/terminal.ts decides), so the detection is answered "none" without asking.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-color-detection' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * In the one-file bundles of the warm start, worker_threads is loaded at its first use (a batch
 * starting its workers, a worker serving): a check or a single build never loads it (≈ 0.7–1.3 ms).
 */
const lazyWorkerThreads = { name: 'lazy-worker-threads', setup: (b) => lazyBuiltins(b, /^(node:)?worker_threads$/) };

await build({
  absWorkingDir: root,
  entryPoints: { lawreport: 'src/cli/main.ts', worker: 'src/cli/batch/worker.ts', 'warm-code-cache': 'src/cli/warm-code-cache.ts' },
  outdir: 'lib',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true, // keeps the renderers behind their dynamic imports: check never loads docx
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (ajv, handlebars) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [lazyChildProcess, chalkWithoutDetection, docxStringKeys],
  logLevel: 'warning',
});

/**
 * A CommonJS file of lib/: import.meta.url (which dependencies written as ES modules and our own
 * code ask) is the file's own, in lib/ as the ES module bundle is, so packageRoot (lib/..) is the same.
 */
const cjsFile = (entry, outfile, more = {}) =>
  build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    ...CJS_BUNDLE,
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    ...more,
  });

/**
 * The same CLI as one CommonJS file, for the warm start (src/cli/code-cache.ts): vm.Script can
 * compile it with V8's code cache, which ES modules cannot have on Node 20. code-cache.json
 * names it with a hash of its content, which every cache's file name carries.
 */
const cjs = await cjsFile('src/cli/bundle-entry.ts', 'lib/lawreport.cjs', {
  // Short local names too: every warm start reads the whole file and V8 deserialises a cache that
  // carries its names (3.46 → 2.65 MB, check's cache 1.84 → 1.66 MB: ≈ 4 % of check's
  // instructions). Its stack traces are never shown (--debug runs the split ES module bundle).
  // Without keepNames, which costs back most of the gain in __name calls at load: a class's `name`
  // is then short, and what reads one here (commander's and xmlbuilder's errors) never prints it.
  minifyIdentifiers: true,
  plugins: [
    lazyChildProcess,
    chalkWithoutDetection,
    docxStringKeys,
    lazyWorkerThreads,
    {
      name: 'bundled-validators',
      setup(b) {
        b.onResolve({ filter: /\/bundled-validators\.js$/ }, () => ({ path: path.join(root, 'src', 'io', 'bundled-validators.cjs.ts') }));
      },
    },
    {
      // The summary's renderers (exceljs, ECharts) come from lib/summary-renderers.cjs, below.
      name: 'summary-renderers-apart',
      setup(b) {
        const formats = path.join(root, 'src', 'summary', 'formats.ts');
        b.onResolve({ filter: /^\.\/(?:xlsx|html)\.js$/ }, (args) => (args.importer === formats ? { path: path.join(root, 'src', 'summary', 'renderers.cjs.ts') } : undefined));
      },
    },
  ],
  write: false,
});
if (/zrender/.test(cjs.outputFiles[0].text)) throw new Error('lib/lawreport.cjs: the summary renderers are bundled in again');
const code = Buffer.from(asciiOnly(cjs.outputFiles[0].text));
await writeFile(path.join(lib, 'lawreport.cjs'), code);
await writeFile(path.join(lib, 'code-cache.json'), JSON.stringify({ bundle: 'lawreport.cjs', id: createHash('sha256').update(code).digest('hex').slice(0, 16) }) + '\n');

/** The summary's renderers for lib/lawreport.cjs (src/summary/renderers.cjs.ts requires them when a summary is written). */
await cjsFile('src/summary/renderers.ts', 'lib/summary-renderers.cjs');

/**
 * The warm start's loader (src/cli/code-cache.ts) as one CommonJS file, lib/code-cache.cjs, which
 * bin/lawreport.js (CommonJS too) requires: a warm run then loads no ES module at all, and Node
 * never starts its ES module loader, whose translating of built-ins into module facades cost
 * ≈ 15–20 ms of every warm start when the bin and this loader were ES modules.
 */
await cjsFile('src/cli/code-cache.ts', 'lib/code-cache.cjs', { plugins: [lazyWorkerThreads] });

/**
 * The batch workers' entry (src/cli/code-cache-worker.ts) as CommonJS for the same reason: a worker
 * started on an ES module started the ES module loader in its thread (≈ 15–20 ms each). Its fallback,
 * the split bundle's worker (lib/worker.js), stays an ES module, imported only when there is no cache.
 */
await cjsFile('src/cli/code-cache-worker.ts', 'lib/code-cache-worker.cjs', {
  plugins: [
    {
      name: 'split-bundle-worker',
      setup(b) {
        b.onResolve({ filter: /^\.\/batch\/worker\.js$/ }, () => ({ path: './worker.js', external: true }));
      },
    },
  ],
});

/**
 * The bundle in ASCII, so that the loader can read it as latin1 into a one-byte string: half the
 * memory of the two-byte string 23 lines of Chinese would make of all 6.4 MB, and a read of ≈ 10 ms
 * instead of ≈ 28 ms. esbuild escapes strings and identifiers but leaves regular expression
 * literals as written (/^[一二三]+、/); acorn finds those, and \uXXXX means the same character in
 * any regular expression. Any other non-ASCII text fails the build rather than being guessed at.
 */
function asciiOnly(source) {
  const nonAscii = /[^\x00-\x7f]/;
  if (!nonAscii.test(source)) return source;
  let out = '';
  let last = 0;
  const comments = [];
  for (const token of tokenizer(source, { ecmaVersion: 'latest', onComment: comments })) {
    const raw = source.slice(token.start, token.end);
    if (!nonAscii.test(raw)) continue;
    if (token.type.label !== 'regexp') throw new Error(`lib/lawreport.cjs: non-ASCII outside a regular expression at offset ${token.start}: ${raw.slice(0, 40)}`);
    out += source.slice(last, token.start) + raw.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    last = token.end;
  }
  out += source.slice(last);
  if (nonAscii.test(out)) throw new Error('lib/lawreport.cjs: non-ASCII text left (in a comment?)');
  return out;
}

// `npm run dist [-- linux-x64 win-x64 …] [--out dir] [--no-snapshot]`: single executables (Node's single executable
// applications) for people without Node. Each one is a Node binary of the version running this script
// with lawreport injected by postject: the CLI bundled into one CommonJS script, the batch worker and
// the package's files (schemas/, templates/, package.json) as node:sea assets. The build machine's own
// Node serves its platform (offline); the others come from the npm packages node-<platform>-<arch> at
// the same version, fetched once with `npm pack` into node_modules/.cache/lawreport-dist/. The own
// platform's executable starts from a V8 startup snapshot of the CLI warmed by a check and a build
// (src/cli/snapshot-main.sea.ts); `--no-snapshot` makes it with V8's code cache instead, as before.
// The snapshot is made on Node 20 only: Node 22 and 26 fail to write the blob (`--experimental-sea-config`
// exits with an error; on 22 std::length_error), and on Node 24 a batch worker started inside a
// snapshot executable ends the process on an assertion in node::IsolateData; there the code cache serves.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CJS_BUNDLE, docxStringKeys } from './cjs-bundle.mjs';
import { snapshotPlugin } from './snapshot-bundle.mjs';
import postject from 'postject';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The Node versions whose startup snapshot runs every command here, batch workers included (see above). */
const SNAPSHOT_NODE = /^v20\./;
const TARGETS = {
  'linux-x64': { platform: 'linux', arch: 'x64', file: 'lawreport-linux-x64' },
  'linux-arm64': { platform: 'linux', arch: 'arm64', file: 'lawreport-linux-arm64' },
  'win-x64': { platform: 'win32', arch: 'x64', file: 'lawreport-win-x64.exe' },
};
// Node's fixed marker for the SEA blob (docs: Single executable applications).
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
// The package files the executable carries: what package.json's "files" ships besides bin/ and lib/.
const ASSET_DIRS = ['schemas', 'templates'];

const { targets, out, snapshot } = parseArgs(process.argv.slice(2));
if (!(await stat(path.join(root, 'lib', 'validate', 'precompiled')).catch(() => null))) {
  console.error('lib/ is not built: run `npm run dist` (which builds first), or `npm run build` before this script.');
  process.exit(2);
}
const work = path.join(root, 'node_modules', '.cache', 'lawreport-dist');
await mkdir(out, { recursive: true });
await mkdir(work, { recursive: true });

const stage = await mkdtemp(path.join(work, 'stage-'));
const made = [];
try {
  // A snapshot and a code cache are made by, and only valid for, this very Node binary: the
  // executables of other platforms get a plain blob; this machine's own platform gets the snapshot
  // (check and build ≈ −25 % CPU against the code cache, bench/README.md), or with --no-snapshot the code cache.
  const blobs = {};
  const blobFor = async (target) => {
    const kind = !ownBinary(target) ? 'plain' : snapshot ? 'snapshot' : 'code-cache';
    return (blobs[kind] ??= await prepareBlob(path.join(stage, kind), kind));
  };
  for (const name of targets) {
    const target = TARGETS[name];
    const blob = await blobFor(target);
    const file = path.join(out, target.file);
    // Made beside its place and renamed into it: an interrupted build leaves the previous executable.
    const partial = `${file}.partial`;
    await copyFile(await nodeBinary(target), partial);
    await chmod(partial, 0o755);
    if (target.platform === 'win32') await writeFile(partial, withoutSignature(await readFile(partial)));
    await quietly(() => postject.inject(partial, 'NODE_SEA_BLOB', blob, { sentinelFuse: SENTINEL_FUSE }));
    await rename(partial, file);
    made.push(file);
  }
} finally {
  await rm(stage, { recursive: true, force: true });
}
const sums = [];
for (const file of made) {
  const bytes = await readFile(file);
  sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${path.basename(file)}`);
  console.log(`${path.relative(process.cwd(), file)}  ${(bytes.length / 1e6).toFixed(1)} MB`);
}
if (targets.length === Object.keys(TARGETS).length) await writeFile(path.join(out, 'SHA256SUMS'), sums.join('\n') + '\n');

function parseArgs(args) {
  const targets = [];
  let out = path.join(root, 'dist');
  let snapshot = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = path.resolve(args[++i]);
    else if (args[i] === '--no-snapshot') snapshot = false;
    else if (args[i] in TARGETS) targets.push(args[i]);
    else {
      console.error(`unknown target "${args[i]}": one of ${Object.keys(TARGETS).join(', ')}`);
      process.exit(2);
    }
  }
  if (snapshot && !SNAPSHOT_NODE.test(process.version)) {
    console.error(`Node ${process.version}: the own platform's executable starts from V8's code cache (a startup snapshot is made on Node 20 only).`);
    snapshot = false;
  }
  return { targets: targets.length ? targets : Object.keys(TARGETS), out, snapshot };
}

/**
 * The SEA preparation blob: bundles, assets and the config `node --experimental-sea-config` reads.
 * `kind`: plain, code-cache (V8's cache of the main script) or snapshot (the heap after a warm-up).
 */
async function prepareBlob(stage, kind) {
  const useSnapshot = kind === 'snapshot';
  await mkdir(stage, { recursive: true });
  await bundle(useSnapshot ? 'src/cli/snapshot-main.sea.ts' : 'bin/lawreport.js', path.join(stage, 'lawreport.cjs'), { snapshot: useSnapshot });
  await bundle('src/cli/batch/worker.ts', path.join(stage, 'worker.cjs'));
  // exceljs and ECharts: an asset the main script runs only when a summary is written (renderers.sea.ts).
  await bundle('src/summary/renderers.ts', path.join(stage, 'summary.cjs'), { separate: false });

  const assets = { 'package.json': path.join(root, 'package.json') };
  for (const dir of ASSET_DIRS) {
    for (const rel of await filesUnder(path.join(root, dir))) assets[`${dir}/${rel}`] = path.join(root, dir, rel);
  }
  const manifest = path.join(stage, 'assets.json');
  await writeFile(manifest, JSON.stringify(Object.keys(assets).sort()));
  // The names builtins-host.sea.ts reads (MANIFEST, WORKER_ASSET).
  assets['lawreport-assets.json'] = manifest;
  assets['lawreport-worker.cjs'] = path.join(stage, 'worker.cjs');
  assets['lawreport-summary.cjs'] = path.join(stage, 'summary.cjs'); // RENDERERS_ASSET

  const config = path.join(stage, 'sea-config.json');
  const blobFile = path.join(stage, 'sea-prep.blob');
  await writeFile(
    config,
    JSON.stringify({
      main: 'lawreport.cjs',
      output: 'sea-prep.blob',
      disableExperimentalSEAWarning: true,
      useSnapshot,
      useCodeCache: kind === 'code-cache',
      assets,
    }),
  );
  // Run from the stage folder with a relative main: the script's name in stack traces (and in the
  // executable's bytes) is lawreport.cjs, not this machine's path. The snapshot's warm-up reads the
  // assets from their files (builtins-host.sea.ts) and runs on a copy of the example report.
  const env = useSnapshot ? { ...process.env, LAWREPORT_SEA_CONFIG: config, LAWREPORT_SNAPSHOT_WARM: path.join(root, 'examples', 'shilizhen-2024') } : process.env;
  try {
    execFileSync(process.execPath, ['--experimental-sea-config', 'sea-config.json'], { cwd: stage, env, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`${kind} blob not made (${error.message.split('\n')[0]}):\n${error.stderr ?? ''}${useSnapshot ? '\n`--no-snapshot` makes the executable with the code cache instead.' : ''}`);
  }
  return readFile(blobFile);
}

/**
 * One CommonJS file per entry (a SEA main script is a single CommonJS script), src/ bundled in
 * place of lib/'s bundle, with the executable's own builtins host. `separate`: the summary's
 * large renderers come from their asset (false when bundling that asset itself); `snapshot`: the
 * main script of a startup snapshot (scripts/snapshot-bundle.mjs).
 */
async function bundle(entry, outfile, { separate = true, snapshot = false } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    ...CJS_BUNDLE,
    // Dependencies written as ES modules ask import.meta.url where they are (fdir, to look for an
    // optional picomatch with createRequire): in the executable, that is the executable — not the
    // current folder, whose node_modules (a report repository's) is none of lawreport's business.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(process.execPath).href;" },
    // The snapshot builder names the main script by its absolute path in this machine's stage
    // folder; stack traces (--debug) say lawreport.cjs instead, as the other executables' do.
    ...(snapshot ? { footer: { js: '//# sourceURL=lawreport.cjs' } } : {}),
    plugins: [
      ...(snapshot ? [snapshotPlugin(root)] : []),
      docxStringKeys,
      {
        name: 'single-executable',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/lib\/lawreport\.js$/ }, () => ({ path: path.join(root, 'src', 'cli', 'main.ts') }));
          // The npm package's warm start (lib/code-cache.cjs) has no place here: the CLI is in the executable itself.
          b.onResolve({ filter: /^\.\.\/lib\/code-cache\.cjs$/ }, () => ({ path: 'code-cache', namespace: 'sea-stub' }));
          b.onLoad({ filter: /.*/, namespace: 'sea-stub' }, () => ({ contents: `export const cachedMain = () => undefined;\nexport { V8_FLAGS } from ${JSON.stringify(path.join(root, 'src', 'cli', 'v8-flags.ts'))};`, loader: 'js', resolveDir: root }));
          b.onResolve({ filter: /\/builtins-host\.js$/ }, () => ({ path: path.join(root, 'src', 'io', 'builtins-host.sea.ts') }));
          if (separate) {
            b.onResolve({ filter: /^\.\/(?:xlsx|html)\.js$/ }, (args) =>
              args.importer === path.join(root, 'src', 'summary', 'formats.ts') ? { path: path.join(root, 'src', 'summary', 'renderers.sea.ts') } : undefined,
            );
          }
        },
      },
    ],
  });
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The Node binary a target starts from. This machine's own node when it is that platform and a
 * self-contained build (a distribution's node linked against a shared libnode is not); otherwise
 * bin/node[.exe] of the npm package node-<platform>-<arch> at this Node's version.
 */
async function nodeBinary(target) {
  const version = process.version.slice(1);
  if (ownBinary(target)) return process.execPath;
  const pkg = `node-${target.platform === 'win32' ? 'win' : target.platform}-${target.arch}`;
  const dir = path.join(work, `${pkg}-${version}`);
  const binary = path.join(dir, 'package', 'bin', target.platform === 'win32' ? 'node.exe' : 'node');
  if (await stat(binary).catch(() => null)) return binary;
  await mkdir(dir, { recursive: true });
  console.log(`fetching ${pkg}@${version} (npm pack)…`);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', `${pkg}@${version}`, '--json', '--pack-destination', dir], { encoding: 'utf8' }));
  execFileSync('tar', ['-xzf', path.join(dir, packed.filename), '-C', dir, `package/bin/${path.basename(binary)}`]);
  await rm(path.join(dir, packed.filename));
  return binary;
}

/**
 * node.exe is signed by the OpenJS Foundation; injecting the blob breaks that signature, and Windows
 * shows a broken signature as worse than none. Node's docs remove it first (`signtool remove /s`):
 * this does the same without Windows — clears the PE certificate table entry and drops the
 * certificates at the end of the file.
 */
function withoutSignature(exe) {
  const pe = exe.readUInt32LE(0x3c);
  if (exe.readUInt32LE(pe) !== 0x4550) throw new Error('node.exe is not a PE file');
  const optional = pe + 24;
  const magic = exe.readUInt16LE(optional);
  const directories = optional + (magic === 0x20b ? 112 : 96); // PE32+ or PE32
  const security = directories + 4 * 8; // IMAGE_DIRECTORY_ENTRY_SECURITY
  const offset = exe.readUInt32LE(security);
  const size = exe.readUInt32LE(security + 4);
  if (offset === 0 || size === 0) return exe;
  exe.writeUInt32LE(0, security);
  exe.writeUInt32LE(0, security + 4);
  return offset + size >= exe.length ? exe.subarray(0, offset) : exe;
}

/** postject's ELF reader (LIEF) warns about every note section of Node's binary; those warnings are noise. */
async function quietly(run) {
  const warn = console.warn;
  console.warn = (...args) => void (/Can't find string offset for section name/.test(String(args[0])) || warn(...args));
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** Whether a target's executable is made from this machine's own node (same platform, a self-contained build). */
function ownBinary(target) {
  return target.platform === process.platform && target.arch === process.arch && !process.config.variables.node_shared;
}

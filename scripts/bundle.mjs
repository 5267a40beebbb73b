// Bundles the CLI into lib/lawreport.js (+ lazily loaded chunks), part of `npm run build`.
// One file per feature instead of ~250 modules: `check` starts about a third faster
// (bench/README.md has the numbers). The chunks sit directly in lib/, so `packageRoot`
// (lib/..) stays the package root whichever chunk computes it.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');

// Chunks are content-hashed: drop the previous build's so lib/ does not grow stale files.
for (const name of (await readdir(lib).catch(() => [])).filter((n) => /^chunk-.*\.js$/.test(n))) await rm(path.join(lib, name));

await build({
  absWorkingDir: root,
  entryPoints: { lawreport: 'src/cli/main.ts', worker: 'src/cli/batch/worker.ts' },
  outdir: 'lib',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true, // keeps the renderers behind their dynamic imports: check never loads docx
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (ajv, handlebars) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { bundleToWarm } from './code-cache.js';
import { V8_FLAGS } from './v8-flags.js';

/*
 * lib/warm-code-cache.js, run by `npm run build` and at install: runs the CommonJS bundle on a
 * copy of the example report (check, then build to DOCX, HTML and text) and saves V8's code cache
 * of what those runs compiled (code-cache.ts). Never fails the build or the install: without a
 * cache, lawreport runs as before. LAWREPORT_CODE_CACHE=off skips it.
 */

setFlagsFromString(V8_FLAGS);
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = () => {};

async function warm(): Promise<string | undefined> {
  const bundle = bundleToWarm();
  if (!bundle) return undefined;
  const work = await mkdtemp(path.join(os.tmpdir(), 'lawreport-warm-'));
  try {
    const report = path.join(work, 'report');
    await cp(path.join(packageRoot, 'examples', 'shilizhen-2024'), report, { recursive: true });
    const run = (argv: string[]) => bundle.exports.main({ argv, cwd: report, stdout: quiet, stderr: quiet, isTTY: false, env: { ...process.env, NO_COLOR: '1' } });
    // Each command's cache holds what its run compiled: check's is saved before build runs.
    await run(['check']);
    await bundle.save('check');
    await run(['build', '-o', path.join(work, 'out'), '-f', 'docx,html,txt']);
    return bundle.save('build');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

warm().then(
  (file) => {
    if (file && process.argv.includes('--verbose')) process.stdout.write(`code cache: ${file}\n`);
  },
  (error: unknown) => {
    if (process.argv.includes('--verbose')) process.stderr.write(`code cache not written: ${String(error)}\n`);
  },
);

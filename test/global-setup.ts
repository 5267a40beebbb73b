import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The tests make their report folders, outputs and browser profiles under os.tmpdir(): about 300
 * folders a run, which stayed in the system's temp folder. For the run they go under one folder
 * of their own (TMPDIR, which vitest's workers and every process a test starts inherit), removed
 * when the run ends. LAWREPORT_KEEP_TEST_TMP=1 keeps it, to look at what a failing test wrote.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lawreport-test-'));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  // os.tmpdir() reads TMPDIR on POSIX and TMP/TEMP on Windows.
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (process.env.LAWREPORT_KEEP_TEST_TMP) {
      process.stdout.write(`test files kept in ${root}\n`);
      return;
    }
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A process a test started may still be writing there; a folder left behind fails no test.
    }
  };
}

import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LARGE_REPORT_FLAGS, V8_DEFAULT_HEAP_FLAGS } from '../src/cli/heap.js';
import { V8_FLAGS, v8FlagsFor } from '../src/cli/v8-flags.js';
import { exampleDir, repoRoot } from './helpers.js';

// V8 prints "Error: unrecognized flag" on standard error for a flag it does not know, at every
// run, and drops the flags after it: Node 22 and 24 do so for Node 20's --interrupt-budget.
const run = promisify(execFile);

/** What this process's V8 lists of its flags (`node --v8-options`): names, types and defaults. Read once. */
let listed: string | undefined;
const v8Options = () => (listed ??= execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));

/** The flag names this process's V8 knows, without dashes. */
function knownFlags(): Set<string> {
  return new Set([...v8Options().matchAll(/^\s+--([a-z0-9-]+) \(/gm)].map((m) => m[1]!));
}

/** A flag's name as --v8-options lists it: `--no-x` is the negation of `--x`, `=value` dropped. */
const flagName = (flag: string) => flag.replace(/^--/, '').replace(/=.*$/, '').replace(/^no-/, '');

describe('V8 flags', () => {
  it("are the tier-up budget on V8 11 (Node 20), call counts from V8 12 (Node 22, 24, 26) on, which removed the budget; no incremental marking on both", () => {
    expect(v8FlagsFor('11.3.244.8-node.38')).toBe('--interrupt-budget=1000000 --no-incremental-marking');
    for (const v8 of ['12.4.254.21-node.57', '13.6.233.17-node.63', '14.6.202.34-node.40']) {
      const flags = v8FlagsFor(v8);
      expect(flags).not.toContain('interrupt-budget');
      expect(flags).toContain('--invocation-count-for-turbofan=');
      expect(flags).toContain('--no-incremental-marking');
    }
    expect(V8_FLAGS).toBe(v8FlagsFor(process.versions.v8));
  });

  it(`are all known to this Node's V8 (${process.version}, V8 ${process.versions.v8}): every run's, and a large report's`, () => {
    const known = knownFlags();
    expect(known.size).toBeGreaterThan(100);
    const flags = `${V8_FLAGS} ${LARGE_REPORT_FLAGS}`.split(' ');
    expect(flags.filter((f) => !known.has(flagName(f)))).toEqual([]);
  });

  it("that a summary's drawing changes are put back to V8's own defaults, the values this V8 lists", () => {
    const text = v8Options();
    const defaults = V8_DEFAULT_HEAP_FLAGS.split(' ');
    // The same flags as the large-report set, each at the value V8 starts with.
    expect(defaults.map(flagName)).toEqual(LARGE_REPORT_FLAGS.split(' ').map(flagName));
    for (const flag of defaults) expect(text, flag).toContain(`default: ${flag}`);
  });

  it('leave standard error empty on a run that has nothing to say', async () => {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'check', exampleDir, '--quiet'], { env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/unrecognized flag/);
  });
});

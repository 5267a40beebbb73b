import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm run eval:import` is how import's recognition is measured on real reports (README, issue 12).
// Run here on the invented fixtures in test/fixtures/import (truth.json beside them), so the script
// cannot drift from the pipeline's API unnoticed: it once passed a host where check wants a Session,
// and every imported folder counted as not judged.
const run = promisify(execFile);

describe('eval:import', () => {
  it('measures the fixtures: every field found, every imported folder judged by check', async () => {
    const { stdout } = await run(process.execPath, ['scripts/eval-import.mjs', 'test/fixtures/import', '--no-misses'], { timeout: 60_000 });
    const row = (label: string) => new RegExp(`\\| ${label}\\s*\\| (\\d+)/(\\d+) `).exec(stdout)?.slice(1).map(Number);
    expect(stdout).toContain('(3 reports)');
    for (const label of ['title', 'org', 'year', 'chapters', 'check judged the folder']) {
      const [ok, total] = row(label) ?? [];
      expect({ label, ok }).toEqual({ label, ok: total });
      expect(total).toBeGreaterThan(0);
    }
    expect(stdout).toMatch(/\| invented years\s*\| 0 /);
    expect(stdout).toMatch(/\| spurious chapters\s*\| 0 /);
  });
});

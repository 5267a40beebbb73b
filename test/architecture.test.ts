import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * The layers of src/ (.dependency-cruiser.cjs), checked by dependency-cruiser: no import circle,
 * no import from a lower layer to a higher one, no module outside a layer.
 */
describe('the import graph of src/', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    const cwd = process.cwd();
    process.chdir(repoRoot);
    try {
      const options = await extractDepcruiseOptions(path.join(repoRoot, '.dependency-cruiser.cjs'));
      const tsConfig = extractTSConfig(path.join(repoRoot, 'tsconfig.json'));
      result = (await cruise(['src'], { ...options, validate: true }, {}, { tsConfig })).output as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);

  it('has no circle and no import from a lower layer to a higher one', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(violations).toEqual([]);
  });

  it('resolves every relative import of src/ to a file (an unresolved one would hide from the layer check)', () => {
    const unresolved = result.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} → ${d.module}`));
    expect(unresolved).toEqual([]);
    expect(result.modules.filter((m) => m.source.startsWith('src/')).length).toBeGreaterThan(150);
  });

  it('places every folder of src/ in a layer that docs/architecture.md names', async () => {
    const config = createRequire(import.meta.url)(path.join(repoRoot, '.dependency-cruiser.cjs')) as { forbidden: { name: string; from: { pathNot?: string } }[] };
    const known = new RegExp(config.forbidden.find((r) => r.name === 'no-unknown-layer')!.from.pathNot!);
    const doc = await readFile(path.join(repoRoot, 'docs', 'architecture.md'), 'utf8');
    for (const entry of await readdir(path.join(repoRoot, 'src'), { withFileTypes: true })) {
      const rel = `src/${entry.name}${entry.isDirectory() ? '/' : ''}`;
      expect(known.test(rel), `${rel} belongs to no layer`).toBe(true);
      expect(doc, `docs/architecture.md does not name ${rel}`).toContain(`\`${rel}\``);
    }
  });
});

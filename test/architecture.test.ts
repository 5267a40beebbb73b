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

  it('loads for check only what check runs: none of import, of the renderers or of their libraries before a dynamic import', () => {
    // What `lawreport check` compiles at every start: the static import graph from its command.
    const bySource = new Map(result.modules.map((m) => [m.source, m]));
    const reached = new Set<string>();
    const queue = ['src/cli/commands/check.ts'];
    while (queue.length) {
      const source = queue.pop()!;
      if (reached.has(source)) continue;
      reached.add(source);
      for (const d of bySource.get(source)?.dependencies ?? []) if (!d.dynamic && !d.dependencyTypes.includes('type-only')) queue.push(d.resolved);
    }
    expect(reached.size).toBeGreaterThan(50);
    const heavy = [...reached].filter((s) => /^src\/(import|render|summary)\/|node_modules\/(opencc-js|mammoth|exceljs|docx|echarts|pdfjs-dist|iconv-lite)\//.test(s));
    // Diagnostic definitions are data the registry collects, and the format list is data config is
    // checked against; the code that raises those diagnostics or renders those formats loads when it runs.
    const data = /^src\/(import\/(diagnostics|chapter-notes|fact-notes|map-chapters)|summary\/diagnostics|render\/(registry|options))\.ts$/;
    expect(heavy.filter((s) => !data.test(s))).toEqual([]);
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

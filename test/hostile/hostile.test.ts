import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, repoRoot } from '../helpers.js';
import { cases, type HostileCase } from './cases.js';
import { xmlProblems } from './xml.js';

/** Generous: a case that needs this long is a hang, not slowness (speed lives in bench/). */
const KILL_AFTER_MS = 60_000;
const bin = path.join(repoRoot, 'bin', 'lawreport.js');

interface Outcome {
  class: string;
  name: string;
  exit: number | null;
  ms: number;
  crashed: boolean;
  hung: boolean;
  sourcesChanged: boolean;
  partialOutputs: boolean;
}
const outcomes: Outcome[] = [];

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (full.includes(`${path.sep}dist`) || !entry.isFile()) continue;
    out[path.relative(dir, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return out;
}

function run(args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, timeout: KILL_AFTER_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr, ms: performance.now() - start });
    });
  });
}

async function prepare(c: HostileCase): Promise<string> {
  const dir = await copyExample();
  for (const [name, content] of Object.entries(c.files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  for (const [link, target] of Object.entries(c.symlinks ?? {})) {
    await mkdir(path.dirname(path.join(dir, link)), { recursive: true });
    await symlink(target, path.join(dir, link));
  }
  return dir;
}

describe('hostile input', () => {
  it.each(cases.map((c) => [`${c.class}: ${c.name}`, c] as const))('%s', async (_label, c) => {
    const dir = await prepare(c);
    const before = await hashTree(dir);
    const result = await run(['build', ...(c.args ?? [])], dir);
    const output = result.stdout + result.stderr;
    const dist = path.join(dir, 'dist');
    const produced = await readdir(dist).catch(() => [] as string[]);
    const temps = produced.filter((f) => f.endsWith('.tmp'));
    const complete = produced.length === 0 || ['.docx', '.html', '.txt'].every((ext) => produced.some((f) => f.endsWith(ext)));
    const outcome: Outcome = {
      class: c.class,
      name: c.name,
      exit: result.code,
      ms: Math.round(result.ms),
      hung: result.signal === 'SIGKILL',
      crashed: result.code === null || result.code > 2 || /\n\s+at .+:\d+:\d+/.test(output) || output.includes('内部错误'),
      sourcesChanged: JSON.stringify(await hashTree(dir)) !== JSON.stringify(before),
      partialOutputs: temps.length > 0 || !complete,
    };
    outcomes.push(outcome);

    expect(outcome.hung, 'hung').toBe(false);
    expect(outcome.crashed, output.slice(0, 2000)).toBe(false);
    expect(outcome.sourcesChanged).toBe(false);
    expect(outcome.partialOutputs).toBe(false);
    expect(result.code, output.slice(0, 2000)).toBe(c.exit);
    if (c.expect) expect(output).toContain(c.expect);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Whatever was produced is well-formed: every XML part of the DOCX parses strictly; no script in HTML.
    for (const file of produced) {
      const bytes = await readFile(path.join(dist, file));
      if (file.endsWith('.docx')) {
        for (const [part, data] of Object.entries(unzipSync(bytes))) {
          if (part.endsWith('.xml') || part.endsWith('.rels')) expect(xmlProblems(new TextDecoder().decode(data)), part).toEqual([]);
        }
      }
      if (file.endsWith('.html')) expect(bytes.toString('utf8')).not.toMatch(/<script|\son[a-z]+=/i);
    }
  });

  afterAll(async () => {
    await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
    await writeFile(path.join(repoRoot, 'test-results', 'hostile.json'), JSON.stringify(outcomes, null, 2));
  });
});

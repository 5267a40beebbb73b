import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryHost, type SourceHost } from '../src/io/host.js';
import { nodeHost } from '../src/io/node-host.js';
import { main } from '../src/cli/main.js';
import { Session } from '../src/session.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const exampleDir = path.join(repoRoot, 'examples', 'shilizhen-2024');
export const builtins: SourceHost = nodeHost(repoRoot);
/** One session for the test files' runs, like a batch worker's: schemas, validators and templates made once. */
export const session = new Session(builtins);

/** The example report as an in-memory file map, to mutate per test. */
export async function exampleFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'dist') continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel);
      else files[rel] = await readFile(path.join(dir, entry.name), 'utf8');
    }
  };
  await walk(exampleDir, '');
  return files;
}

export function hostOf(files: Record<string, string | Uint8Array>): SourceHost {
  return memoryHost(files, '/memory/report');
}

/** A fresh copy of the example report in a temp folder. */
export async function copyExample(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-'));
  const target = path.join(dir, 'report');
  await cp(exampleDir, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  return target;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would from `cwd`. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: { NO_COLOR: '1', ...env },
    isTTY: false,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

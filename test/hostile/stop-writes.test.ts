import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
// Its own file: a stop is for good in the thread that made it, so it would refuse the writes of every other test here.
import { nodeWriteOps, stopWrites, writeFilesAtomic, WriteInterrupted, type WriteOps } from '../../src/io/atomic-write.js';

it('a stop that comes while a temp file is being opened removes it, renames nothing and lets no later write start', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-stop-'));
  const target = path.join(dir, '汇总.xlsx');
  await writeFile(target, 'old');
  // The stop comes between the temp name being taken and its file existing (a signal handled there):
  // the stop's first sweep finds no file yet, so the write itself must remove it.
  let stop: Promise<void> | undefined;
  const stoppingOpen: WriteOps = {
    ...nodeWriteOps,
    open: (file) => {
      stop = stopWrites();
      return nodeWriteOps.open(file);
    },
  };
  const outcome = writeFilesAtomic([[target, 'new'], [path.join(dir, 'b.html'), 'new b']], stoppingOpen).then(
    () => 'written',
    (error: unknown) => error,
  );
  await stop;
  expect(await outcome).toBeInstanceOf(WriteInterrupted);
  expect(await readdir(dir)).toEqual(['汇总.xlsx']);
  expect(await readFile(target, 'utf8')).toBe('old');
  // And no write starts after the stop.
  await expect(writeFilesAtomic([[path.join(dir, 'later.txt'), 'x']])).rejects.toBeInstanceOf(WriteInterrupted);
  expect(await readdir(dir)).toEqual(['汇总.xlsx']);
});

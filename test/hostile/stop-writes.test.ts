import { mkdtemp, open, readdir, readFile, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
// Its own file: a stop is for good in the thread that made it, so it would refuse the writes of every other test here.
import { stopWrites, writeFilesAtomic, WriteInterrupted, type WriteOps } from '../../src/io/atomic-write.js';

it('a stop that comes while a temp file is still being opened waits for that write to remove it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-stop-'));
  const target = path.join(dir, '汇总.xlsx');
  await writeFile(target, 'old');
  // The open is in libuv's threads when the stop comes (what Ctrl-C during the batch's summary write met):
  // the file appears only after the stop's first sweep of temp names.
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  let opening!: () => void;
  const reached = new Promise<void>((resolve) => (opening = resolve));
  const slowOpen = (async (file: string, flags: string) => {
    opening();
    await opened;
    return open(file, flags);
  }) as WriteOps['open'];
  const write = writeFilesAtomic([[target, 'new']], { ...fsp, open: slowOpen } as WriteOps);
  let settled = false;
  const outcome = write.then(
    () => 'written',
    (error: unknown) => ((settled = true), error),
  );
  await reached;
  const stop = stopWrites();
  release();
  await stop;
  // The process ends right after the stop: by then the write must have settled and taken its temp file with it.
  expect(settled).toBe(true);
  expect(await readdir(dir)).toEqual(['汇总.xlsx']);
  expect(await outcome).toBeInstanceOf(WriteInterrupted);
  expect(await readFile(target, 'utf8')).toBe('old');
  // And no write starts after the stop.
  await expect(writeFilesAtomic([[path.join(dir, 'later.txt'), 'x']])).rejects.toBeInstanceOf(WriteInterrupted);
  expect(await readdir(dir)).toEqual(['汇总.xlsx']);
});

/** Reading files: the package's own, read once per process, and a report's, read whole and within its limit. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { found, memoryHost, type FileResult, type SourceHost } from '../src/io/host.js';
import { readFileBounded } from '../src/io/node-host.js';
import { readOnceHost } from '../src/io/read-once-host.js';

/** A memory host that counts the reads it serves, and can be made to fail. */
function counting(files: Record<string, string>) {
  const inner = memoryHost(files);
  const reads: string[] = [];
  let failing = false;
  const host: SourceHost = {
    root: inner.root,
    async readText(p, limit) {
      reads.push(`text:${p}`);
      return failing ? { status: 'unreadable', reason: 'EIO' } : inner.readText(p, limit);
    },
    async readBytes(p, limit) {
      reads.push(`bytes:${p}`);
      return inner.readBytes(p, limit);
    },
    async listFiles(dir) {
      reads.push(`list:${dir}`);
      return inner.listFiles(dir);
    },
  };
  return { host, reads, fail: (on: boolean) => void (failing = on) };
}

describe('readOnceHost', () => {
  it('reads each text and listing once, missing ones included, and answers the same every time', async () => {
    const { host, reads } = counting({ 'templates/title.hbs': '{{org}}', 'templates/date.hbs': '{{date}}' });
    const once = readOnceHost(host);
    const [a, b] = await Promise.all([once.readText('templates/title.hbs'), once.readText('templates/title.hbs')]);
    expect(a).toEqual(found('{{org}}'));
    expect(await once.readText('templates/title.hbs')).toEqual(b);
    expect(await once.readText('templates/none.hbs')).toEqual({ status: 'missing' });
    expect(await once.readText('templates/none.hbs')).toEqual({ status: 'missing' });
    const listed = (await once.listFiles('templates')) as FileResult<string[]> & { status: 'ok' };
    listed.value.push('changed by a caller');
    expect(await once.listFiles('templates')).toEqual(found(['date.hbs', 'title.hbs']));
    expect(reads).toEqual(['text:templates/title.hbs', 'text:templates/none.hbs', 'list:templates']);
  });

  it('keeps reads with different limits apart, reads again after a failure, and reads bytes every time', async () => {
    const { host, reads, fail } = counting({ 'a.yaml': 'x: 1\n' });
    const once = readOnceHost(host);
    expect(await once.readText('a.yaml', 2)).toMatchObject({ status: 'too-large' });
    expect(await once.readText('a.yaml')).toEqual(found('x: 1\n'));
    fail(true);
    expect(await once.readText('b.yaml')).toEqual({ status: 'unreadable', reason: 'EIO' });
    fail(false);
    expect(await once.readText('b.yaml')).toEqual({ status: 'missing' });
    await once.readBytes('a.yaml');
    await once.readBytes('a.yaml');
    expect(reads).toEqual(['text:a.yaml', 'text:a.yaml', 'text:b.yaml', 'text:b.yaml', 'bytes:a.yaml', 'bytes:a.yaml']);
  });
});

describe('readFileBounded', () => {
  const dir = mkdtemp(path.join(os.tmpdir(), 'lawreport-read-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it('reads a file whole, past the 1 MiB read size and to the last byte, and an empty one', async () => {
    for (const size of [0, 1, 1 << 20, (1 << 20) + 7, 3 * (1 << 20) - 1]) {
      const file = path.join(await dir, `f${size}`);
      const bytes = new Uint8Array(size).map((_, i) => i % 251);
      await writeFile(file, bytes);
      const read = await readFileBounded(file);
      expect(read.status).toBe('ok');
      expect(read.status === 'ok' && Buffer.compare(Buffer.from(read.value), Buffer.from(bytes))).toBe(0);
    }
  });

  it('takes a file of exactly the limit and refuses one byte more', async () => {
    const file = path.join(await dir, 'limit');
    await writeFile(file, 'x'.repeat(100));
    expect(await readFileBounded(file, 100)).toMatchObject({ status: 'ok' });
    expect(await readFileBounded(file, 99)).toEqual({ status: 'too-large', size: 100, limit: 99 });
  });
});

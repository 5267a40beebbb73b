import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository, resolveCommit, type Repository } from '../src/io/git.js';
import { revisionHost } from '../src/io/git-host.js';
import { repoRoot } from './helpers.js';
import { commitAll, git, gitEnv, reportRepo, skipWithoutGit } from './git-repo.js';

/** The host over a folder at a commit: what the loader reads a revision through. */
describe.skipIf(skipWithoutGit)('revisionHost: a folder as it was at a commit, read through git', () => {
  let repo: string;
  let report: string;
  let git1: Repository;
  let first: string;
  const png = path.join(repoRoot, 'test/fixtures/red-2x1.png');

  beforeAll(async () => {
    ({ repo, report } = await reportRepo());
    await mkdir(path.join(report, 'images'));
    // Binary bytes with newlines and NULs inside: the batch reader must cut objects by their size, not by lines.
    await writeFile(path.join(report, 'images', 'bytes.bin'), Buffer.from([10, 0, 10, 255, 10, 10]));
    await writeFile(path.join(report, 'images', 'red.png'), await readFile(png));
    await writeFile(path.join(repo, 'secret.txt'), '不该被读到\n');
    await symlink('../../secret.txt', path.join(report, 'images', 'out.txt'));
    await symlink('red.png', path.join(report, 'images', 'in.png'));
    await commitAll(repo, '图片和链接');
    const opened = await openRepository(report, { env: gitEnv });
    if (opened.status !== 'ok') throw new Error(opened.status);
    git1 = opened.repo;
    const commit = await resolveCommit(git1, 'HEAD');
    if (commit.status !== 'ok') throw new Error(commit.status);
    first = commit.commit;
    // The work tree moves on; the revision does not.
    await writeFile(path.join(report, 'metrics.yaml'), 'changed: true\n');
  });

  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('reads files and folders as they were committed, byte for byte', async () => {
    expect(git1.prefix).toBe('示例镇-2024');
    const host = await revisionHost(git1, first, git1.prefix, 'HEAD');
    if ('status' in host) throw new Error(host.reason);
    try {
      expect(host.exists).toBe(true);
      const metrics = await host.readText('metrics.yaml');
      expect(metrics.status === 'ok' && metrics.value).toContain('mediated: 66');
      const [bin, image, again] = await Promise.all([host.readBytes('images/bytes.bin'), host.readBytes('images/red.png'), host.readBytes('./images/bytes.bin')]);
      expect(bin.status === 'ok' && [...bin.value]).toEqual([10, 0, 10, 255, 10, 10]);
      expect(image.status === 'ok' && Buffer.from(image.value).equals(await readFile(png))).toBe(true);
      expect(again).toEqual(bin);
      expect(await host.listFiles('chapters')).toEqual({ status: 'ok', value: ['00-preface.md', '01-measures.md', '02-shortcomings.md', '03-first-responsible.md', '04-next-year.md'] });
      expect(await host.listFiles('templates')).toEqual({ status: 'missing' });
      expect(await host.readText('no-such.md')).toEqual({ status: 'missing' });
    } finally {
      host.close();
    }
  });

  it('stays inside the folder as the Node host does: .., absolute paths and links out are denied; a link inside is followed', async () => {
    const host = await revisionHost(git1, first, git1.prefix, 'HEAD');
    if ('status' in host) throw new Error(host.reason);
    try {
      for (const p of ['../secret.txt', 'images/../../secret.txt', '/etc/passwd', 'C:/x', 'images/out.txt']) {
        expect(await host.readText(p), p).toEqual({ status: 'denied', reason: 'outside' });
      }
      const linked = await host.readBytes('images/in.png');
      expect(linked.status === 'ok' && Buffer.from(linked.value).equals(await readFile(png))).toBe(true);
    } finally {
      host.close();
    }
  });

  it('a folder missing at that commit holds nothing (a report not written yet)', async () => {
    const host = await revisionHost(git1, first, '另一个镇-2024', 'HEAD');
    if ('status' in host) throw new Error(host.reason);
    expect(host.exists).toBe(false);
    expect(await host.readText('lawreport.yaml')).toEqual({ status: 'missing' });
    expect(await host.listFiles('')).toEqual({ status: 'missing' });
    host.close();
  });

  it('finds the repository of a folder deleted from the work tree', async () => {
    const gone = await openRepository(path.join(repo, '已撤并的镇', '2023'), { env: gitEnv });
    expect(gone).toMatchObject({ status: 'ok', repo: { prefix: '已撤并的镇/2023', shallow: false } });
    expect(await git(repo, 'status', '--porcelain')).toContain('metrics.yaml');
  });
});

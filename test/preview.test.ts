import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../src/io/node-host.js';
import { startPreview, type Preview } from '../src/preview/preview.js';
import type { Rebuild } from '../src/preview/session.js';
import { builtins, session, copyExample, repoRoot, runCli } from './helpers.js';
import { describeInBrowser, launch, watchPage } from './browser.js';

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}

/** A preview of a fresh copy of the example, with every rebuild recorded. */
async function previewExample() {
  const dir = await copyExample();
  const rebuilds: { rebuild: Rebuild; files?: string[] }[] = [];
  const preview = await startPreview({
    dir,
    host: nodeHost(dir),
    session,
    port: 0,
    lang: 'zh',
    onRebuild: (rebuild, files) => rebuilds.push({ rebuild, files }),
  });
  /** Resolves with the first rebuild after now that satisfies `test`. */
  const next = (test: (r: Rebuild) => boolean = () => true) => {
    const seen = rebuilds.length;
    return new Promise<Rebuild>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = rebuilds.slice(seen).find((r) => test(r.rebuild));
        if (found) {
          clearInterval(timer);
          clearTimeout(give);
          resolve(found.rebuild);
        }
      }, 10);
      const give = setTimeout(() => {
        clearInterval(timer);
        reject(new Error('no rebuild'));
      }, 10_000);
    });
  };
  return { dir, preview, rebuilds, next };
}

function get(url: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const measures = (dir: string) => path.join(dir, 'chapters', '01-measures.md');

describe('the preview server', () => {
  let preview: Preview;
  let dir: string;
  let next: Awaited<ReturnType<typeof previewExample>>['next'];
  beforeAll(async () => ({ preview, dir, next } = await previewExample()));
  afterAll(async () => preview?.close());

  it('listens on 127.0.0.1 only and refuses requests for other host names', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ok = await get(preview.url);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<h2>一、2024年度推进法治政府建设的主要举措和<span class="heading-end">成效</span></h2>');
    expect(String(ok.headers['content-security-policy'])).toMatch(/script-src 'nonce-[^']+'/);
    expect((await get(preview.url, 'attacker.example:80')).status).toBe(403);
    expect((await get(`${preview.url}chapters/01-measures.md`)).status).toBe(404);
  });

  it('re-parses only the chapter that changed, and every chapter when the figures change', async () => {
    const original = await readFile(measures(dir), 'utf8');
    const rebuilt = next((r) => r.compiled.length > 0);
    await writeFile(measures(dir), original.replace('抓实领导干部学法用法', '抓实领导干部学法'));
    expect((await rebuilt).compiled).toEqual(['chapters/01-measures.md']);
    const all = next((r) => r.compiled.length > 0);
    const metrics = path.join(dir, 'metrics.yaml');
    await writeFile(metrics, (await readFile(metrics, 'utf8')).replace('received: 68', 'received: 69'));
    expect((await all).compiled).toHaveLength(5);
    await expect.poll(async () => (await get(preview.url)).body).toContain('排查受理矛盾纠纷69件'); // a save may arrive in two events
  });
});

describeInBrowser('lawreport preview in Chromium', () => {
  let browser: Browser;
  let example: Awaited<ReturnType<typeof previewExample>>;
  beforeAll(async () => {
    example = await previewExample();
    browser = await launch();
  });
  afterAll(async () => {
    await example?.preview.close();
    await browser?.close();
  });

  it('updates the page on save, shows a diagnostic with its file:line linked to the chapter, and clears it when fixed; writes nothing', async () => {
    const { dir, preview } = example;
    const before = await hashTree(dir);
    const page = await browser.newPage();
    const watched = await watchPage(page, preview.url.slice(0, -1));
    await page.goto(preview.url);
    const banner = page.locator('#lawreport-diagnostics');
    await expect.poll(() => banner.getAttribute('data-errors')).toBe('0');

    const original = await readFile(measures(dir), 'utf8');
    await writeFile(measures(dir), original.replace('## 抓实领导干部学法用法', '## 抓实领导干部学法用法和普法'));
    await page.waitForFunction(() => document.querySelector('#measures h3')?.textContent === '（一）抓实领导干部学法用法和普法');

    await writeFile(measures(dir), original.replace('{{fig study.central_group}}', '{{fig study.centrl_group}}'));
    await page.waitForFunction(() => document.querySelector('#lawreport-diagnostics')?.getAttribute('data-errors') === '1');
    const item = banner.locator('li.lr-error');
    expect(await item.innerText()).toMatch(/^chapters\/01-measures\.md:7:\d+ 错误 数据中没有“study\.centrl_group”/);
    expect(await item.locator('a').getAttribute('href')).toBe('#measures');
    expect(await banner.innerText()).toContain('下面是上一次没有错误时生成的报告');
    expect(await page.locator('#measures h3').first().innerText()).toBe('（一）抓实领导干部学法用法和普法'); // the last good report stays below

    await writeFile(measures(dir), original);
    await page.waitForFunction(() => document.querySelector('#lawreport-diagnostics')?.getAttribute('data-errors') === '0');
    expect(await page.locator('#measures h3').first().innerText()).toBe('（一）抓实领导干部学法用法');

    expect(watched.errors).toEqual([]); // the nonce'd reload script ran under the CSP without complaint
    expect(watched.requests).toEqual([]);
    expect(await hashTree(dir)).toEqual(before); // the chapter is back as it was, and no file was added
  });
});

describe('lawreport preview as a process', () => {
  it('prints its address, serves the page and stops cleanly on Ctrl+C (SIGINT) with exit code 0', async () => {
    const dir = await copyExample();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'preview', dir, '--port', '0'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0], { timeout: 15_000 }).toBeTruthy();
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)![0];
    expect((await get(url)).body).toContain('<title>示例镇人民政府2024年法治政府建设年度报告</title>');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('预览已停止');
    expect(await readdir(dir)).not.toContain('dist');
  });

  it('rejects a port that is not a number, or one that is taken, with exit code 2', async () => {
    const dir = await copyExample();
    const r = await runCli(['preview', '.', '--port', 'abc'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('端口“abc”无效');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const busy = await runCli(['preview', '.', '--port', String(port)], dir);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`端口 ${port} 已被占用`);
    } finally {
      taken.close();
    }
  });
});

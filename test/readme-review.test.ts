import { execFile } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';
import { commitAll, edit, git, gitEnv, reportRepo, skipWithoutGit } from './git-repo.js';

const exec = promisify(execFile);
const BIN = path.join(repoRoot, 'bin', 'lawreport.js');
const README = path.join(repoRoot, 'README.md');

/**
 * The README's 「审阅」 section shows real output: a repository made here the same way on every
 * machine (fixed names and dates, so the same commit ids), one commit a reviewer would see, and
 * what `lawreport diff`, `git diff` and `git log -p` print for it. Each block follows a marker
 * `<!-- review:NAME -->`; LAWREPORT_UPDATE_README=1 writes the blocks anew. Commit and blob ids
 * are compared as ids only: a change to the DOCX renderer changes the bytes (and so the ids) of the
 * committed Word file, not what a reviewer reads.
 */
const ids = (text: string) => text.replace(/\b[0-9a-f]{7,40}\b/g, '<id>');
describe.skipIf(skipWithoutGit)('the README 审阅 section', () => {
  let repo: string;
  const outputs = new Map<string, string>();

  beforeAll(async () => {
    ({ repo } = await reportRepo());
    const report = path.join(repo, '示例镇-2024');
    await cp(path.join(repoRoot, 'templates/ci/gitattributes'), path.join(repo, '.gitattributes'));
    await git(repo, 'config', 'diff.lawreport.textconv', `"${process.execPath}" "${BIN}" textconv`);
    const build = () => exec(process.execPath, [BIN, 'build', '示例镇-2024', '-f', 'docx', '-o', '上报稿'], { cwd: repo, env: gitEnv });
    await build();
    await commitAll(repo, '示例镇2024年报告上报稿');
    await edit(path.join(report, 'metrics.yaml'), 'mediated: 66 ', 'mediated: 64 ');
    await edit(path.join(report, 'chapters/03-first-responsible.md'), '审议年度法治建设工作要点', '逐项审议年度法治建设工作要点');
    await build();
    await commitAll(repo, '调解成功数按司法所年报更正');
    const lawreport = async (...args: string[]) => (await exec(process.execPath, [BIN, ...args], { cwd: repo, env: gitEnv })).stdout;
    outputs.set('diff', await lawreport('diff', 'HEAD~1', '示例镇-2024'));
    outputs.set('git-diff', await git(repo, 'diff', 'HEAD~1', '--', '示例镇-2024/chapters'));
    outputs.set('git-diff-metrics', await git(repo, 'diff', 'HEAD~1', '--', '示例镇-2024/metrics.yaml'));
    outputs.set('git-log', await git(repo, 'log', '-p', '-1', '--', '上报稿'));
  }, 60_000);

  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('shows what the commands print, verbatim', async () => {
    let readme = await readFile(README, 'utf8');
    for (const [name, output] of outputs) {
      const block = new RegExp(`(<!-- review:${name} -->\\n\`\`\`text\\n)([\\s\\S]*?)(\`\`\`\\n)`);
      expect(readme, `README.md lacks <!-- review:${name} --> and a text block`).toMatch(block);
      if (process.env.LAWREPORT_UPDATE_README) readme = readme.replace(block, (_, open, _old, close) => `${open}${output}${close}`);
      else expect(ids(block.exec(readme)![2]!), `README's ${name} block is not what the command prints: LAWREPORT_UPDATE_README=1 npx vitest run test/readme-review.test.ts`).toBe(ids(output));
    }
    if (process.env.LAWREPORT_UPDATE_README) await writeFile(README, readme);
  });
});

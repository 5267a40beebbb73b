import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, repoRoot, runCli } from './helpers.js';
import { commitAll, edit, git, gitEnv, reportRepo, skipWithoutGit } from './git-repo.js';

const schema = async (name: string) => JSON.parse(await readFile(path.join(repoRoot, 'schemas', name), 'utf8'));
const diff = (cwd: string, ...argv: string[]) => runCli(['diff', ...argv], cwd, gitEnv);

/**
 * One repository, three commits a reviewer would see in a merge request:
 *   main~2    the report as first written
 *   figures   调解 66 → 64 in metrics.yaml (the mediation rate and the sentence quoting both move),
 *             a sentence of the first-responsible chapter reworded
 *   main      03-first-responsible.md renamed to 03-第一责任人.md, chapter 05-other.md added
 */
describe.skipIf(skipWithoutGit)('lawreport diff over git revisions', () => {
  let repo: string;
  let report: string;
  let status: string;

  beforeAll(async () => {
    ({ repo, report } = await reportRepo());
    await edit(path.join(report, 'metrics.yaml'), 'mediated: 66 ', 'mediated: 64 ');
    await edit(path.join(report, 'chapters/03-first-responsible.md'), '审议年度法治建设工作要点', '逐项审议年度法治建设工作要点');
    await commitAll(repo, '调解数据按司法所年报更正');
    await git(repo, 'branch', 'figures');
    await rename(path.join(report, 'chapters/03-first-responsible.md'), path.join(report, 'chapters/03-第一责任人.md'));
    await writeFile(path.join(report, 'chapters/05-other.md'), '---\nid: other\n---\n\n全年未发生需要专门报告的重大事项。\n');
    await commitAll(repo, '第一责任人一章改用中文文件名，补写其他情况');
    status = await git(repo, 'status', '--porcelain');
  });

  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('a figure change: the figure old → new with the difference, the rate it moves, and where each is printed', async () => {
    const run = await diff(repo, 'main~2..figures', '示例镇-2024');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('调解成功（disputes.mediated）  66件 → 64件（-2件）\n      印在 示例镇-2024/chapters/01-measures.md:35');
    expect(run.stdout).toContain('调解成功率（pct disputes.mediated disputes.received，算出）  97.06% → 94.12%（-2.94 个百分点）\n      印在 示例镇-2024/chapters/01-measures.md:35');
    // The catalog's own computed rate moves too, though the text does not print it.
    expect(run.stdout).toContain('调解成功率（disputes.rate，算出）  97.1% → 94.1%（-3.0 个百分点）\n      （正文没有引用）');
    expect(run.stdout).not.toContain('排查受理矛盾纠纷（disputes.received）');
  });

  it('the text: each changed sentence whole, the figures and the reworded words marked', async () => {
    const run = await diff(repo, 'main~2..figures', '示例镇-2024');
    expect(run.stdout).toContain('  一、2024年度推进法治政府建设的主要举措和成效（示例镇-2024/chapters/01-measures.md）\n    镇村两级调解组织排查受理矛盾纠纷68件，调解成功[-66-]{+64+}件，调解成功率[-97.06-]{+94.12+}%。\n');
    expect(run.stdout).toContain('    年初召开镇党委会议专题研究法治建设工作，{+逐项+}审议年度法治建设工作要点，明确分管领导和责任站所。\n');
    // Only the sentences that changed.
    expect(run.stdout).not.toContain('信访工作坚持领导包案');
  });

  it('the outline: a chapter file renamed and a chapter added, the renamed one with no text change', async () => {
    const run = await diff(repo, 'figures..main', '示例镇-2024');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('改名：示例镇-2024/chapters/03-first-responsible.md → 示例镇-2024/chapters/03-第一责任人.md');
    expect(run.stdout).toContain('新增：五、其他需要报告的情况（示例镇-2024/chapters/05-other.md）');
    expect(run.stdout).toContain('五、其他需要报告的情况（示例镇-2024/chapters/05-other.md）（新增）\n    {+全年未发生需要专门报告的重大事项。+}\n');
    expect(run.stdout).not.toContain('03-第一责任人.md）\n');
    expect(run.stdout).not.toContain('数据（');
  });

  it('reads the revisions the ways git names them, without touching the work tree', async () => {
    const head = await git(repo, 'rev-parse', 'HEAD');
    const forms = [
      ['HEAD~2..HEAD', '示例镇-2024'],
      ['--rev', 'HEAD~2', '--rev', 'HEAD', '示例镇-2024'],
      ['HEAD~2', 'HEAD', '示例镇-2024'],
    ];
    const outputs = await Promise.all(forms.map((argv) => diff(repo, ...argv)));
    for (const run of outputs) expect(run.code, run.stderr).toBe(0);
    const body = (s: string) => s.slice(s.indexOf('\n'));
    expect(new Set(outputs.map((r) => body(r.stdout))).size).toBe(1);
    expect(outputs[0]!.stdout).toMatch(/^示例镇-2024：HEAD~2（[0-9a-f]{7}） → HEAD（[0-9a-f]{7}）\n/);
    // One revision: against the work tree, from inside the report folder.
    await edit(path.join(report, 'metrics.yaml'), 'received: 38 ', 'received: 40 ');
    const worktree = await diff(report, 'HEAD');
    expect(worktree.stdout).toMatch(/^HEAD（[0-9a-f]{7}） → 工作区\n/);
    expect(worktree.stdout).toContain('12345热线受理（hotline.received）  38宗 → 40宗（+2宗）');
    await git(repo, 'checkout', '-q', '--', '.');
    // A...B: from where B left A.
    const merged = await diff(repo, 'main...figures', '示例镇-2024');
    expect(merged.stdout).toMatch(/^示例镇-2024：[0-9a-f]{7}（main 与 figures 的分叉点） → figures（[0-9a-f]{7}）\n/);
    expect(merged.stdout).toContain('没有变化');
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(repo, 'status', '--porcelain')).toBe(status);
  });

  it('a revision before the report existed: every figure and chapter is new', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'lawreport-git-'));
    await git(empty, 'init', '-q', '-b', 'main');
    await writeFile(path.join(empty, 'README.md'), '各镇报告\n');
    await commitAll(empty, '建仓库');
    const { cp } = await import('node:fs/promises');
    await cp(report, path.join(empty, '示例镇-2024'), { recursive: true });
    await commitAll(empty, '示例镇报告');
    const run = await diff(empty, 'HEAD~1..HEAD', '示例镇-2024', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.before).toMatchObject({ exists: false });
    expect(out.figures.length).toBeGreaterThan(40);
    expect(out.figures.every((f: { change: string }) => f.change === 'added')).toBe(true);
    expect(out.outline.map((o: { kind: string }) => o.kind)).toEqual(['added', 'added', 'added', 'added', 'added', 'added']);
    const human = await diff(empty, 'HEAD~1..HEAD', '示例镇-2024');
    expect(human.stdout).toContain('HEAD~1（');
    expect(human.stdout).toContain('时还没有这份报告：全部内容都是新增的。');
    await rm(empty, { recursive: true, force: true });
  });

  it('--format json matches schemas/diff-output.schema.json', async () => {
    const run = await diff(repo, 'main~2..main', '示例镇-2024', '--format', 'json');
    const out = JSON.parse(run.stdout);
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(await schema('diff-output.schema.json'));
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    const mediated = out.figures.find((f: { id: string }) => f.id === 'disputes.mediated');
    expect(mediated).toMatchObject({ change: 'changed', before: { value: 66, printed: ['66件'] }, after: { value: 64, printed: ['64件'] }, difference: -2 });
    expect(mediated.uses).toEqual([{ file: '示例镇-2024/chapters/01-measures.md', line: 35, column: 47, expression: '{{fig disputes.mediated}}', printed: '64件' }]);
  });

  it('--format markdown: a GitHub step summary, checked as text', async () => {
    const run = await diff(repo, 'main~2..main~1', '示例镇-2024', '--format', 'markdown');
    const [, from, to] = /main\\~2（([0-9a-f]{7})） → main\\~1（([0-9a-f]{7})）/.exec(run.stdout) ?? [];
    expect(run.stdout).toBe(`### lawreport diff：示例镇-2024：main\\~2（${from}） → main\\~1（${to}）

#### 数据（3 项有变化）

| 数据 | 原值 | 新值 | 变化 | 正文中印在 |
| --- | ---: | ---: | ---: | --- |
| 调解成功（disputes.mediated） | 66件 | 64件 | -2件 | 示例镇-2024/chapters/01-measures.md:35 |
| 调解成功率（disputes.rate，算出） | 97.1% | 94.1% | -3.0 个百分点 | （正文没有引用） |
| 调解成功率（pct disputes.mediated disputes.received，算出） | 97.06% | 94.12% | -2.94 个百分点 | 示例镇-2024/chapters/01-measures.md:35 |

#### 正文（2 处有改动）

**一、2024年度推进法治政府建设的主要举措和成效（示例镇-2024/chapters/01-measures.md）**

- 镇村两级调解组织排查受理矛盾纠纷68件，调解成功<del>66</del><ins>64</ins>件，调解成功率<del>97.06</del><ins>94.12</ins>%。

**三、2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况（示例镇-2024/chapters/03-first-responsible.md）**

- 年初召开镇党委会议专题研究法治建设工作，<ins>逐项</ins>审议年度法治建设工作要点，明确分管领导和责任站所。

`);
  });

  it('says which problems appeared and which were resolved', async () => {
    await edit(path.join(report, 'chapters/02-shortcomings.md'), /。/, '。法制政府建设仍有短板。');
    const run = await diff(repo, 'HEAD', '示例镇-2024');
    expect(run.stdout).toMatch(/问题（新出现 1 个，已解决 0 个）\n  新出现  示例镇-2024\/chapters\/02-shortcomings\.md:\d+  \S+  .*法制政府.*\[term-fazhi-zhengfu\]/);
    await git(repo, 'checkout', '-q', '--', '.');
  });

  describe('bad input: a clear message and exit 2', () => {
    it('a revision that does not exist', async () => {
      const run = await diff(repo, 'v9', '示例镇-2024');
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toContain('找不到修订“v9”：不是这个仓库里的分支、标签或提交。');
      const en = await runCli(['--lang', 'en', 'diff', 'nope..HEAD'], report, gitEnv);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain('Revision "nope" not found');
    });

    it('a folder that is in no git repository', async () => {
      const dir = await copyExample();
      const run = await diff(dir, 'HEAD~1');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('不在 git 仓库里，无法按修订比较。比较两个文件夹请写：lawreport diff 旧文件夹 新文件夹。');
    });

    it('a shallow clone without the base', async () => {
      const shallow = await mkdtemp(path.join(os.tmpdir(), 'lawreport-shallow-'));
      await git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${repo}`, 'clone');
      const clone = path.join(shallow, 'clone');
      const run = await diff(clone, 'HEAD~1..HEAD', '示例镇-2024');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('找不到修订“HEAD~1”：这是一个浅克隆（只取了最近的几个提交），它可能不在其中。在 GitHub Actions 里给 actions/checkout 加上 fetch-depth: 0');
      await rm(shallow, { recursive: true, force: true });
    });

    it('git missing: the message names it', async () => {
      const run = await runCli(['diff', 'HEAD~1', '示例镇-2024'], repo, { ...gitEnv, PATH: path.join(repo, 'no-such-bin') });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('按修订比较需要 git，但找不到 git 命令。请先安装 git');
    });

    it('a folder that is no report at either end', async () => {
      const run = await diff(repo, 'HEAD~1..HEAD', '.');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('都不是报告文件夹（找不到 lawreport.yaml）');
    });
  });
});

describe('lawreport diff of two folders', () => {
  it('compares last year\'s copy with this one, no git needed', async () => {
    const old = await copyExample();
    const now = await copyExample();
    await edit(path.join(now, 'metrics.yaml'), 'activities: 30 ', 'activities: 36 ');
    const run = await runCli(['diff', old, now], os.tmpdir(), { PATH: '/nonexistent' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('普法宣传活动（pufa.activities）  30场 → 36场（+6场）\n      印在 chapters/01-measures.md:');
    expect(run.stdout).toContain('开展普法宣传活动[-30-]{+36+}场');
    const same = await runCli(['diff', old, old], os.tmpdir());
    expect(same.stdout).toContain('没有变化：数据、正文、提纲和问题都相同。');
  });

  it('--exit-code: 1 when the versions differ, 0 when they do not, as git diff --exit-code', async () => {
    const old = await copyExample();
    const now = await copyExample();
    await edit(path.join(now, 'metrics.yaml'), 'activities: 30 ', 'activities: 36 ');
    const changed = await runCli(['diff', old, now, '--exit-code'], os.tmpdir());
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.stdout).toContain('30场 → 36场（+6场）');
    expect((await runCli(['diff', old, now], os.tmpdir())).code).toBe(0);
    const same = await runCli(['diff', old, old, '--exit-code', '--format', 'json'], os.tmpdir());
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout).figures).toEqual([]);
    // A usage error stays 2, whatever the differences.
    expect((await runCli(['diff', old, now, '--exit-code', '--format', 'html'], os.tmpdir())).code).toBe(2);
  });

  it('refuses an unknown --format', async () => {
    const dir = await copyExample();
    const run = await runCli(['diff', dir, dir, '--format', 'html'], os.tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知的输出格式“html”，可用：human、markdown、json。');
  });
});

import { execFile } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, repoRoot, runCli } from './helpers.js';
import { commitAll, edit, git, gitEnv, reportRepo, skipWithoutGit } from './git-repo.js';

const exec = promisify(execFile);
const BIN = path.join(repoRoot, 'bin', 'lawreport.js');

describe('lawreport textconv on its own', () => {
  it('a chapter: its number, title and the text it prints, one sentence a line', async () => {
    const dir = await copyExample();
    const run = await runCli(['textconv', 'chapters/01-measures.md'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('一、2024年度推进法治政府建设的主要举措和成效\n\n（一）抓实领导干部学法用法\n\n镇党委把学法列入年度学习计划，全年开展党委中心组学法7次、政府常务会议会前学法12次，参学干部86名。\n组织班子成员')).toBe(true);
    expect(run.stdout).toContain('\n镇村两级调解组织排查受理矛盾纠纷68件，调解成功66件，调解成功率97.06%。\n信访工作坚持领导包案');
    expect(run.stdout).toContain('\n项目 | 数量\n行政执法立案 | 422宗\n');
    expect(run.stdout).not.toMatch(/\{\{|^id:|^##/m);
  });

  it('a chapter naming a figure metrics.yaml lacks: filled where it can be, the rest as written (git must not fail)', async () => {
    const dir = await copyExample();
    await edit(path.join(dir, 'chapters/02-shortcomings.md'), /。/, '，共{{fig pufa.activitys}}。');
    const run = await runCli(['textconv', 'chapters/02-shortcomings.md'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('共{{fig pufa.activitys}}。');
  });

  it('metrics.yaml: as written, then the figures computed from it, with where the text prints them', async () => {
    const dir = await copyExample();
    const run = await runCli(['textconv', 'metrics.yaml'], dir);
    expect(run.code, run.stderr).toBe(0);
    const yaml = await readFile(path.join(dir, 'metrics.yaml'), 'utf8');
    expect(run.stdout.startsWith(yaml)).toBe(true);
    expect(run.stdout.slice(yaml.length)).toBe(
      '\n# 以下由 lawreport 算出（git 比对时附加，不在文件里）：\n' +
        '# disputes.rate: 97.1%  # 调解成功率（调解成功 ÷ 排查受理矛盾纠纷）\n' +
        '# hotline.close_rate: 89.5%  # 12345热线办结率（12345热线办结 ÷ 12345热线受理）\n' +
        '# pct disputes.mediated disputes.received: 97.06%  # 调解成功率（调解成功 ÷ 排查受理矛盾纠纷），印在 chapters/01-measures.md:35\n' +
        '# pct hotline.closed hotline.received digits=1: 89.5%  # 12345热线办结率（12345热线办结 ÷ 12345热线受理），印在 chapters/01-measures.md:39\n',
    );
    // A metrics.yaml outside any report (and not git's copy of an old version) is just itself.
    await writeFile(path.join(path.dirname(dir), 'metrics.yaml'), 'a: 1\n');
    expect((await runCli(['textconv', '../metrics.yaml'], dir)).stdout).toBe('a: 1\n');
  });

  it('a file that is no DOCX prints why, exits 0; a file that is not there is a usage error', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'bad.docx'), 'not a zip');
    const bad = await runCli(['textconv', 'bad.docx'], dir);
    expect(bad.code).toBe(0);
    expect(bad.stdout).toMatch(/^（lawreport textconv：文件不是有效的 DOCX/);
    expect(bad.stderr).toContain('lawreport textconv：');
    const missing = await runCli(['textconv', 'nothing.docx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件“nothing.docx”');
    expect(missing.stderr).not.toMatch(/ENOENT/);
  });
});

/** git diff and git log -p through the driver, as `lawreport init`'s .gitattributes and config line set it up. */
describe.skipIf(skipWithoutGit)('git diff through lawreport textconv', () => {
  let repo: string;
  let report: string;

  beforeAll(async () => {
    ({ repo, report } = await reportRepo());
    await cp(path.join(repoRoot, 'templates/ci/gitattributes'), path.join(repo, '.gitattributes'));
    await git(repo, 'config', 'diff.lawreport.textconv', `"${process.execPath}" "${BIN}" textconv`);
    await exec(process.execPath, [BIN, 'build', '示例镇-2024', '-f', 'docx', '-o', 'dist'], { cwd: repo, env: gitEnv });
    await commitAll(repo, '初稿和生成的 Word 文档');
    await edit(path.join(report, 'chapters/01-measures.md'), '年初公布重大行政决策事项目录', '年初向社会公布重大行政决策事项目录');
    await edit(path.join(report, 'metrics.yaml'), 'cases_filed: 422 ', 'cases_filed: 425 ');
    await exec(process.execPath, [BIN, 'build', '示例镇-2024', '-f', 'docx', '-o', 'dist'], { cwd: repo, env: gitEnv });
    await commitAll(repo, '补充决策公开的做法，更正立案数');
  }, 60_000);

  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('a chapter shows the sentence as printed, figures filled in, instead of {{…}}', async () => {
    const out = await git(repo, 'diff', 'HEAD~1', 'HEAD', '--', '示例镇-2024/chapters');
    expect(out).toContain('\n-年初公布重大行政决策事项目录，全年作出重大行政决策3项，每一项都履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，决策过程材料全部归档。\n+年初向社会公布重大行政决策事项目录，全年作出重大行政决策3项，');
    expect(out).not.toContain('{{');
  });

  it('a DOCX shows its text, one sentence a line, tables as rows, instead of "Binary files differ"', async () => {
    const [docx] = (await readdir(path.join(repo, 'dist'))).filter((n) => n.endsWith('.docx'));
    const out = await git(repo, 'diff', 'HEAD~1', 'HEAD', '--', `dist/${docx}`);
    expect(out).not.toContain('Binary files');
    expect(out).toContain('\n-综合行政执法队全年立案422宗、结案338宗，其中安全生产领域立案51宗。\n+综合行政执法队全年立案425宗、结案338宗，其中安全生产领域立案51宗。\n');
    expect(out).toContain('\n-| 行政执法立案 | 422宗 |\n+| 行政执法立案 | 425宗 |\n');
    // Headings as printed, with their numbers.
    expect(out).toContain('\n 1.落实决策程序\n');
  });

  it('git log -p reads old commits through it too', async () => {
    const out = await git(repo, 'log', '-p', '-1', '--', '示例镇-2024/chapters/01-measures.md');
    expect(out).toContain('补充决策公开的做法，更正立案数');
    expect(out).toContain('+年初向社会公布重大行政决策事项目录');
  });

  it('an old version of a chapter renamed since is still read as a chapter of its report', async () => {
    await git(repo, 'mv', '示例镇-2024/chapters/02-shortcomings.md', '示例镇-2024/chapters/02-不足和原因.md');
    await edit(path.join(report, 'chapters/02-不足和原因.md'), /。/, '，仍需改进。');
    await commitAll(repo, '不足一章改名');
    const out = await git(repo, 'show', 'HEAD', '--', '示例镇-2024/chapters');
    expect(out).toContain('rename from 示例镇-2024/chapters/02-shortcomings.md');
    // Both versions filled: headings numbered as printed (## → （一）), the sentence changed on its own line.
    expect(out).toContain('\n （一）执法力量与任务不相适应\n');
    expect(out).toContain('\n+综合行政执法队持证人员数量偏少，部分执法人员对新划入的执法事项还不够熟悉，案件结案率有待提高，仍需改进。\n');
    expect(out).not.toContain('id: shortcomings');
    expect(await readFile(path.join(report, 'chapters/02-不足和原因.md'), 'utf8')).toContain('仍需改进');
  });
});

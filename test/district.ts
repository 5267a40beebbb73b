import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../bench/seeded-random.mjs';

/**
 * A generated district for the summary tests: 20 town reports written for the tests (invented
 * names, the project's own sentences), figures from a seeded generator, so every expected value
 * is known here. Four do not pass, each in its own way:
 *   - 04 lacks its shortcomings chapter (chapter-missing);
 *   - 08 has no first-responsible chapter, only a sub-section about it in the measures (chapter-missing, "sub-section only");
 *   - 12 has an empty next-year chapter and more mediated disputes than received (chapter-empty, figure-part-whole);
 *   - 16 cannot be loaded: its lawreport.yaml is not valid YAML.
 * Two towns give last year's folder (previous:) for 同比; 06 leaves out the materials handed out
 * (a blank, never a 0); 10 states its mediation rate instead of leaving it to be computed; every
 * third town states a filing rate (a rate without parts: no total). Every town gives its days of
 * good air and of monitoring, which are not added up (their total is a range).
 */
export interface Town {
  folder: string;
  org: string;
  figures: Record<string, number>;
  previous?: Record<string, number>;
  /** How it fails, or undefined when it passes. */
  broken?: 'missing-chapter' | 'only-section' | 'empty-and-figure' | 'unloadable';
}

const FIRST = '青白云柳松梅枫桃杏芦竹金银鹤龙凤苇岚栖霁';
const SECOND = '湾岭溪坪';
const townName = (i: number) => `${FIRST[i % FIRST.length]}${SECOND[i % SECOND.length]}镇`;

function figuresFor(seed: number): Record<string, number> {
  const random = seededRandom(seed);
  const n = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const received = n(30, 140);
  const hotline = n(20, 400);
  const closed = hotline - n(0, 12);
  const filed = n(80, 500);
  return {
    'study.central_group': n(4, 12),
    'study.pre_meeting': n(6, 24),
    'training.sessions': n(2, 10),
    'decisions.major': n(1, 6),
    'enforcement.cases_filed': filed,
    'enforcement.cases_closed': filed - n(0, 60),
    'disputes.received': received,
    'disputes.mediated': received - n(0, 8),
    'hotline.received': hotline,
    'hotline.closed': closed,
    'hotline.in_progress': hotline - closed,
    'pufa.activities': n(8, 60),
    'pufa.materials': n(300, 5000),
    ...airDays(n),
  };
}

/** A year's days of air monitoring: not added across towns (the catalog's total: range). */
function airDays(n: (lo: number, hi: number) => number): Record<string, number> {
  const valid = n(335, 365);
  return { 'environment.good_air_days': valid - n(8, 60), 'environment.valid_days': valid };
}

const fig = (path: string) => `{{fig ${path}}}`;

function measures(t: Town, withFirstResponsible: boolean): string {
  const f = t.figures;
  const rate = f['disputes.rate'] !== undefined ? '{{disputes.rate}}%' : '{{pct disputes.mediated disputes.received digits=1}}';
  const sections = [
    ['抓好领导干部学法', `镇党委全年组织党委中心组学法${fig('study.central_group')}，会前学法${fig('study.pre_meeting')}，举办法治培训${fig('training.sessions')}，学法安排与当月重点工作结合起来。`],
    ['规范行政决策', `全年作出重大行政决策${fig('decisions.major')}，每一项都经过合法性审查和集体讨论，材料整理归档。`],
    ['严格规范执法', `综合行政执法队立案${fig('enforcement.cases_filed')}，结案${fig('enforcement.cases_closed')}，执法全过程留有记录。`],
    ['化解矛盾纠纷', `镇村两级调解组织排查受理矛盾纠纷${fig('disputes.received')}，调解成功${fig('disputes.mediated')}，调解成功率${rate}。`],
    ['办好群众热线', `受理12345热线工单${fig('hotline.received')}，办结${fig('hotline.closed')}，在办${fig('hotline.in_progress')}，办结后逐件回访。`],
    ['改善生态环境', `全年空气质量优良天数${fig('environment.good_air_days')}，有效监测天数${fig('environment.valid_days')}。`],
    ['开展普法宣传', `开展普法宣传活动${fig('pufa.activities')}${f['pufa.materials'] !== undefined ? `，发放普法资料${fig('pufa.materials')}` : ''}，把普法送到集市和村民小组。`],
  ];
  if (withFirstResponsible) sections.push(['党政主要负责人履行推进法治建设第一责任人职责情况', '镇党委书记和镇长亲自研究部署法治建设，带头参加学法活动，督促各站所落实责任。']);
  return `---\nid: measures\n---\n\n${sections.map(([h, p]) => `## ${h}\n\n${p}`).join('\n\n')}\n`;
}

function yaml(figures: Record<string, number>): string {
  const groups = new Map<string, string[]>();
  for (const [p, v] of Object.entries(figures)) {
    const [g, k] = p.split('.') as [string, string];
    groups.set(g, [...(groups.get(g) ?? []), `  ${k}: ${v}`]);
  }
  return [...groups].map(([g, lines]) => `${g}:\n${lines.join('\n')}`).join('\n') + '\n';
}

async function write(dir: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

/** Writes the district under `root`/towns (last year's folders under `root`/2023) and returns what it wrote; `count` < 20 for a smaller one. */
export async function generateDistrict(root: string, count = 20): Promise<Town[]> {
  await rm(root, { recursive: true, force: true });
  const towns: Town[] = [];
  for (let i = 1; i <= count; i++) {
    const name = townName(i);
    const folder = `towns/${String(i).padStart(2, '0')}-${name}`;
    const figures = figuresFor(1000 + i);
    const town: Town = { folder, org: `${name}人民政府`, figures };
    if (i === 6) delete figures['pufa.materials'];
    if (i === 10) figures['disputes.rate'] = Number(((figures['disputes.mediated']! / figures['disputes.received']!) * 100).toFixed(1));
    if (i % 3 === 0) figures['decisions.filing_rate'] = 100 - (i % 2);
    if (i === 12) figures['disputes.mediated'] = figures['disputes.received']! + 3;
    if (i === 4) town.broken = 'missing-chapter';
    if (i === 8) town.broken = 'only-section';
    if (i === 12) town.broken = 'empty-and-figure';
    if (i === 16) town.broken = 'unloadable';

    const files: Record<string, string> = {
      'lawreport.yaml': [`# ${name} 2024 年度报告（为测试编写的虚构报告）`, 'profile: national', `org: ${town.org}`, 'year: 2024', `date: 2025-02-${String(10 + (i % 15)).padStart(2, '0')}`, ''].join('\n'),
      'metrics.yaml': yaml(figures),
      'chapters/00-preface.md': `---\nid: preface\n---\n\n{{report.year}}年，${name}在区委、区政府领导下坚持依法行政，各项工作稳步推进。现将有关情况报告如下。\n`,
      'chapters/01-measures.md': measures(town, i === 8),
      'chapters/02-shortcomings.md': '---\nid: shortcomings\n---\n\n执法力量与任务还不相适应，部分执法人员对新划入的事项不够熟悉。主要原因是培训跟进不够及时。\n',
      'chapters/03-first-responsible.md': '---\nid: first-responsible\n---\n\n镇党委书记和镇长把法治建设列入全年重点工作，亲自研究部署，带头参加学法活动。\n',
      'chapters/04-next-year.md': `---\nid: next-year\n---\n\n{{report.nextYear}}年，${name}将继续加强执法队伍建设，做实矛盾纠纷预防化解。\n`,
    };
    if (i === 2 || i === 14) {
      town.previous = Object.fromEntries(Object.entries(figures).filter(([p]) => !p.endsWith('rate')).map(([p, v]) => [p, Math.max(1, Math.round(v * 0.8))]));
      // Last year's hotline tickets: in progress as the difference, so last year's figures hold too.
      town.previous['hotline.in_progress'] = town.previous['hotline.received']! - town.previous['hotline.closed']!;
      files['lawreport.yaml'] += `previous: ../../2023/${name}\n`;
      await write(path.join(root, '2023', name), { 'metrics.yaml': yaml(town.previous) });
    }
    if (town.broken === 'missing-chapter') delete files['chapters/02-shortcomings.md'];
    if (town.broken === 'only-section') delete files['chapters/03-first-responsible.md'];
    if (town.broken === 'empty-and-figure') files['chapters/04-next-year.md'] = '---\nid: next-year\n---\n\n## 下一步安排\n';
    if (town.broken === 'unloadable') files['lawreport.yaml'] = `org: [${town.org}\nyear: 2024\n`;
    await write(path.join(root, folder), files);
    towns.push(town);
  }
  return towns;
}

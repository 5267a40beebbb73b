// Generates the benchmark corpus deterministically (a seeded PRNG, no network, nothing read from
// outside the repo): a typical report (≈ 13 KB of Markdown, 40 figures, 4 chapters), a long one
// (≈ 200 pages), and a district of 100 typical reports. Each report is written twice: as a
// lawreport folder, and as the one Markdown file a pandoc user would write (figures typed in,
// headings numbered by hand), so both tools convert the same text.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from './seeded-random.mjs';

/** The 40 figures every generated report carries: [path, base value, unit in prose]. */
const FIGURES = [
  ['study.central_group', 7, '次'], ['study.pre_meeting', 12, '次'], ['study.participants', 86, '名'], ['study.trial_observation', 2, '次'],
  ['training.sessions', 6, '场'], ['training.participants', 420, '人次'],
  ['decisions.major', 3, '项'], ['decisions.contracts_reviewed', 70, '件'], ['decisions.normative_docs_reviewed', 5, '件'], ['decisions.filing_rate', 100, '%'],
  ['counsel.government', 2, '名'], ['counsel.village_coverage', 14, '个'],
  ['enforcement.cases_filed', 422, '宗'], ['enforcement.cases_closed', 338, '宗'], ['enforcement.safety_cases_filed', 51, '宗'],
  ['enforcement.certificates_new', 9, '本'], ['enforcement.training_participants', 156, '人次'],
  ['reconsideration.received', 2, '件'], ['reconsideration.corrected', 1, '件'],
  ['litigation.received', 30, '件'], ['litigation.hearings', 21, '次'], ['litigation.head_appearances', 12, '次'], ['litigation.lost', 0, '件'],
  ['disputes.received', 68, '件'], ['disputes.mediated', 66, '件'], ['disputes.rate', 97.06, '%'],
  ['petitions.batches', 348, '批'], ['petitions.persons', 657, '人次'],
  ['hotline.received', 38, '宗'], ['hotline.closed', 34, '宗'], ['hotline.in_progress', 4, '宗'],
  ['pufa.activities', 30, '场'], ['pufa.lectures', 9, '场'], ['pufa.performances', 2, '场'], ['pufa.materials', 1200, '份'],
  ['pufa.consultations', 310, '人次'], ['pufa.legal_literates', 58, '名'], ['pufa.demo_villages', 3, '个'],
  ['legal_services.stations', 15, '个'], ['legal_services.services', 860, '件次'],
];

/** A town's figures: the base ones scaled by one factor, so closed ≤ filed etc. still hold; derived ones recomputed. */
function figuresFor(random) {
  const f = 0.6 + random();
  const values = {};
  for (const [p, base] of FIGURES) values[p] = p.endsWith('rate') ? base : Math.round(base * f);
  values['disputes.mediated'] = Math.min(values['disputes.mediated'], values['disputes.received']);
  values['disputes.rate'] = values['disputes.received'] ? Math.round((values['disputes.mediated'] / values['disputes.received']) * 10000) / 100 : 0;
  values['hotline.in_progress'] = values['hotline.received'] - values['hotline.closed'];
  values['decisions.filing_rate'] = 100;
  return values;
}

// Sentences with figure slots: «path» becomes {{path}} in the lawreport source and the number in pandoc's copy.
const MEASURES = [
  ['抓实领导干部学法用法', [
    '镇党委把学法纳入全年学习安排，开展党委中心组学法«study.central_group»次、会前学法«study.pre_meeting»次，参学干部«study.participants»名，学法内容与当月重点工作相衔接。',
    '组织班子成员旁听庭审«study.trial_observation»次，庭后结合案件讨论执法中的薄弱环节，形成问题清单并逐项落实整改责任人。',
    '全年举办法治培训«training.sessions»场、培训«training.participants»人次，课程涵盖行政处罚、行政许可、信息公开和安全生产监管等日常业务。',
  ]],
  ['规范重大行政决策程序', [
    '年初向社会公布重大行政决策事项目录，全年作出重大行政决策«decisions.major»项，公众参与、专家论证、风险评估、合法性审查和集体讨论决定五个环节一个不少。',
    '决策过程中形成的会议记录、征求意见稿和论证材料全部归档，做到决策全过程可回溯、可查询。',
    '对群众关注度高的事项，通过村（社区）公示栏、政务新媒体同步征求意见，意见采纳情况在决策后统一反馈。',
  ]],
  ['把好合法性审查关口', [
    '司法所会同法律顾问对合同、协议和规范性文件逐件审查，全年审查政府合同«decisions.contracts_reviewed»件、规范性文件«decisions.normative_docs_reviewed»件，报备率«decisions.filing_rate»%。',
    '聘请政府法律顾问«counsel.government»名，全镇«counsel.village_coverage»个村（社区）实现法律顾问全覆盖，顾问每月到村坐班不少于一次。',
    '建立审查意见台账，对审查中提出的修改意见跟踪落实，未经审查或审查不通过的文件一律不得提交会议讨论。',
  ]],
  ['推进严格规范公正文明执法', [
    '综合行政执法队全年立案«enforcement.cases_filed»宗、结案«enforcement.cases_closed»宗，其中安全生产领域立案«enforcement.safety_cases_filed»宗。',
    '新增执法证«enforcement.certificates_new»本，组织执法人员培训«enforcement.training_participants»人次，执法全过程记录、重大执法决定法制审核和执法公示三项制度全面落实。',
    '推行“首违不罚”和轻微违法告知承诺，对初次轻微违法的经营主体以教育引导为主，执法温度与力度并重。',
  ]],
  ['依法化解社会矛盾纠纷', [
    '镇村两级调解组织排查受理矛盾纠纷«disputes.received»件，调解成功«disputes.mediated»件，调解成功率«disputes.rate»%。',
    '信访工作坚持领导包案，全年接待群众来访«petitions.batches»批«petitions.persons»人次，重点信访事项做到一案一策、限时办结。',
    '12345热线受理群众诉求«hotline.received»宗，已办结«hotline.closed»宗，在办«hotline.in_progress»宗，对办理结果逐件回访。',
  ]],
  ['做好行政复议和行政应诉', [
    '全年发生行政复议案件«reconsideration.received»件，被纠错«reconsideration.corrected»件；行政诉讼收案«litigation.received»件，开庭«litigation.hearings»次，负责人出庭应诉«litigation.head_appearances»次，败诉«litigation.lost»件。',
    '对被纠错案件逐案分析原因，修订执法文书模板和办案流程，防止同类问题再次发生。',
  ]],
  ['深化普法和公共法律服务', [
    '围绕宪法、民法典和群众身边的法律法规，开展普法宣传活动«pufa.activities»场，举办法治讲座«pufa.lectures»场、法治文艺演出«pufa.performances»场，发放普法资料«pufa.materials»份，解答法律咨询«pufa.consultations»人次。',
    '培育“法律明白人”«pufa.legal_literates»名，创建民主法治示范村（社区）«pufa.demo_villages»个，建成公共法律服务站（室）«legal_services.stations»个，全年提供公共法律服务«legal_services.services»件次。',
    '在集市、学校和企业设立流动普法点，把普法送到田间地头和生产一线，群众办事、咨询不出村就能找到懂法的人。',
  ]],
  ['推进数字法治政府建设', [
    '依托政务服务平台推行“一网通办”，高频事项实现网上申请、网上审核、结果寄递，群众少跑腿、数据多跑路。',
    '执法办案全部录入行政执法综合管理平台，案件从立案到结案的每个节点留痕可查，超期未结的案件由系统自动提醒。',
    '公开栏、政府网站和政务新媒体同步公开权责清单、执法依据和办事指南，方便群众查询和监督。',
  ]],
  ['提高突发事件依法应对能力', [
    '修订镇级总体应急预案和防汛、森林防火等专项预案，明确各村（社区）和站所在预警、处置和善后各环节的职责。',
    '汛期前组织应急演练，检验预案的可操作性，对演练中发现的物资储备和通讯保障问题限期整改。',
  ]],
];

const SHORTCOMINGS = [
  ['执法力量与任务不相适应', '持证执法人员数量偏少，部分人员对新划入的执法事项还不熟悉，结案率仍有提升空间。主要原因是执法事项下放后培训跟进不够及时，老带新机制还不健全。'],
  ['普法宣传的针对性不强', '普法活动以集中宣传为主，面向新业态从业人员和流动人口的宣传形式较少，群众参与的主动性还需调动。'],
  ['矛盾纠纷源头预防有短板', '部分邻里、婚姻家庭纠纷在萌芽阶段没有被及时发现，网格员排查和初步调处的能力需要提升。'],
  ['合法性审查力量薄弱', '司法所人员少、任务重，合同审查主要依靠外聘法律顾问，审查的时效和深度还不能完全满足需要。'],
  ['数字化执法应用不充分', '执法平台的数据录入仍有滞后，部分站所习惯纸质台账，平台的统计分析和预警功能没有充分用起来。主要原因是操作培训不够，考核中对平台应用的要求不够具体。'],
  ['基层干部法治素养不均衡', '少数村（社区）干部依法办事意识不强，处理土地、婚姻家庭等问题时仍凭经验，运用法治思维化解矛盾的能力有待提高。'],
];

const FIRST_RESPONSIBLE = [
  ['亲自部署重要工作', '年初召开党委会议专题研究法治建设，审议年度工作要点，明确分管领导和责任站所。主要负责人对重大行政决策、重大执法案件和重点信访事项亲自过问、亲自协调。'],
  ['带头尊法学法守法用法', '主要负责人带头参加中心组学法和旁听庭审，带头出庭应诉，在年度述职中专门报告履行推进法治建设第一责任人职责的情况，接受干部群众监督。'],
  ['压实各级法治建设责任', '把法治建设纳入站所和村（社区）年度考核，考核结果与评先评优挂钩，对工作推进不力的单位约谈提醒。'],
  ['推动解决法治建设难题', '主要负责人多次到司法所、综合行政执法队调研，协调解决执法车辆、办案场所和法律顾问经费等实际困难，为基层法治工作提供保障。'],
  ['自觉接受各方面监督', '认真办理人大代表建议和政协委员提案，主动接受司法监督和审计监督，对群众反映的问题及时回应、限期整改。'],
];

const NEXT_YEAR = [
  ['提升依法决策水平', ['严格执行重大行政决策程序', '扩大合法性审查覆盖面', '发挥法律顾问参谋作用']],
  ['加强执法队伍建设', ['分批开展执法业务培训', '推行执法案卷评查', '提高结案率和规范化水平']],
  ['做实矛盾纠纷预防化解', ['健全镇、村、网格三级排查机制', '推动纠纷早发现、早介入、早化解']],
  ['创新普法宣传方式', ['用群众喜闻乐见的形式精准普法', '扩大“法律明白人”队伍', '办好法治文化阵地']],
];

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n) => (n <= 10 ? NUM[n - 1] : n < 20 ? `十${NUM[n - 11]}` : `${NUM[Math.floor(n / 10) - 1]}十${n % 10 ? NUM[(n % 10) - 1] : ''}`);

/** One report as both sources. `rounds` repeats chapter one's sections (1 = typical; the long report uses more). */
function report(town, seed, rounds) {
  const random = seededRandom(seed);
  const values = figuresFor(random);
  const src = (s) => s.replace(/«([^»]+)»/g, '{{$1}}');
  const typed = (s) => s.replace(/«([^»]+)»/g, (_, p) => String(values[p]));
  // The first round keeps every sentence; later rounds (the long report) keep a varying subset.
  const pick = (items, round) => {
    const kept = round === 0 ? items : items.filter(() => random() < 0.7);
    return kept.length > 0 ? kept : items.slice(0, 1);
  };
  const files = {};
  const flat = [`# ${town}人民政府2024年法治政府建设年度报告`, ''];

  const preface = `2024年，${town}在县委、县政府领导下，把依法行政贯穿镇域治理各个环节，法治政府建设取得新进展。现将有关情况报告如下。`;
  files['chapters/00-preface.md'] = `---\nid: preface\n---\n\n${preface}\n`;
  flat.push(preface, '');

  const chapter = (file, id, title, body) => {
    files[`chapters/${file}`] = `---\nid: ${id}\n---\n\n${body.map((b) => src(b.source)).join('\n\n')}\n`;
    flat.push(`## ${title}`, '', ...body.flatMap((b) => [typed(b.flat), '']));
  };

  const measures = [];
  let k = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [heading, sentences] of MEASURES) {
      k++;
      const title = rounds > 1 ? `${heading}（${round + 1}）` : heading;
      const text = pick(sentences, round).join('\n\n');
      // A third level, as real reports have: the section's practice retold with the figures again.
      const practice = sentences.filter(() => random() < 0.8).join('\n\n') || sentences[0];
      measures.push({
        source: `## ${title}\n\n${text}\n\n### 经验做法\n\n${practice}`,
        flat: `### （${cn(k)}）${title}\n\n${text}\n\n#### 1.经验做法\n\n${practice}`,
      });
      if (heading.startsWith('推进严格')) {
        const rows = ['行政执法立案|enforcement.cases_filed|宗', '行政执法结案|enforcement.cases_closed|宗', '安全生产立案|enforcement.safety_cases_filed|宗']
          .map((r) => r.split('|'))
          .map(([label, p, unit]) => `| ${label} | «${p}»${unit} |`);
        const table = ['| 项目 | 数量 |', '| --- | ---: |', ...rows].join('\n');
        measures.push({ source: table, flat: table });
      }
      if (heading.startsWith('深化普法')) {
        const list = ['1. 每个村（社区）至少培育一批“法律明白人”；', '2. 每季度开展一次主题普法活动；', '3. 公共法律服务站（室）在工作日全天开放。'].join('\n');
        measures.push({ source: list, flat: list });
      }
    }
  }
  chapter('01-measures.md', 'measures', '一、2024年度推进法治政府建设的主要举措和成效', measures);
  chapter('02-shortcomings.md', 'shortcomings', '二、2024年度推进法治政府建设存在的不足和原因', [
    { source: '对照上级要求，我镇法治政府建设还存在一些不足：', flat: '对照上级要求，我镇法治政府建设还存在一些不足：' },
    ...SHORTCOMINGS.map(([h, t], i) => ({ source: `## ${h}\n\n${t}`, flat: `### （${cn(i + 1)}）${h}\n\n${t}` })),
  ]);
  chapter('03-first-responsible.md', 'first-responsible', '三、2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况', [
    { source: '镇党委书记、镇长履行推进法治建设第一责任人职责，把法治政府建设与经济社会发展同部署、同推进、同考核。', flat: '镇党委书记、镇长履行推进法治建设第一责任人职责，把法治政府建设与经济社会发展同部署、同推进、同考核。' },
    ...FIRST_RESPONSIBLE.map(([h, t], i) => ({ source: `## ${h}\n\n${t}`, flat: `### （${cn(i + 1)}）${h}\n\n${t}` })),
  ]);
  chapter('04-next-year.md', 'next-year', '四、2025年度推进法治政府建设的主要安排', [
    { source: `2025年，${town}将围绕以下几个方面推进法治政府建设。`, flat: `2025年，${town}将围绕以下几个方面推进法治政府建设。` },
    ...NEXT_YEAR.map(([h, items], i) => {
      const body = items.map((x) => `- ${x}。`).join('\n');
      return { source: `## ${h}\n\n${body}`, flat: `### （${cn(i + 1)}）${h}\n\n${body}` };
    }),
  ]);

  files['lawreport.yaml'] = [`profile: national`, `org: ${town}人民政府`, `year: 2024`, `date: 2025-02-${String(10 + (seed % 18)).padStart(2, '0')}`,
    `signature:`, `  - 中共${town}委员会`, `  - ${town}人民政府`, `output:`, `  dir: dist`, `  formats: [docx, html, txt]`, ''].join('\n');
  const groups = new Map();
  for (const [p] of FIGURES) {
    const [g, key] = p.split('.');
    groups.set(g, [...(groups.get(g) ?? []), `  ${key}: ${values[p]}`]);
  }
  files['metrics.yaml'] = [...groups].map(([g, lines]) => `${g}:\n${lines.join('\n')}`).join('\n') + '\n';
  flat.push(`${town}人民政府`, '', `2025年2月${10 + (seed % 18)}日`, '');
  return { files, flat: flat.join('\n') };
}

const FIRST = '青河云石柳东南北西桃松梅龙凤金白新清长永';
const SECOND = '山湾岭桥溪坪塘岗林源';
const THIRD = '上下前后中';
/** Distinct town names, the same every run: two characters for the first 200, then three (the 500-report district). */
export const towns = (n) =>
  Array.from({ length: n }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}`;
    const round = Math.floor(i / (FIRST.length * SECOND.length));
    return `${name}${round === 0 ? '' : THIRD[(round - 1) % THIRD.length]}镇`;
  });

async function writeReport(dir, { files, flat }) {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await writeFile(`${dir}.md`, flat); // pandoc's copy, beside the folder
}

/** Writes `n` typical reports of different towns under `root` (the district a summary reads) and returns their folders. */
export async function generateDistrict(root, n) {
  await rm(root, { recursive: true, force: true });
  const dirs = towns(n).map((_, i) => path.join(root, `town-${String(i + 1).padStart(3, '0')}`));
  for (const [i, town] of towns(n).entries()) await writeReport(dirs[i], report(town, 100 + i, 1));
  return dirs;
}

/** Writes the corpus under `root` and returns its paths and sizes. */
export async function generateCorpus(root, { batch = 100, longRounds = 52 } = {}) {
  await rm(root, { recursive: true, force: true });
  const typical = report('示例镇', 1, 1);
  const long = report('长篇镇', 2, longRounds);
  await writeReport(path.join(root, 'typical'), typical);
  await writeReport(path.join(root, 'long'), long);
  const names = towns(batch);
  for (const [i, town] of names.entries()) await writeReport(path.join(root, 'batch', `town-${String(i + 1).padStart(3, '0')}`), report(town, 100 + i, 1));
  const mdBytes = (r) => Object.entries(r.files).filter(([f]) => f.endsWith('.md')).reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
  return {
    typical: path.join(root, 'typical'),
    long: path.join(root, 'long'),
    batch: names.map((_, i) => path.join(root, 'batch', `town-${String(i + 1).padStart(3, '0')}`)),
    sizes: { typicalMarkdownBytes: mdBytes(typical), longMarkdownBytes: mdBytes(long), figures: FIGURES.length },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const info = await generateCorpus(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'out', 'corpus'));
  console.log(info.sizes);
}

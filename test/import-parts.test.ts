import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/io/decode.js';
import { figureReference, findFigures } from '../src/figures/find.js';
import { isDebris } from '../src/import/debris.js';
import { matchForm } from '../src/import/match-form.js';
import { textLines } from '../src/import/normalize.js';
import { orgOf, yearOf } from '../src/import/report-facts.js';
import { parseChineseDate, parseStructure } from '../src/import/structure.js';
import { builtinCatalog } from '../src/init/builtins.js';
import type { Catalog } from '../src/model.js';
import { matchTitles, numberLevel, stripHeadingNumber } from '../src/profile/match.js';
import { builtins } from './helpers.js';

const TEXT = '一、2024年度主要工作\n全年化解矛盾纠纷1420件。';

describe('decodeText: never a silent mis-decode', () => {
  const decoded = (bytes: Uint8Array, encoding?: string) => decodeText(bytes, encoding);
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), 'utf-8'],
    ['UTF-16LE with BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['GBK', iconv.encode(TEXT, 'gbk'), 'gb18030'],
    ['GB18030 with a character outside GBK', iconv.encode(`${TEXT}𠀀`, 'gb18030'), 'gb18030'],
  ])('%s', (_name, bytes, encoding) => {
    const result = decoded(bytes);
    expect(result).toMatchObject({ ok: true, encoding });
    expect(result.ok && result.text.startsWith(TEXT)).toBe(true);
  });

  it('any bytes: either refused, or decoded so that encoding the text again gives the same bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ maxLength: 20 }).map((t) => iconv.encode(`法治${t}`, 'gb18030')),
      fc.string({ maxLength: 20 }).map((t) => iconv.encode(`政府${t}`, 'big5')),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const result = decodeText(input);
        if (!result.ok) return;
        const again = result.encoding === 'utf-8' ? new TextEncoder().encode(result.text) : iconv.encode(result.text, result.encoding, { addBOM: false });
        // The decoded text leaves out the BOM, if the bytes had one.
        expect(Buffer.from(input).subarray(input.length - again.length).equals(again)).toBe(true);
        expect([0, 2, 3, 4]).toContain(input.length - again.length);
      }),
      { numRuns: 500 },
    );
  });

  it('bytes valid in no candidate encoding are refused', () => {
    expect(decoded(new Uint8Array([0xe4, 0xb8, 0x80, 0xff, 0x80, 0x80]))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('a named encoding that does not fit the bytes is refused, not replaced with U+FFFD', () => {
    expect(decoded(iconv.encode(TEXT, 'gbk'), 'utf-8')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decoded(new TextEncoder().encode(TEXT), 'no-such-encoding')).toMatchObject({ ok: false, reason: 'unknown' });
  });
});

describe('findFigures: a number with its unit next to a catalog label', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await builtinCatalog(builtins);
  });
  const found = (text: string) => findFigures(text, catalog).map((h) => `${h.def.path}=${h.value}${h.approx}${h.unit}${h.part ? ' (part)' : ''}`);

  it.each([
    ['全镇全年化解矛盾纠纷1420件。', ['disputes.mediated=1420件']],
    ['受理调解案件55起，调解成功率达94.5%。', ['disputes.received=55起', 'disputes.rate=94.5%']],
    ['受理12345热线工单2254宗，同比上升84.15%。', ['hotline.received=2254宗']],
    ['接待来访群众348批657人次。', ['petitions.batches=348批', 'petitions.persons=657人次']],
    ['执法立案共422宗，结案338宗。', ['enforcement.cases_filed=422宗', 'enforcement.cases_closed=338宗']],
    ['发放普法资料1000余份。', ['pufa.materials=1000余份']],
    ['2024年共有12个村完成换届。', []],
    // A part of the total is marked, so that the whole wins when both are stated.
    ['执法立案共422宗。其中安全生产领域立案51宗。', ['enforcement.cases_filed=422宗', 'enforcement.safety_cases_filed=51宗 (part)']],
    ['各村居法律顾问提供法律服务392件次。全镇提供法律服务420件次。', ['legal_services.services=392件次 (part)', 'legal_services.services=420件次']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('a percentage never lands in a count, nor a count in a rate', () => {
    expect(found('调解成功率95%')).toEqual(['disputes.rate=95%']);
    expect(found('调解成功率的提升带动调解成功12件')).toEqual(['disputes.mediated=12件']);
  });

  it('references: {{fig}} when the catalog unit is the written one, else the plain value and the written unit', () => {
    const refs = (text: string) => findFigures(text, catalog).map(figureReference);
    expect(refs('化解矛盾纠纷1420件，调解成功率达94.5%')).toEqual(['{{fig disputes.mediated}}', '{{fig disputes.rate}}']);
    expect(refs('化解矛盾纠纷517起')).toEqual(['{{disputes.mediated}}起']);
    expect(refs('发放普法资料1000余份')).toEqual(['{{pufa.materials}}余份']);
    // "95.0" would print as "95": no reference, the literal stays.
    expect(refs('调解成功率95.0%')).toEqual([undefined]);
  });
});

describe('numbering and dates as reports type them', () => {
  it.each([
    ['一、主要工作', 1],
    ['第二部分 存在的问题', 1],
    ['（一）学法用法', 2],
    ['(一)学法用法', 2],
    ['1、会前学法', 3],
    ['1.会前学法', 3],
    ['1．会前学法', 3],
    ['（1）推行说理式执法', 4],
    ['(1)推行说理式执法', 4],
  ])('%s → level %i', (heading, level) => {
    expect(numberLevel(stripHeadingNumber(heading).number!)).toBe(level);
  });

  it.each([
    ['2025年2月10日', '2025-02-10'],
    ['二〇二五年二月十日', '2025-02-10'],
    ['二〇二三年十二月二十一日', '2023-12-21'],
    ['2025年13月1日', undefined],
    ['截至2025年2月10日', undefined],
  ])('%s → %s', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso);
  });

  it.each([
    ['【字体：大 中 小】', true],
    ['发布日期：2025-02-14  浏览次数：268', true],
    ['分享到：', true],
    ['headerBg', true],
    ['一、2024年度主要工作', false],
    ['镇综治中心全年接待来访群众348批657人次。', false],
  ])('debris: %s → %s', (line, debris) => {
    expect(isDebris(line)).toBe(debris);
  });
});

/** A report's opening (own words, invented names) as import sees it. */
const structureOf = (text: string) => parseStructure(textLines(text, false));
const BODY = '\n一、主要举措和成效\n全年化解矛盾纠纷12件。';

describe('title, reporting body and year in the shapes real reports use', () => {
  it.each([
    ['title with the body before the year', '示例镇人民政府2024年法治政府建设年度报告\n2024年，示例镇坚持依法行政。', '示例镇人民政府2024年法治政府建设年度报告', '示例镇人民政府', 2024],
    ['关于……的报告', '示例县司法局关于2023年度法治政府建设情况的报告\n现将有关情况报告如下。', '示例县司法局关于2023年度法治政府建设情况的报告', '示例县司法局', 2023],
    ['the year before the body, 工作总结', '2021年示例乡法治政府建设工作总结\n全乡依法行政水平稳步提升。', '2021年示例乡法治政府建设工作总结', '示例乡', 2021],
    ['no 报告 at the end', '示例省2023年度法治政府建设情况\n2023年，全省各级行政机关依法履职。', '示例省2023年度法治政府建设情况', '示例省', 2023],
    ['joint issuers', '中共示例县委 示例县人民政府关于2024年法治政府建设情况的报告\n市委、市政府：\n2024年，我县坚持依法行政。', '中共示例县委示例县人民政府关于2024年法治政府建设情况的报告', '示例县人民政府', 2024],
    ['a title over two lines', '示例市生态环境局\n2023年法治政府建设情况报告\n2023年，市生态环境局坚持依法行政。', '示例市生态环境局2023年法治政府建设情况报告', '示例市生态环境局', 2023],
    ['a page heading with another year above the title', '县 2022 年法治政府建设工作总结\n示例县2019年法治政府建设工作总结\n2019年，我县坚持依法行政。', '示例县2019年法治政府建设工作总结', '示例县', 2019],
    ['no title: the opening sentence names body and year', '2023年，在区委、区政府的坚强领导下，示例街道坚持以法治思维推进工作。', undefined, '示例街道', 2023],
    ['no title: body and party committee as subject', '2022年，示例镇党委、政府坚持依法行政，扎实推进各项工作。', undefined, '示例镇', 2022],
    ['no title: 现将……报告如下 names the year', '根据有关规定，现将示例区人社局2022年法治政府建设情况报告如下。', undefined, '示例区人社局', 2022],
    ['a news item carrying the report', '示例管理局发布2023年法治政府建设年度报告\n据示例管理局消息，具体内容如下：', undefined, '示例管理局', 2023],
    ['「我县」 names nothing; the report\'s own document does', '2019年，我县坚持依法行政。\n一、主要工作\n印发《示例县法治政府建设工作要点》。', undefined, '示例县', 2019],
    ['only a generic self-reference', '根据有关规定，现将省政府2021年度法治政府建设情况报告如下。', undefined, '省政府', 2021],
  ])('%s', (_shape, opening, title, org, year) => {
    const s = structureOf(opening + BODY);
    expect(s.title?.text).toBe(title);
    expect(orgOf(s)?.value).toBe(org);
    expect(yearOf(s)?.value).toBe(year);
  });

  it('the page around the report: breadcrumbs, metadata, bullets, browser notes, addressee and document number go', () => {
    const s = structureOf([
      '您当前的位置：首页 > 政务公开 > 法治政府建设',
      '当前浏览器版本过低，建议您升级浏览器。',
      '• 索引号',
      '- [ 发布机构 ] 示例乡人民政府',
      '示例委〔2025〕3号',
      '示例乡人民政府2024年法治政府建设情况报告',
      '来源：示例乡人民政府  发布日期：2025-02-12  浏览次数：12',
      '【打印】 【字体：大 中 小】',
      '县委、县政府：',
      '2024年，示例乡坚持依法行政。',
    ].join('\n') + BODY);
    expect(s.title?.text).toBe('示例乡人民政府2024年法治政府建设情况报告');
    expect(s.preface.map((b) => b.text)).toEqual(['2024年，示例乡坚持依法行政。']);
    expect(s.page).toEqual({ publishers: ['示例乡人民政府', '示例乡人民政府'], published: 2025 });
  });

  it('a title whose year disagrees with the opening sentence: the writer\'s opening wins, and the other is kept for a note', () => {
    const s = structureOf('示例县2022年法治政府建设工作总结\n2019年，我县坚持依法行政。' + BODY);
    expect(yearOf(s)).toEqual({ value: 2019, from: 'opening', other: { value: 2022, from: 'title' } });
  });

  it('a year in Chinese numerals', () => {
    expect(yearOf(structureOf('示例镇二〇二三年度法治政府建设情况报告' + BODY))?.value).toBe(2023);
  });

  it('no year anywhere: none is made up', () => {
    const s = structureOf('示例镇法治政府建设情况报告\n示例镇坚持依法行政。' + BODY);
    expect(yearOf(s)).toBeUndefined();
  });

  it('only the 成文日期: the year before it', () => {
    const s = structureOf('示例镇法治政府建设情况报告' + BODY + '\n示例镇人民政府\n2025年2月10日');
    expect(yearOf(s)).toEqual({ value: 2024, from: 'date' });
    expect(orgOf(s)?.value).toBe('示例镇');
  });
});

describe('chapter headings as reports type them', () => {
  const chapters = (text: string) => structureOf(text).chapters.map((c) => [c.heading, c.shape ?? '']);

  it('a run-in heading ends at its full stop; the rest is the first paragraph', () => {
    const s = structureOf('2024年，示例区依法行政。\n一、提升依法履职水平。全年组织学法14次。\n二、加强执法监督。开展评查2次。');
    expect(s.chapters.map((c) => c.heading)).toEqual(['一、提升依法履职水平。', '二、加强执法监督。']);
    expect(s.chapters[0]!.blocks[0]).toMatchObject({ kind: 'paragraph', text: '全年组织学法14次。' });
  });

  it('「1.」 for 「一、」 when 「二、」 follows; 「一)」 where the sequence expects it; the same number twice', () => {
    expect(chapters('2024年，示例县依法行政。\n1. 坚持党的领导，夯实保障\n正文。\n二、加强权力监督\n正文。\n三)存在的不足\n正文。\n三、下一步打算\n正文。')).toEqual([
      ['1. 坚持党的领导，夯实保障', 'renumbered'],
      ['二、加强权力监督', ''],
      ['三)存在的不足', ''],
      ['三、下一步打算', ''],
    ]);
  });

  it('a list 「一、」「二、」 restarting inside a chapter stays in it', () => {
    const s = structureOf('2024年，示例县依法行政。\n一、主要工作\n正文。\n二、存在问题\n正文。\n三、下一步打算\n一、加强学习\n二、强化监督');
    expect(s.chapters.map((c) => c.heading)).toEqual(['一、主要工作', '二、存在问题', '三、下一步打算']);
    expect(s.chapters[2]!.blocks.map((b) => b.kind)).toEqual(['item', 'item']);
  });

  it('an unnumbered heading that names an outline chapter opens one', () => {
    const s = parseStructure(textLines('2021年，示例镇依法行政。\n党政主要负责人履行推进法治建设第一责任人职责\n镇党委高度重视。', false), {
      isChapterTitle: (text) => text.includes('第一责任人'),
    });
    expect(s.chapters.map((c) => [c.heading, c.shape])).toEqual([['党政主要负责人履行推进法治建设第一责任人职责', 'unnumbered']]);
  });

  it('a page that lost its line breaks is cut at its title and its heading numbers', () => {
    const flat = '示例街 2020 年法治政府建设情况报告 2020 年,示例街严格依法行政,现将情况报告 如下: 一、2020 年推进法治政府建设的主要举措和成效 (一)加强组织领导 成立领导小组,' + '统筹推进各项工作,'.repeat(30);
    const s = structureOf(flat);
    expect(s.title?.text).toBe('示例街 2020 年法治政府建设情况报告');
    expect(s.chapters.map((c) => c.heading)).toEqual(['一、2020 年推进法治政府建设的主要举措和成效']);
  });
});

describe('the match form: one normalisation before matching, the prose kept as written', () => {
  it.each([
    ['Kangxi radicals and full-width forms', '⼀、主要⼯作（⼀）', '一、主要工作(一)'],
    ['traditional characters', '法治政府建設年度報告', '法治政府建设年度报告'],
    ['pinyin glosses a converter inserted', '规(guī)范依法行政、创(chuàng)新管理', '规范依法行政、创新管理'],
    ['a bracket that is no gloss stays', '村(社区)法律顾问', '村(社区)法律顾问'],
  ])('%s', (_name, written, match) => {
    const form = matchForm(written);
    expect(form.text).toBe(match);
    expect(form.at).toHaveLength(form.text.length + 1);
    // Every match offset leads back into the written text.
    expect(written.slice(form.at[0], form.at[form.text.length])).toBe(written);
  });

  it('a traditional-character report imports: title, body, year and chapters recognised, text kept as written', () => {
    const s = structureOf('示例鄉2021年法治政府建設工作總結\n一、工作情況\n全年調解糾紛12件。');
    expect(s.title?.text).toBe('示例鄉2021年法治政府建設工作總結');
    expect(orgOf(s)?.value).toBe('示例鄉');
    expect(s.chapters.map((c) => c.match)).toEqual(['工作情况']);
    expect(s.chapters[0]!.blocks[0]!.text).toBe('全年調解糾紛12件。');
  });
});

describe('matchTitles: every outline chapter a heading speaks of', () => {
  const chapters = [
    { id: 'shortcomings', title: '存在的不足和原因', variants: ['存在的问题'] },
    { id: 'next-year', title: '下一年度主要安排', variants: ['下一步打算'] },
    { id: 'first-responsible', title: '加强法治政府建设的有关情况', variants: ['第一责任人'] },
  ];
  const ids = (heading: string, strict = false) => matchTitles(chapters, heading, strict).map((c) => c.id);

  it('a merged chapter names both, in outline order on a tie', () => {
    expect(ids('三、存在的问题及下一步打算')).toEqual(['shortcomings', 'next-year']);
  });

  it('strict: a short heading inside a long title is not about it', () => {
    expect(ids('（一）加强法治政府建设')).toEqual(['first-responsible']);
    expect(ids('（一）加强法治政府建设', true)).toEqual([]);
    expect(ids('（四）主要负责人履行第一责任人职责情况', true)).toEqual(['first-responsible']);
  });
});

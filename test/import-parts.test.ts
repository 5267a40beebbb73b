import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/io/decode.js';
import { figureReference, findFigures } from '../src/import/figures.js';
import { isDebris } from '../src/import/debris.js';
import { orgOf, yearOf } from '../src/import/report-facts.js';
import { parseChineseDate } from '../src/import/structure.js';
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
    ['执法立案共422宗。其中安全生产领域立案51宗。', ['enforcement.cases_filed=422宗', 'enforcement.cases_filed=51宗 (part)']],
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

describe('org and year from the title, else from the signature and date', () => {
  it.each([
    ['示例镇人民政府2024年法治政府建设年度报告', [], '示例镇人民政府', 2024],
    ['示例镇人民政府关于2023年度法治政府建设工作情况的报告', [], '示例镇人民政府', 2023],
    ['示例县司法局2024年度法治政府建设情况报告', [], '示例县司法局', 2024],
    [undefined, ['中共示例镇委员会', '示例镇人民政府'], '示例镇人民政府', undefined],
  ])('%s', (title, signature, org, year) => {
    expect(orgOf(title, signature)).toBe(org);
    expect(yearOf(title, undefined)).toBe(year);
  });

  it('no year in the title: the year before the 成文日期', () => {
    expect(yearOf(undefined, '2025-02-10')).toBe(2024);
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

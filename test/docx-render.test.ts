/**
 * The DOCX checked the way a reader sees it: converted to PDF by LibreOffice and read back with
 * poppler. Slow-ish (a few seconds), so the conversion runs once and every test reads its result.
 * CI installs the tools (.ci/run) and this file must run there; locally it skips with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENTS, buildDocx, fixtureFiles } from './docx-fixture.js';
import { linesOf, mmToPt, renderDocxToPdf, renderTools, type PdfLine, type RenderedPdf } from './pdf-render.js';

const tools = await renderTools();
if (!tools.ok && process.env.CI === 'true') throw new Error(`CI must render the DOCX, but ${tools.why}`);
if (!tools.ok) console.warn(`skipping the LibreOffice rendering tests: ${tools.why}`);

// The text block in PDF points: A4, margins 37/35/28/26 mm.
const left = mmToPt(28);
const right = mmToPt(210 - 26);
const top = mmToPt(37);
const bottom = mmToPt(297 - 35);
const pitch = 315 / 20; // one body character: 16 pt less 0.25 pt of spacing, 28 to the 156 mm line
const isFooter = (l: PdfLine) => l.y0 > bottom;
const bodyLines = (lines: PdfLine[]) => lines.filter((l) => !isFooter(l));
const HANGING = /[，。、；：！？”’）》]$/;

describe.skipIf(!tools.ok)('the DOCX as LibreOffice renders it', () => {
  let pdf: RenderedPdf;
  let pages: PdfLine[][];

  beforeAll(async () => {
    pdf = await renderDocxToPdf(await buildDocx(await fixtureFiles()));
    pages = pdf.pages.map(linesOf);
  }, 120_000);

  it('is on A4 paper', () => {
    expect(pdf.info).toMatch(/Page size:\s+595\.3\d* x 841\.8\d* pts \(A4\)/);
    for (const page of pdf.pages) expect([page.width, page.height].map(Math.round)).toEqual([595, 842]);
  });

  it('sets 22 lines on a full page, one every 28.95 pt, inside the 225 mm text block', () => {
    const counts = pages.map((p) => bodyLines(p).length);
    expect(Math.max(...counts)).toBe(22);
    // Pages of prose only: a table's rows are shorter than text lines.
    const prose = pages.filter((p) => !p.some((l) => l.text.startsWith('行政执法立案')));
    const full = prose.filter((p) => bodyLines(p).length === 22);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const page of full) {
      const lines = bodyLines(page);
      expect(lines[0]!.y0).toBeGreaterThan(top);
      expect(lines.at(-1)!.y1).toBeLessThan(bottom);
      const gaps = lines.slice(1).map((l, i) => l.y0 - lines[i]!.y0);
      for (const gap of gaps) expect(gap).toBeCloseTo(28.95, 0);
    }
  });

  it('sets 28 characters on a full line of Chinese text, from the left edge to the right edge', () => {
    // Lines of prose with neither digits nor Latin letters, which are narrower than a character.
    const full = pages
      .flatMap(bodyLines)
      .filter((l) => Math.abs(l.x0 - left) < 1 && l.x1 > right - pitch && !/[\x21-\x7e]/.test(l.text));
    expect(full.length).toBeGreaterThan(20);
    for (const line of full) {
      // Punctuation may hang past the right edge, as Word's and LibreOffice's default allows.
      const inside = line.x1 > right + 1 && HANGING.test(line.text) ? [...line.text].length - 1 : [...line.text].length;
      expect(inside, line.text).toBe(28);
      expect(line.x0 + 28 * pitch).toBeGreaterThan(line.x1 - (inside < [...line.text].length ? pitch : 0) - 1);
    }
  });

  it('indents the first line of a paragraph and every heading by two characters', () => {
    const heads = pages.flatMap(bodyLines).filter((l) => /^(?:[一二三四五]、|（[一二三四五]）|\d\.)/.test(l.text) && !ATTACHMENTS.some((a) => l.text.endsWith(a)));
    expect(heads.length).toBeGreaterThan(10);
    for (const h of heads) expect(h.x0 - left, h.text).toBeCloseTo(2 * pitch, 0);
  });

  it('centres the title, broken by meaning into two lines, above a blank line', () => {
    const [first, second, body] = bodyLines(pages[0]!);
    expect([first!.text, second!.text]).toEqual(['示例镇人民政府', '2024年法治政府建设年度报告']);
    for (const line of [first!, second!]) expect((line.x0 + line.x1) / 2).toBeCloseTo((left + right) / 2, 0);
    expect(second!.y1 - first!.y1).toBeCloseTo(36, 0); // 二号 on an exact 36 pt line
    expect(body!.y0 - second!.y0).toBeGreaterThan(2 * 28); // 标题下空一行
  });

  it('prints "— 1 —" at the right of odd pages and "— 2 —" at the left of even pages, one character in', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const footer = page.filter(isFooter);
      expect(footer, `page ${i + 1}`).toHaveLength(1);
      const number = footer[0]!;
      expect(number.text.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      const oneChar = 14; // 四号
      if ((i + 1) % 2 === 1) expect(right - number.x1).toBeCloseTo(oneChar, 0);
      else expect(number.x0 - left).toBeCloseTo(oneChar, 0);
      // 7 mm below the text block, give or take the line's own leading.
      expect(number.y0 - bottom).toBeGreaterThan(mmToPt(5));
      expect(number.y0 - bottom).toBeLessThan(mmToPt(9));
    });
  });

  it('lists the attachments after the body, numbered, the second under the first name', () => {
    const lines = pages.at(-1)!;
    const first = lines.find((l) => l.text.startsWith('附件：'))!;
    const second = lines.find((l) => l.text.startsWith('2.'))!;
    expect(first.text).toBe(`附件：1.${ATTACHMENTS[0]}`);
    expect(second.text).toBe(`2.${ATTACHMENTS[1]}`);
    expect(first.x0 - left).toBeCloseTo(2 * pitch, 0);
    expect(second.x0 - left).toBeCloseTo(5 * pitch, 0); // under 「1.」, after 「附件：」
    expect(second.y0 - first.y0).toBeCloseTo(28.95, 0);
  });

  it('places the signatures and 成文日期 as GB/T 9704 7.3.5.2 places them without a seal', () => {
    const lines = pages.at(-1)!;
    const attachment = lines.find((l) => l.text.startsWith('2.'))!;
    const [party, government] = ['中共示例镇委员会', '示例镇人民政府'].map((s) => lines.find((l) => l.text === s)!);
    const date = lines.find((l) => l.text === '2025年2月10日')!;
    expect(party!.y0 - attachment.y0).toBeCloseTo(2 * 28.95, 0); // one blank line below the 附件说明
    expect(government!.x0).toBeCloseTo(party!.x0, 1); // joint senders stacked, first characters aligned
    expect(date.y0 - government!.y0).toBeCloseTo(28.95, 0);
    // The date is longer than the shift allows, so it keeps two characters from the right edge …
    expect(right - date.x1).toBeCloseTo(2 * pitch, -1);
    // … and the signature sits two characters left of where the date starts with half-width digits.
    expect(party!.x0 - left).toBeCloseTo(17.5 * pitch, 0);
  });

  it('draws the GFM table with its rows in 四号 and single spacing', () => {
    const lines = pages.flatMap(bodyLines);
    const rows = ['行政执法立案422宗', '行政执法结案338宗', '其中安全生产立案51宗'].map((t) => lines.find((l) => l.text === t));
    expect(rows.every(Boolean)).toBe(true);
    const gap = rows[1]!.y0 - rows[0]!.y0;
    expect(gap).toBeLessThan(24); // a 14 pt line plus cell borders, not the body's 28.95 pt
    const bodyLine = lines.find((l) => l.text.startsWith('综合行政执法队'))!;
    expect(rows[0]!.y1 - rows[0]!.y0).toBeLessThan(bodyLine.y1 - bodyLine.y0); // smaller type than the body
  });
});

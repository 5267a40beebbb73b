import { AlignmentType, Document, Packer, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SharedStyles } from '../src/render/docx/shared-properties.js';

/**
 * Runs and body paragraphs share their properties (shared-properties.ts): the document.xml they
 * write must be the one docx's own TextRun and Paragraph write, whatever the style and the text.
 */
const documentXml = async (children: Paragraph[]) => {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/document.xml']);
};

const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong', cs: 'FangSong' };
const runStyle: fc.Arbitrary<IRunOptions> = fc.record(
  {
    font: fc.constantFrom(font, 'SimHei'),
    size: fc.constantFrom(32, 28),
    characterSpacing: fc.constant(-4),
    bold: fc.boolean(),
    italics: fc.boolean(),
    strike: fc.boolean(),
    underline: fc.constant({}),
    superScript: fc.boolean(),
    subScript: fc.boolean(),
  },
  { requiredKeys: [] },
);
const paragraphStyle: fc.Arbitrary<Omit<IParagraphOptions, 'children'>> = fc.record(
  {
    style: fc.constantFrom('Heading1', 'ListParagraph', 'Quote'),
    indent: fc.record({ firstLine: fc.constant(640), left: fc.constantFrom(0, 640, 1280) }),
    alignment: fc.constantFrom(AlignmentType.JUSTIFIED, AlignmentType.CENTER),
  },
  { requiredKeys: [] },
);
const text = fc.oneof(fc.constantFrom('', ' 前后有空格 ', '<&>"\'', '甲\t乙', '一、总体情况'), fc.string({ maxLength: 12 }));

describe('runs and paragraphs sharing their properties', () => {
  it('write the XML docx\'s TextRun and Paragraph write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(paragraphStyle, fc.array(fc.tuple(runStyle, text), { maxLength: 4 })), { minLength: 1, maxLength: 5 }), async (paragraphs) => {
        const shared = new SharedStyles();
        const mine = paragraphs.map(([p, runs]) => shared.paragraph(p, runs.map(([r, t]) => shared.textRun(r, t))));
        const theirs = paragraphs.map(([p, runs]) => new Paragraph({ ...p, children: runs.map(([r, t]) => new TextRun({ ...r, text: t })) }));
        expect(await documentXml(mine)).toBe(await documentXml(theirs));
      }),
      { numRuns: 60 },
    );
  });

  it('share one properties element among the runs of one style, and keep each run\'s own text', async () => {
    const shared = new SharedStyles();
    const style = { font, size: 32 };
    const xml = await documentXml([shared.paragraph({}, [shared.textRun(style, '甲'), shared.textRun({ ...style }, '乙'), shared.textRun({ ...style, bold: true }, '丙')])]);
    expect(xml).toBe(await documentXml([new Paragraph({ children: [new TextRun({ ...style, text: '甲' }), new TextRun({ ...style, text: '乙' }), new TextRun({ ...style, bold: true, text: '丙' })] })]));
    expect(xml.match(/<w:t xml:space="preserve">[^<]*<\/w:t>/g)).toEqual(['<w:t xml:space="preserve">甲</w:t>', '<w:t xml:space="preserve">乙</w:t>', '<w:t xml:space="preserve">丙</w:t>']);
  });
});

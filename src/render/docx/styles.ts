import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { Fonts } from '../../model.js';
import { LAYOUT, chars, fontsOf, type FontRole } from './layout.js';

const exactLine = { line: LAYOUT.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Style ids the blocks use beyond Normal, Title and Heading1–4 (import reads them back by these). */
export const STYLE = {
  figure: 'Figure',
  caption: 'Caption',
  listItem: 'ListParagraph',
  quote: 'Quote',
  footnote: 'FootnoteText',
} as const;

/**
 * Real Word styles (正文 = Normal, 标题 = Title, 标题 1–4 = heading 1–4) carrying the 公文 look,
 * so a clerk restyles in Word as usual. The document defaults name every font too: docx's
 * built-in defaults would otherwise leave theme fonts for Word or WPS to substitute.
 */
export function reportStyles(fonts: Fonts): IStylesOptions {
  const body = { font: fontsOf(fonts, 'body'), size: LAYOUT.bodySize, characterSpacing: LAYOUT.bodyCharSpacing };
  const heading = (level: number, role: FontRole) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...body, font: fontsOf(fonts, role), bold: false, italics: false, color: '000000' },
    paragraph: { spacing: exactLine, indent: { firstLine: chars(2) }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  return {
    default: {
      document: { run: body, paragraph: { spacing: exactLine } },
      // docx writes these with theme colours and sizes of its own; give them the report's look.
      heading1: { run: { font: fontsOf(fonts, 'heading1'), size: LAYOUT.bodySize, bold: false, color: '000000' } },
      heading2: { run: { font: fontsOf(fonts, 'heading2'), size: LAYOUT.bodySize, bold: false, italics: false, color: '000000' } },
      heading3: { run: { font: fontsOf(fonts, 'body'), size: LAYOUT.bodySize, bold: false, color: '000000' } },
      heading4: { run: { font: fontsOf(fonts, 'body'), size: LAYOUT.bodySize, bold: false, italics: false, color: '000000' } },
      title: { run: { font: fontsOf(fonts, 'title'), size: LAYOUT.titleSize, color: '000000' } },
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: body, paragraph: { spacing: exactLine } },
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fontsOf(fonts, 'title'), size: LAYOUT.titleSize, bold: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: LAYOUT.titleLineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      heading(1, 'heading1'),
      heading(2, 'heading2'),
      heading(3, 'body'),
      heading(4, 'body'),
      // 列表段落 and 引用 look like 正文 (the marker is text, a quote is indented per level on the paragraph).
      { id: STYLE.listItem, name: 'List Paragraph', basedOn: 'Normal', quickFormat: true, run: body, paragraph: { spacing: exactLine } },
      { id: STYLE.quote, name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: body, paragraph: { spacing: exactLine } },
      // A picture's own line: as tall as the picture (the body's exact line would cut it to a strip), centred, no indent, kept with its caption.
      {
        id: STYLE.figure,
        name: 'Figure',
        basedOn: 'Normal',
        next: STYLE.caption,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, keepNext: true, keepLines: true },
      },
      // 题注 below the picture: 四号, centred, on the body's line grid.
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fontsOf(fonts, 'body'), size: LAYOUT.captionSize, characterSpacing: 0, bold: false, italics: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0 }, spacing: exactLine },
      },
      {
        id: STYLE.footnote,
        name: 'footnote text',
        basedOn: 'Normal',
        run: { font: fontsOf(fonts, 'body'), size: LAYOUT.footnoteSize, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
  };
}

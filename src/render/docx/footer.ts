import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Fonts } from '../../model.js';
import { LAYOUT, fontsOf } from './layout.js';

/**
 * GB/T 9704 7.5.1 page numbers: "— 1 —", 四号 宋体 half-width digits with an em dash each side;
 * odd pages one character in from the right, even pages one character in from the left.
 */
export function pageNumberFooter(fonts: Fonts, side: 'right' | 'left'): Footer {
  const oneChar = LAYOUT.pageNumberSize * 10; // one 四号 character in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar, left: 0, firstLine: 0 } : { left: oneChar, firstLine: 0 },
        spacing: { line: 240, before: 0, after: 0 },
        children: [new TextRun({ font: fontsOf(fonts, 'pageNumber'), size: LAYOUT.pageNumberSize, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

import { AlignmentType, Paragraph, TextRun, type IRunOptions } from 'docx';
import { LAYOUT, cells, chars } from './layout.js';

/**
 * What follows the body, placed as GB/T 9704-2012 places it.
 *
 * 附件说明 (7.3.3): one blank line below the body, two characters in: 「附件：」 then the names;
 * several are numbered 「1.」「2.」 and a name that wraps lines up under its own first character.
 *
 * 署名 and 成文日期 of a document without a seal (7.3.5.2): one blank line below the body (or the
 * 附件说明); the signature two characters in from the right; the date on the next line, its first
 * character two characters right of the signature's first character. When the date is the longer
 * of the two, the date keeps two characters from the right edge and the signature moves left to
 * keep the two-character shift. Joint senders stack one below the other, first characters aligned.
 *
 * Positions are computed in character cells from the left edge, so the placement holds in any
 * client; the date's half-width digits count half a cell.
 */
export function closingBlocks(attachments: readonly string[], signature: readonly string[], date: string, run: IRunOptions): Paragraph[] {
  const line = (text: string, indent: { left: number; hanging?: number }) =>
    new Paragraph({
      indent,
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ ...run, text })],
    });
  const blank = () => new Paragraph({ children: [] });
  const out: Paragraph[] = [];

  if (attachments.length > 0) {
    out.push(blank());
    const label = '附件：';
    if (attachments.length === 1) {
      out.push(line(label + attachments[0], { left: chars(2 + cells(label)), hanging: chars(cells(label)) }));
    } else {
      attachments.forEach((name, i) => {
        const number = `${i + 1}.`;
        const nameAt = 2 + cells(label) + cells(number);
        out.push(line((i === 0 ? label : '') + number + name, { left: chars(nameAt), hanging: chars(nameAt - 2 - (i === 0 ? 0 : cells(label))) }));
      });
    }
  }

  const place = signaturePlacement(signature, date);
  out.push(blank());
  for (const name of signature) out.push(line(name, { left: chars(place.signatureAt) }));
  // A date longer than the signature is held two characters from the right edge, whatever width
  // the client's font gives its digits; otherwise its first character is placed.
  out.push(
    place.dateFromRight
      ? new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: chars(2) }, children: [new TextRun({ ...run, text: date })] })
      : line(date, { left: chars(place.dateAt) }),
  );
  return out;
}

/** Columns (in character cells from the left edge of the text block) where the signature lines and the date start. */
export function signaturePlacement(
  signature: readonly string[],
  date: string,
  perLine = LAYOUT.charsPerLine,
): { signatureAt: number; dateAt: number; dateFromRight: boolean } {
  const longest = Math.max(0, ...signature.map(cells));
  const dateWidth = cells(date);
  const signatureAt = perLine - 2 - longest;
  if (signatureAt + 2 + dateWidth <= perLine - 2) return { signatureAt, dateAt: signatureAt + 2, dateFromRight: false };
  const dateAt = perLine - 2 - dateWidth;
  return { signatureAt: dateAt - 2, dateAt, dateFromRight: true };
}

import { eastAsianWidth } from 'get-east-asian-width';
import type { Fonts } from '../../model.js';

/** Millimetres to twips (1/20 pt), rounded as Word rounds its own page setup. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);

const page = { width: 11906, height: 16838 }; // A4, exactly as Word writes it
const margin = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const textWidth = page.width - margin.left - margin.right; // 8845 twips = 156 mm
const textHeight = page.height - margin.top - margin.bottom; // 12756 twips = 225 mm
const bodySize = 32; // 三号 16 pt, in half-points
const charPitch = Math.floor(textWidth / 28); // 315 twips: 28 of them fit in 156 mm, 29 do not

/**
 * GB/T 9704-2012 numbers in the units Word wants (half-points for font sizes, twips for lengths).
 *
 * 22 × 28 is reached without Word's "linesAndChars" document grid, which LibreOffice and WPS lay
 * out differently from Word (LibreOffice gives 14–18 characters a line with it). Instead every
 * line is exactly a 22nd of the text block high and every body character carries a small
 * negative spacing, so that 28 characters of 16 pt fill the 156 mm line and a 29th does not fit.
 * Both are plain run and paragraph properties that every client applies the same way.
 */
export const LAYOUT = {
  page,
  margin,
  textWidth,
  linesPerPage: 22,
  charsPerLine: 28,
  /** Exact line height: 225 mm / 22 = 579 twips ≈ 28.95 pt. */
  lineTwips: Math.floor(textHeight / 22),
  charPitch,
  /** w:spacing on body runs, in twips: 16 pt characters set 315 twips apart. */
  bodyCharSpacing: charPitch - bodySize * 10,
  titleSize: 44, // 二号 22 pt
  /** Title lines are set on a taller exact line so the 22 pt glyphs are never clipped. */
  titleLineTwips: 720,
  bodySize,
  tableSize: 28, // 四号 14 pt
  captionSize: 28, // 四号 14 pt: 图题 a size below the body
  footnoteSize: 24, // 小四 12 pt
  pageNumberSize: 28, // 四号 14 pt
  /** The page-number line sits 7 mm below the text block (GB/T 9704 7.5.1); footer distance is to its bottom. */
  footerTwips: mm(35 - 7) - 280,
};

/** Lengths counted in body characters, as the standard counts them ("右空二字"). */
export const chars = (n: number) => Math.round(n * LAYOUT.charPitch);

export type FontRole = keyof Fonts;

/** Every run names its East Asian font (and all the others) explicitly: no theme font is left to substitute. */
export function fontsOf(fonts: Fonts, role: FontRole) {
  const name = fonts[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** Width in character cells: CJK and full-width punctuation 1, half-width digits and Latin ½. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true }) / 2;
  return n;
}

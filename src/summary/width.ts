import { eastAsianWidth } from 'get-east-asian-width';

/** Columns a string takes in a terminal or a spreadsheet: CJK characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += eastAsianWidth(ch.codePointAt(0)!);
  return w;
}

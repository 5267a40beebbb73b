/** compareNames must sort exactly as localeCompare does: outputs list ids and package parts in that order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../src/collate.js';

const sign = (n: number) => Math.sign(n);
const ASCII_NAME_CHARS = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split('');

describe('compareNames', () => {
  it('agrees with localeCompare on names of ASCII letters, digits and punctuation', () => {
    const name = fc.array(fc.constantFrom(...ASCII_NAME_CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
    // Names that share long prefixes, as ids and paths do.
    const near = fc.tuple(fc.constantFrom('', 'word/', 'disputes.', 'docProps/', 'a'), name);
    fc.assert(
      fc.property(near, near, ([p, a], [q, b]) => {
        expect(sign(compareNames(p + a, q + b))).toBe(sign((p + a).localeCompare(q + b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts the parts of a DOCX and figure ids as localeCompare does', () => {
    const names = ['word/styles.xml', 'docProps/custom.xml', 'docProps/app.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/media/image10.png', 'word/media/image2.png', 'word/theme/theme1.xml', 'study.central_group', 'study.centralGroup', 'study.central-group', 'Study.central_group', 'hotline.in_progress', 'hotline.closed'];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('leaves any other character to localeCompare', () => {
    const names = ['纠纷.调解', '纠纷.受理', 'é', 'e', 'f', 'chapters/第一章.md', 'chapters/01.md'];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

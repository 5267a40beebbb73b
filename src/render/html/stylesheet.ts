import type { Fonts } from '../../model.js';

/** Font stacks: the 公文 fonts first, then what Windows, macOS and Debian (fonts-noto-cjk) have. */
export function fontStacks(fonts: Fonts) {
  const q = (name: string) => JSON.stringify(name);
  return {
    title: [q(fonts.title), '"方正小标宋简体"', '"FZXiaoBiaoSong-B05S"', '"STZhongsong"', '"Noto Serif CJK SC"', '"Noto Serif SC"', 'serif'],
    body: [q(fonts.body), '"仿宋_GB2312"', '"FangSong_GB2312"', '"仿宋"', '"FangSong"', '"STFangsong"', '"Noto Serif CJK SC"', '"Noto Serif SC"', 'serif'],
    heading1: [q(fonts.heading1), '"黑体"', '"SimHei"', '"STHeiti"', '"Noto Sans CJK SC"', '"Noto Sans SC"', 'sans-serif'],
    heading2: [q(fonts.heading2), '"楷体_GB2312"', '"KaiTi_GB2312"', '"楷体"', '"KaiTi"', '"STKaiti"', '"Noto Serif CJK SC"', 'serif'],
    pageNumber: [q(fonts.pageNumber), '"宋体"', '"SimSun"', '"Noto Serif CJK SC"', 'serif'],
  } as const;
}

/**
 * GB/T 9704-2012 in CSS. Print: A4, 天头 37 mm, 订口 28 mm (mirrored on even pages: the
 * binding edge changes sides in double-sided printing), text block 156 × 225 mm, 16 pt
 * body on a 22-line grid (225 mm / 22) with 28 characters a line (156 mm / 28), 「— N —」
 * page numbers in 14 pt 宋体 7 mm below the text block, odd pages right and even pages left,
 * one character in from the edge. Screen: the same page on a desktop, full width on a phone.
 */
export function stylesheet(fonts: Fonts): string {
  const f = fontStacks(fonts);
  const unique = (list: readonly string[]) => [...new Set(list)].join(', ');
  const pageNumber = `content: "— " counter(page) " —"; font-family: ${unique(f.pageNumber)}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;
  return `
:root { color-scheme: light; --line: 28.95pt; --cell: 1em; }
html { background: #f4f4f2; }
body { margin: 0; color: #111; font-family: ${unique(f.body)}; font-size: 16pt; line-height: 1.8; }
main { box-sizing: border-box; max-width: 210mm; margin: 2rem auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
/* Bold picks Noto Serif CJK Bold, the closest look to 小标宋; font-synthesis: none keeps a real 小标宋 (one weight) unsmeared. */
h1.title { font-family: ${unique(f.title)}; font-size: 22pt; font-weight: 700; font-synthesis: none; text-align: center; line-height: 1.5; margin: 0 0 var(--line); text-wrap: balance; }
h1.title span { display: block; }
h2, h3, h4, h5, h6 { font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; text-wrap: pretty; }
/* A heading's last two characters stay on one line (heading-end.ts): no line of one character. */
.heading-end { white-space: nowrap; }
h2 { font-family: ${unique(f.heading1)}; }
h3 { font-family: ${unique(f.heading2)}; }
p { margin: 0; text-indent: 2em; text-align: justify; }
ol, ul { margin: 0; padding: 0; list-style: none; }
li { text-indent: 2em; text-align: justify; }
li > p { display: inline; text-indent: 0; }
blockquote { margin: 0 0 0 2em; }
/* As wide as the text, like the DOCX table (the text block's width, columns by their content). */
table { box-sizing: border-box; width: 100%; border-collapse: collapse; margin: .5em 0; font-size: 14pt; line-height: 1.4; break-inside: avoid; }
th, td { border: 1px solid #000; padding: .2em .5em; text-indent: 0; }
th { font-weight: normal; font-family: ${unique(f.heading1)}; }
img { max-width: 100%; height: auto; display: block; margin: .5em auto; }
figure { margin: .5em 0; text-indent: 0; text-align: center; break-inside: avoid; }
figure img { margin: 0 auto; }
figcaption { font-size: 14pt; text-indent: 0; text-align: center; }
a { color: inherit; }
sup, sub { line-height: 0; }
.footnotes { font-size: 12pt; margin-top: 1em; border-top: 1px solid #999; }
.attachments { margin-top: var(--line); }
/*
 * GB/T 9704 7.3.5.2, as the DOCX places it (render/docx/closing.ts): the signature lines start
 * together and end two characters from the right edge; the date starts two characters further
 * right. A date longer than that keeps two characters from the right edge instead and the
 * signature moves left: a box as wide as the longer of the two, its right edge 2em in, does both.
 */
.signature { width: fit-content; margin: calc(2 * var(--line)) calc(2 * var(--cell)) 0 auto; break-inside: avoid; }
.signature p { text-indent: 0; text-align: left; white-space: nowrap; }
.signature p.date { padding-left: calc(2 * var(--cell)); }
nav.toc { font-size: 12pt; margin: 0 0 1.5em; padding: .5em 1em; border: 1px solid #ddd; }
nav.toc ol { list-style: none; }
nav.toc li { text-indent: 0; }
nav.toc a { text-decoration: none; }
/* Phones; never print, whatever the width of its page box. */
@media screen and (max-width: 700px) {
  body { font-size: 13pt; }
  main { margin: 0; padding: 1.2rem 1rem; box-shadow: none; }
  h1.title { font-size: 18pt; }
  table { font-size: 11pt; }
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { ${pageNumber} text-align: right; padding-right: 1em; } }
@page :left { margin: 37mm 28mm 35mm 26mm; @bottom-left { ${pageNumber} text-align: left; padding-left: 1em; } }
@media print {
  html, main { background: none; }
  main { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  /* A character cell is 156 mm / 28 in print (the letter-spacing makes it so), not 1 em. */
  body { line-height: var(--line); letter-spacing: calc(156mm / 28 - 16pt); --cell: calc(156mm / 28); }
  h1.title { letter-spacing: 0; }
  nav.toc { display: none; }
  a { text-decoration: none; }
}
`.trim();
}

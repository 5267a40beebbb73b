/**
 * Markup the docx library cannot write, added to its XML parts before they are zipped again.
 *
 * 正文 turns off the automatic space Word and LibreOffice put between Chinese and Latin letters
 * (autoSpaceDE) or digits (autoSpaceDN): it would make lines with figures hold fewer than 28
 * characters and push 「2024年」 apart in titles and dates. docx writes only autoSpaceDN, and on
 * each paragraph after w:jc, out of schema order; in the style every paragraph inherits it, and
 * a clerk's new paragraphs do too.
 */
export function patchPart(name: string, xml: string): string {
  if (name !== 'word/styles.xml') return xml;
  // In CT_PPrBase both come before w:spacing, the only thing Normal's w:pPr holds.
  return xml.replace(
    /(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?<w:pPr>)(<w:spacing )/,
    '$1<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>$2',
  );
}

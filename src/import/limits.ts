/**
 * Paragraphs (DOCX) or non-empty lines (TXT, Markdown) an imported report may have, counted before
 * the document is converted: a 200-page report has 3,000–8,000 (table cells count in a DOCX), and
 * converting 30,000 takes mammoth about 4 s and 300 MB. 150,000 took 17 s and 1 GB, 900,000 two minutes and 4 GB.
 */
export const MAX_IMPORT_PARAGRAPHS = 30_000;

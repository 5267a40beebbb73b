/** One line (TXT/Markdown) or paragraph (DOCX) of the report being imported. */
export interface SourceLine {
  text: string;
  /** 1-based line number (TXT) or paragraph number (DOCX), for messages and comments. */
  no: number;
  /** Outline level from the file's own structure: Word's Heading N, Markdown's # count. 0 = title. */
  styleLevel?: number;
}

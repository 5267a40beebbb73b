import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

/**
 * CommonMark parsers are superlinear on a few shapes no real report has: containers nested
 * hundreds deep (a stack overflow, or minutes for nested lists) and paragraphs with thousands
 * of unmatched emphasis or link openers. Before parsing, refuse the first and defuse the second.
 */
export const MARKDOWN_LIMITS = {
  /** Block quotes or list levels on one line. Real reports use two or three. */
  maxNesting: 32,
  /** Emphasis (* _) or bracket ([ ]) delimiters in one paragraph before they are taken literally. */
  maxDelimiters: 2000,
  /**
   * Quote, list and footnote-definition markers in a whole chapter (the sum of every line's
   * nesting). micromark is quadratic in many separate containers: 12,000 one-line quotes take
   * 20 s, 5,000 footnote definitions between paragraphs 25 s and 760 MB. A real chapter has a few
   * dozen list items and notes.
   */
  maxContainerMarks: 3000,
  /** A chapter larger than this is refused outright. */
  maxChars: 5_000_000,
  /**
   * Lines in a chapter. Parsing takes time in the blocks, not the characters: 100,000 one-line
   * headings (1.3 MB) take micromark 15 s and 1.2 GB, where a 200-page chapter has 6,000 lines.
   */
  maxLines: 20_000,
  /**
   * Table cells in a chapter (rows × columns of its | tables). Each cell is a few objects in every
   * renderer: 40,000 cells take 13 s and 1.1 GB to build, where a report's tables have a few hundred.
   */
  maxTableCells: 10_000,
  /**
   * A chapter or template file larger than this is refused before it is read: 3 bytes a character
   * (UTF-8 for Chinese), so no file under maxChars is refused by its size.
   */
  maxBytes: 15_000_000,
};

export const markdownTooLarge = defineDiagnostic({
  id: 'markdown-too-large',
  category: 'markdown',
  severity: 'error',
  fixedSeverity: true,
  description: loc(
    `章节文件超过 ${MARKDOWN_LIMITS.maxChars} 字符、${MARKDOWN_LIMITS.maxLines} 行，或表格单元格超过 ${MARKDOWN_LIMITS.maxTableCells} 个。`,
    `A chapter file is over ${MARKDOWN_LIMITS.maxChars} characters or ${MARKDOWN_LIMITS.maxLines} lines, or its tables over ${MARKDOWN_LIMITS.maxTableCells} cells.`,
  ),
  why: loc('失控的文件（如误粘贴的数据）不能拖垮编译。', 'A runaway file (pasted data, say) must not bring the compiler down.'),
  fix: loc('把内容拆分到多个章节文件，或删去粘贴进来的无关内容。', 'Split the content over several chapter files, or remove pasted material that does not belong.'),
}, {
  tooLarge: {
    message: (d: { size: number }) => loc(`章节过长（${d.size} 字符），上限为 ${MARKDOWN_LIMITS.maxChars} 字符。`, `The chapter is too long (${d.size} characters); the limit is ${MARKDOWN_LIMITS.maxChars}.`),
    hint: 'fix',
  },
  tooManyCells: {
    message: (d: { cells: number; line: number }) => loc(`这一章的表格单元格超过 ${MARKDOWN_LIMITS.maxTableCells} 个（到第 ${d.line} 行为止）。`, `This chapter's tables have more than ${MARKDOWN_LIMITS.maxTableCells} cells (up to line ${d.line}).`),
    hint: loc('大表格请放进附件（如 Excel 表格），正文只列要点。', 'Put a large table in an attachment (a spreadsheet, say) and keep the main points in the text.'),
  },
  tooManyLines: {
    message: (d: { lines: number }) => loc(`章节有 ${d.lines} 行，上限为 ${MARKDOWN_LIMITS.maxLines} 行（200 页的报告约 6000 行）。`, `The chapter has ${d.lines} lines; the limit is ${MARKDOWN_LIMITS.maxLines} (a 200-page report has about 6,000).`),
    hint: 'fix',
  },
});

export const markdownTooComplex = defineDiagnostic({
  id: 'markdown-too-complex',
  category: 'markdown',
  severity: 'error',
  fixedSeverity: true,
  description: loc(`一章里的引用、列表标记和脚注定义合计超过 ${MARKDOWN_LIMITS.maxContainerMarks} 个。`, `A chapter has more than ${MARKDOWN_LIMITS.maxContainerMarks} quote and list marks and footnote definitions in all.`),
  why: loc('Markdown 解析器处理成千上万个引用、嵌套列表或脚注的时间随数量平方增长，会让生成卡住几分钟。', 'The Markdown parser takes time quadratic in thousands of quotes, nested lists or footnotes; the build would hang for minutes.'),
  fix: loc('删去粘贴带进来的“>”“-”，或把内容拆到几个章节文件里。', 'Remove pasted ">" and "-" marks, or split the content over several chapter files.'),
}, {
  tooComplex: {
    message: (d: { line: number }) => loc(
      `这一章的引用、列表标记和脚注定义超过 ${MARKDOWN_LIMITS.maxContainerMarks} 个（到第 ${d.line} 行为止），无法在合理时间内排版。`,
      `This chapter has more than ${MARKDOWN_LIMITS.maxContainerMarks} quote and list marks and footnote definitions (up to line ${d.line}); it cannot be laid out in reasonable time.`,
    ),
    hint: loc('多半是粘贴时带进来的“>”或“-”：删去它们，或把内容拆到几个章节文件里。', 'Usually ">" or "-" left over from pasting: remove them, or split the content over several chapter files.'),
  },
});

export const markdownTooDeep = defineDiagnostic({
  id: 'markdown-too-deep',
  category: 'markdown',
  severity: 'error',
  fixedSeverity: true,
  description: loc(`引用（>）或列表嵌套超过 ${MARKDOWN_LIMITS.maxNesting} 层。`, `Quotes (>) or lists are nested more than ${MARKDOWN_LIMITS.maxNesting} levels deep.`),
  why: loc('报告最多用两三层；几十层的嵌套多半是粘贴错误，而且会让解析极慢。', 'Reports use two or three levels; dozens are a pasting accident and make parsing very slow.'),
  fix: loc('检查行首的“>”和缩进。', 'Check the leading ">" and indentation.'),
}, {
  tooDeep: {
    message: (d: { depth: number }) => loc(`引用或列表嵌套了 ${d.depth} 层，上限为 ${MARKDOWN_LIMITS.maxNesting} 层。`, `Quotes or lists are nested ${d.depth} levels deep; the limit is ${MARKDOWN_LIMITS.maxNesting}.`),
    hint: loc('检查行首的“>”和缩进：多半是粘贴时带进来的。', 'Check the leading ">" and indentation: usually left over from pasting.'),
  },
});

export const markdownDelimiters = defineDiagnostic({
  id: 'markdown-delimiters',
  category: 'markdown',
  severity: 'warning',
  description: loc(`一段里“*”“_”“[”“]”超过 ${MARKDOWN_LIMITS.maxDelimiters} 个，已按普通文字处理。`, `A paragraph has more than ${MARKDOWN_LIMITS.maxDelimiters} "*", "_", "[", "]", so they are taken as plain text.`),
  why: loc('成千上万个这样的符号会让解析极慢，又几乎总是粘贴进来的。', 'Thousands of them make parsing very slow, and are almost always pasted in.'),
  fix: loc('删去多余的符号。', 'Delete the stray marks.'),
}, {
  flood: {
    message: (d: { count: number }) => loc(`这一段有 ${d.count} 个“*”“_”或“[”“]”，已按普通文字处理。`, `This paragraph has ${d.count} "*", "_" or "[", "]" marks; they are taken as plain text.`),
    hint: loc('多半是从别处粘贴来的符号，删去即可。', 'Usually pasted symbols; delete them.'),
  },
});

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

const FOOTNOTE_DEFINITION = /^\[\^[^\]\n]+\]:/;

/** Nesting a line opens: its leading `>` markers, list levels implied by its indentation, and a footnote definition's. */
function nesting(line: string): number {
  let quotes = 0;
  let i = 0;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) {
    if (line[i] === '>') quotes++;
    i++;
  }
  const rest = line.slice(i);
  const indent = indentWidth(line.slice(line.lastIndexOf('>', i) + 1));
  const listLevels = LIST_MARKER.test(rest) ? Math.floor(indent / 2) + 1 : 0;
  return quotes + listLevels + (FOOTNOTE_DEFINITION.test(rest) ? 1 : 0);
}

export interface GuardedMarkdown {
  /** The text to parse; undefined when the chapter is refused. */
  text?: string;
  /** Lines of defused paragraphs, to put back as literal text after parsing (restoreLiterals). */
  literals: string[];
  diagnostics: Diagnostic[];
}

// Private-use marks around a literal's index: plain text to the parser, cheap to find afterwards.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;

export function guardMarkdown(text: string, file: string): GuardedMarkdown {
  if (text.length > MARKDOWN_LIMITS.maxChars) {
    return {
      diagnostics: [markdownTooLarge.at({ file, line: 1, column: 1 }, 'tooLarge', { size: text.length })],
      literals: [],
    };
  }
  const lines = text.split('\n');
  let marks = 0;
  let cells = 0;
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!;
    // A table row: its cells are the pipes less one (a row without outer pipes is counted low; the cap is far off either way).
    if (/^\s*\|/.test(row)) cells += Math.max(1, (row.match(/\|/g)?.length ?? 1) - 1);
    if (cells > MARKDOWN_LIMITS.maxTableCells) {
      return { diagnostics: [markdownTooLarge.at({ file, line: i + 1, column: 1 }, 'tooManyCells', { cells, line: i + 1 })], literals: [] };
    }
    const depth = nesting(row);
    if (depth > MARKDOWN_LIMITS.maxNesting) {
      return {
        diagnostics: [markdownTooDeep.at({ file, line: i + 1, column: 1 }, 'tooDeep', { depth })],
        literals: [],
      };
    }
    marks += depth;
    if (marks > MARKDOWN_LIMITS.maxContainerMarks) {
      return {
        diagnostics: [markdownTooComplex.at({ file, line: i + 1, column: 1 }, 'tooComplex', { line: i + 1 })],
        literals: [],
      };
    }
  }

  if (lines.length > MARKDOWN_LIMITS.maxLines) {
    return {
      diagnostics: [markdownTooLarge.at({ file, line: MARKDOWN_LIMITS.maxLines + 1, column: 1 }, 'tooManyLines', { lines: lines.length })],
      literals: [],
    };
  }

  const diagnostics: Diagnostic[] = [];
  const literals: string[] = [];
  let line = 1;
  const blocks = text.split(/(\n[ \t]*\n)/);
  const out = blocks.map((block, index) => {
    const start = line;
    const { breaks, emphasis, brackets } = marksOf(block);
    line += breaks;
    if (index % 2 === 1) return block; // separator
    if (emphasis <= MARKDOWN_LIMITS.maxDelimiters && brackets <= MARKDOWN_LIMITS.maxDelimiters) return block;
    diagnostics.push(markdownDelimiters.at({ file, line: start, column: 1 }, 'flood', { count: Math.max(emphasis, brackets) }));
    // Escaping each mark costs the parser more than the marks themselves; hide the lines instead
    // and put them back as literal text (line numbers stay the same).
    return block
      .split('\n')
      .map((l) => {
        literals.push(l.trim());
        return `${OPEN}${literals.length - 1}${CLOSE}`;
      })
      .join('\n');
  });
  return { text: out.join(''), literals, diagnostics };
}

/** A block's line breaks, emphasis marks (`*`, `_`) and brackets, counted in one pass without building match arrays. */
function marksOf(block: string): { breaks: number; emphasis: number; brackets: number } {
  let breaks = 0;
  let emphasis = 0;
  let brackets = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 42 || c === 95) emphasis++; // * _
    else if (c === 91 || c === 93) brackets++; // [ ]
  }
  return { breaks, emphasis, brackets };
}

/** Puts defused lines back into the parsed tree as plain text. */
export function restoreLiterals(node: { value?: unknown; children?: unknown[] }, literals: readonly string[]): void {
  if (literals.length === 0) return;
  if (typeof node.value === 'string' && node.value.includes(OPEN)) {
    node.value = node.value.replace(TOKEN, (_, i: string) => literals[Number(i)] ?? '');
  }
  for (const child of node.children ?? []) restoreLiterals(child as { value?: unknown; children?: unknown[] }, literals);
}

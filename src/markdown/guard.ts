import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';

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
   * Quote and list markers in a whole chapter (the sum of every line's nesting). micromark is
   * quadratic in many separate quotes or nested lists: 12,000 one-line quotes take 20 s. A real
   * chapter has a few dozen list items.
   */
  maxContainerMarks: 3000,
  /** A chapter larger than this is refused outright. */
  maxChars: 5_000_000,
};

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

/** Nesting a line opens: its leading `>` markers plus list levels implied by its indentation. */
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
  return quotes + listLevels;
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
      diagnostics: [
        diag('markdown-too-large', 'error', { file, line: 1, column: 1 }, loc(
          `章节过长（${text.length} 字符），上限为 ${MARKDOWN_LIMITS.maxChars} 字符。`,
          `The chapter is too long (${text.length} characters); the limit is ${MARKDOWN_LIMITS.maxChars}.`,
        ), { hint: loc('把内容拆分到多个章节文件，或删去粘贴进来的无关内容。', 'Split the content, or remove pasted material that does not belong.') }),
      ],
      literals: [],
    };
  }
  const lines = text.split('\n');
  let marks = 0;
  for (let i = 0; i < lines.length; i++) {
    const depth = nesting(lines[i]!);
    if (depth > MARKDOWN_LIMITS.maxNesting) {
      return {
        diagnostics: [
          diag('markdown-too-deep', 'error', { file, line: i + 1, column: 1 }, loc(
            `引用或列表嵌套了 ${depth} 层，上限为 ${MARKDOWN_LIMITS.maxNesting} 层。`,
            `Quotes or lists are nested ${depth} levels deep; the limit is ${MARKDOWN_LIMITS.maxNesting}.`,
          ), { hint: loc('检查行首的“>”和缩进：多半是粘贴时带进来的。', 'Check the leading ">" and indentation: usually left over from pasting.') }),
        ],
        literals: [],
      };
    }
    marks += depth;
    if (marks > MARKDOWN_LIMITS.maxContainerMarks) {
      return {
        diagnostics: [
          diag('markdown-too-complex', 'error', { file, line: i + 1, column: 1 }, loc(
            `这一章的引用和列表标记超过 ${MARKDOWN_LIMITS.maxContainerMarks} 个（到第 ${i + 1} 行为止），无法在合理时间内排版。`,
            `This chapter has more than ${MARKDOWN_LIMITS.maxContainerMarks} quote and list marks (up to line ${i + 1}); it cannot be laid out in reasonable time.`,
          ), { hint: loc('多半是粘贴时带进来的“>”或“-”：删去它们，或把内容拆到几个章节文件里。', 'Usually ">" or "-" left over from pasting: remove them, or split the content over several chapter files.') }),
        ],
        literals: [],
      };
    }
  }

  const diagnostics: Diagnostic[] = [];
  const literals: string[] = [];
  let line = 1;
  const blocks = text.split(/(\n[ \t]*\n)/);
  const out = blocks.map((block, index) => {
    const start = line;
    line += block.split('\n').length - 1;
    if (index % 2 === 1) return block; // separator
    const emphasis = (block.match(/[*_]/g) ?? []).length;
    const brackets = (block.match(/[[\]]/g) ?? []).length;
    if (emphasis <= MARKDOWN_LIMITS.maxDelimiters && brackets <= MARKDOWN_LIMITS.maxDelimiters) return block;
    diagnostics.push(diag('markdown-delimiters', 'warning', { file, line: start, column: 1 }, loc(
      `这一段有 ${Math.max(emphasis, brackets)} 个“*”“_”或“[”“]”，已按普通文字处理。`,
      `This paragraph has ${Math.max(emphasis, brackets)} "*", "_" or "[", "]" marks; they are taken as plain text.`,
    ), { hint: loc('多半是从别处粘贴来的符号，删去即可。', 'Usually pasted symbols; delete them.') }));
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

/** Puts defused lines back into the parsed tree as plain text. */
export function restoreLiterals(node: { value?: unknown; children?: unknown[] }, literals: readonly string[]): void {
  if (literals.length === 0) return;
  if (typeof node.value === 'string' && node.value.includes(OPEN)) {
    node.value = node.value.replace(TOKEN, (_, i: string) => literals[Number(i)] ?? '');
  }
  for (const child of node.children ?? []) restoreLiterals(child as { value?: unknown; children?: unknown[] }, literals);
}

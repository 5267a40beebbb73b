import { parseEvents, constructFromEvents, getScalarValue, EVENT_ID, SCALAR_STYLE, YAMLException, type Event } from 'js-yaml';
import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { LineIndex } from './line-index.js';

/** Where a value sits in its YAML source: the key (if any) and the value itself, as offsets. */
export interface YamlSpan {
  keyStart?: number;
  valueStart: number;
}

export interface YamlDocument {
  file: string;
  text: string;
  value: unknown;
  /** JSON pointer ("/disputes/mediated") → source span. "" is the root. */
  spans: Map<string, YamlSpan>;
  lines: LineIndex;
}

/**
 * Limits that keep hostile files (alias bombs, huge or deep documents) from hurting the run.
 * `maxBytes`: a YAML file larger than this is refused before it is read (metrics.yaml of a long
 * report is a few KB); YAML text (front matter) is held to as many characters.
 */
export const YAML_LIMITS = { maxBytes: 1_000_000, maxAliases: 32, maxDepth: 100 };

export const yamlSyntax = defineDiagnostic({
  id: 'yaml-syntax',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('YAML 文件有语法错误，无法读取。', 'A YAML file has a syntax error and cannot be read.'),
  why: loc('读不出的数据不能猜，只能停下。', 'Data that cannot be read must not be guessed.'),
  fix: loc('按提示的行列检查缩进（只能用空格）、冒号后的空格和成对的引号、括号。', 'At the given line and column check indentation (spaces only), the space after colons and paired quotes and brackets.'),
  example: { bad: 'disputes:\n  mediated: [66\n', good: 'disputes:\n  mediated: 66\n' },
}, {
  tooLarge: { message: (d: { size: number }) => loc(`文件过大（${d.size} 字符），上限为 ${YAML_LIMITS.maxBytes} 字符。`, `File too large (${d.size} characters); the limit is ${YAML_LIMITS.maxBytes}.`) },
  syntax: {
    message: (d: { reason: string }) => loc(`YAML 语法错误：${yamlReasonZh(d.reason)}`, `YAML syntax error: ${d.reason}`),
    hint: loc('检查缩进（只能用空格）、冒号后的空格和引号是否成对。', 'Check the indentation (spaces only), the space after each colon and that quotes are paired.'),
  },
  tooDeep: { message: loc('YAML 嵌套过深，无法读取。', 'YAML is nested too deeply to read.') },
  several: { message: loc('文件中有多个 YAML 文档（“---” 分隔），只允许一个。', 'The file holds several YAML documents (separated by "---"); only one is allowed.') },
});

export const yamlDuplicateKey = defineDiagnostic({
  id: 'yaml-duplicate-key',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('同一层级里一个键出现了两次。', 'A key appears twice at the same level.'),
  why: loc('两个值只能留一个，悄悄取后一个会丢数据。', 'Only one value can win; silently keeping the last one loses data.'),
  fix: loc('删除或合并其中一个（第一次出现的位置在“相关位置”里）。', 'Remove or merge one of them (the first occurrence is listed as a related location).'),
  example: { bad: 'disputes:\n  received: 68\n  received: 70\n', good: 'disputes:\n  received: 68\n' },
}, {
  duplicate: {
    message: (d: { key: string; line: number; column: number }) => loc(`键“${d.key}”重复出现（第一次在第 ${d.line} 行第 ${d.column} 列）。`, `Duplicate key "${d.key}" (first at line ${d.line}, column ${d.column}).`),
    hint: loc('删除或合并其中一个。', 'Remove or merge one of them.'),
  },
  merge: {
    message: (d: { key: string; line: number; column: number }) => loc(`合并键“<<”重复出现（第一次在第 ${d.line} 行第 ${d.column} 列）。`, `The merge key "<<" appears twice (first at line ${d.line}, column ${d.column}).`),
    hint: loc('要合并几个锚点，写成一行：<<: [*a, *b]。', 'To merge several anchors, write one key: <<: [*a, *b].'),
  },
});

export function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Parses one YAML document, keeping the source position of every key and value. */
export function parseYaml(text: string, file: string): { doc?: YamlDocument; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  if (text.length > YAML_LIMITS.maxBytes) {
    return {
      diagnostics: [yamlSyntax.at({ file, line: 1, column: 1 }, 'tooLarge', { size: text.length })],
    };
  }
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: YAML_LIMITS.maxDepth });
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(error, file, lines)] };
  }

  const spans = new Map<string, YamlSpan>();
  const duplicates = walkEvents(events, text, spans);
  if (duplicates.length > 0) {
    return {
      diagnostics: duplicates.map(({ key, first, second }) => {
        const p1 = lines.position(first);
        const p2 = lines.position(second);
        return yamlDuplicateKey.at({ file, ...p2 }, key === '<<' ? 'merge' : 'duplicate', { key, ...p1 }, { related: [{ file, ...p1, message: loc('第一次出现', 'first occurrence') }] });
      }),
    };
  }

  let values: unknown[];
  try {
    values = constructFromEvents(events, { source: text, filename: file, maxAliases: YAML_LIMITS.maxAliases });
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(error, file, lines)] };
  }
  if (values.length > 1) {
    return {
      diagnostics: [yamlSyntax.at({ file, line: 1, column: 1 }, 'several')],
    };
  }
  return { doc: { file, text, value: values[0] ?? null, spans, lines }, diagnostics: [] };
}

/**
 * js-yaml's reasons (English only) in Chinese, the ones a clerk meets; by prefix, since some end
 * with what was found. Anything else is shown as js-yaml says it.
 */
const REASONS_ZH: [string, string][] = [
  ['deficient indentation', '缩进不够：这一行应当比上一级多缩进，或者上一行的引号、括号没有配对'],
  ['bad indentation of a mapping entry', '这一项的缩进不对（或冒号后面又有一个“键: 值”，值里有冒号时请加引号）'],
  ['bad indentation of a sequence entry', '列表项（- ）的缩进不对'],
  ['tab characters must not be used in indentation', '缩进里有制表符（Tab），只能用空格'],
  ['a line break is expected', '这里应当换行（“|”“>”后面只能跟换行）'],
  ['unknown escape sequence', '双引号里有无效的转义“\\”：反斜杠本身请写成“\\\\”，或改用单引号'],
  ['expected hexadecimal character', '双引号里的“\\x”“\\u”后面应当是十六进制数字：反斜杠本身请写成“\\\\”，或改用单引号'],
  ['unexpected end of the stream within a double quoted scalar', '双引号没有配对'],
  ['unexpected end of the document within a double quoted scalar', '双引号没有配对'],
  ['unexpected end of the stream within a single quoted scalar', '单引号没有配对'],
  ['unexpected end of the document within a single quoted scalar', '单引号没有配对'],
  ['unexpected end of the stream within a flow collection', '方括号或花括号没有配对'],
  ['missed comma between flow collection entries', '方括号或花括号里的各项之间少了逗号'],
  ['end of the stream or a document separator is expected', '这一行多出了内容（多半是缩进不对，或值里有冒号没加引号）'],
  ['can not read a block mapping entry', '读不出这一项：键不能跨行（值里有冒号时请加引号）'],
  ['a whitespace character is expected after the key-value separator', '冒号后面要有空格'],
  ["expected ':' after a mapping key", '键后面少了冒号'],
  ['expected the node content', '这里应当有值'],
  ['alias node should not have any properties', '别名（*名字）前面不能再加锚点或标签'],
  ['name of an alias node must contain at least one character', '“*”后面要写别名的名字'],
  ['name of an anchor node must contain at least one character', '“&”后面要写锚点的名字'],
  ['unknown tag', '不支持的标签（!!…）：请去掉它'],
  ['unknown scalar tag', '不支持的标签（!!…）：请去掉它'],
  ['unidentified alias', '引用了没有定义的别名（*名字）'],
  ['the stream contains non-printable characters', '文件里有不可见的控制字符'],
];

function yamlReasonZh(reason: string): string {
  return REASONS_ZH.find(([prefix]) => reason.startsWith(prefix))?.[1] ?? reason;
}

function syntaxDiagnostic(error: unknown, file: string, lines: LineIndex): Diagnostic {
  if (error instanceof YAMLException || (error instanceof Error && 'reason' in error)) {
    const e = error as YAMLException;
    const line = (e.mark?.line ?? 0) + 1;
    const column = (e.mark?.column ?? 0) + 1;
    const reason = e.reason ?? e.message;
    return yamlSyntax.at({ file, line, column }, 'syntax', { reason });
  }
  if (error instanceof RangeError) {
    return yamlSyntax.at({ file, ...lines.position(0) }, 'tooDeep');
  }
  throw error;
}

interface Frame {
  kind: 'map' | 'seq';
  pointer: string;
  index: number; // seq: next item index; map: count of scalars/nodes seen (even = key)
  pendingKey?: string;
  pendingKeyStart?: number;
  keys?: Map<string, number>;
}

/** Records spans for every pointer; returns duplicate keys (which the constructor would throw on). */
function walkEvents(events: Event[], text: string, spans: Map<string, YamlSpan>) {
  const duplicates: { key: string; first: number; second: number }[] = [];
  const stack: Frame[] = [];

  // Returns the pointer for a node starting now, or undefined when the node is a mapping key.
  const place = (start: number, scalarKey?: string): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      spans.set('', { valueStart: start });
      return '';
    }
    if (top.kind === 'seq') {
      const pointer = `${top.pointer}/${top.index++}`;
      spans.set(pointer, { valueStart: start });
      return pointer;
    }
    if (top.index++ % 2 === 0) {
      // A key. Complex (non-scalar) keys get a placeholder name.
      const key = scalarKey ?? '?';
      top.pendingKey = key;
      top.pendingKeyStart = start;
      const first = top.keys!.get(key);
      if (first !== undefined) duplicates.push({ key, first, second: start });
      else top.keys!.set(key, start);
      return undefined;
    }
    const pointer = `${top.pointer}/${pointerEscape(top.pendingKey ?? '?')}`;
    spans.set(pointer, { keyStart: top.pendingKeyStart, valueStart: start });
    return pointer;
  };

  let keyDepth = 0; // > 0 while inside a complex key: its contents get no pointers
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        if (keyDepth > 0) break;
        // A quoted scalar's value starts after its quote; editors and readers expect the quote.
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const start = Math.max(0, event.valueStart - (quoted ? 1 : 0));
        place(start, getScalarValue(text, event));
        break;
      }
      case EVENT_ID.ALIAS:
        if (keyDepth === 0) place(event.anchorStart >= 0 ? event.anchorStart - 1 : 0, '*');
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (keyDepth > 0) {
          keyDepth++;
          break;
        }
        const pointer = place(event.start);
        if (pointer === undefined) {
          keyDepth = 1;
          break;
        }
        stack.push(
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', pointer, index: 0, keys: new Map() }
            : { kind: 'seq', pointer, index: 0 },
        );
        break;
      }
      case EVENT_ID.POP:
        if (keyDepth > 0) keyDepth--;
        else stack.pop();
        break;
      default:
        break;
    }
  }
  return duplicates;
}

/**
 * The best source position for a JSON pointer: the key when asked for, else the value;
 * falls back to the nearest ancestor that has a span (a missing property sits at its parent).
 */
export function positionOf(doc: YamlDocument, pointer: string, prefer: 'key' | 'value' = 'key') {
  let p = pointer;
  for (;;) {
    const span = doc.spans.get(p);
    if (span) {
      const offset = prefer === 'key' && span.keyStart !== undefined ? span.keyStart : span.valueStart;
      return doc.lines.position(offset);
    }
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

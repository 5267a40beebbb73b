/**
 * The parse tree Handlebars.parse gives a plain template — text and `{{path}}` or `{{helper arg
 * key=value}}` over simple paths, numbers, strings and booleans — made in one pass over the text,
 * without Handlebars' table-driven lexer and parser (most of a cold check's template time, as
 * every chapter is parsed once). Anything else (blocks, comments, partials, `~`, `{{{`, `\{{`,
 * `@data`, `../`, `this`, `/` separators, sub-expressions, escapes in strings, a `{{` left open,
 * U+2028/2029, NUL) gives undefined, and the caller asks Handlebars, so every parse error and
 * every less common shape still comes from Handlebars. test/template-plain-parse.test.ts holds
 * the trees equal to Handlebars' for the example, the corpus and generated templates.
 */

type Loc = hbs.AST.SourceLocation;
type Expression = hbs.AST.PathExpression | hbs.AST.NumberLiteral | hbs.AST.StringLiteral | hbs.AST.BooleanLiteral;

/** A segment Handlebars' lexer reads as one ID (a narrower set than its own: ASCII words and hyphens). */
const SEGMENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** A number as its lexer reads one (followed by what may follow a literal). */
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?=[\s}])/y;
const STRING = /"([^"\\\n\r]*)"(?=[\s}])/y;
const BOOLEAN = /(?:true|false)(?=[\s}])/y;
/** Words Handlebars' lexer takes for something other than a path, or a path it treats apart. */
const RESERVED = new Set(['true', 'false', 'null', 'undefined', 'else', 'this', 'as']);
/** What the lexer skips between the tokens of a mustache (JavaScript's \s, as its rules use). */
const SPACE = /\s+/y;

export function parsePlain(text: string): hbs.AST.Program | undefined {
  if (text === '' || /[\0\u2028\u2029]/.test(text)) return undefined;
  const lines = lineStarts(text);
  // Offsets come nearly in order (a mustache's parts, then the next): a cursor that walks, not a search, keeps this linear.
  let line = 0;
  const at = (offset: number): hbs.AST.Position => {
    while (line + 1 < lines.length && lines[line + 1]! <= offset) line++;
    while (line > 0 && lines[line]! > offset) line--;
    return { line: line + 1, column: offset - lines[line]! };
  };
  const span = (from: number, to: number): Loc => ({ source: undefined, start: at(from), end: at(to) }) as unknown as Loc;

  const body: hbs.AST.Statement[] = [];
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    const end = open < 0 ? text.length : open;
    if (end > pos) {
      // `\{{` and `\\{{` are escapes the lexer rewrites: Handlebars' own business.
      if (open >= 0 && text[open - 1] === '\\') return undefined;
      const value = text.slice(pos, end);
      body.push({ type: 'ContentStatement', original: value, value, loc: span(pos, end) } as unknown as hbs.AST.ContentStatement);
    }
    if (open < 0) break;
    const mustache = parseMustache(text, open, span);
    if (!mustache) return undefined;
    body.push(mustache.node);
    pos = mustache.end;
  }
  const first = body[0]!.loc;
  const last = body[body.length - 1]!.loc;
  return {
    type: 'Program',
    body,
    strip: {},
    loc: { source: first.source, start: { ...first.start }, end: { ...last.end } },
  } as unknown as hbs.AST.Program;
}

/** `{{head param… key=value…}}` from `open`, or undefined where the mustache is not a plain one. */
function parseMustache(text: string, open: number, span: (from: number, to: number) => Loc): { node: hbs.AST.MustacheStatement; end: number } | undefined {
  let pos = open + 2;
  const skip = () => {
    SPACE.lastIndex = pos;
    if (SPACE.test(text)) pos = SPACE.lastIndex;
  };
  skip();
  const head = path(text, pos, span);
  if (!head) return undefined;
  pos = head.end;
  const params: Expression[] = [];
  const pairs: hbs.AST.HashPair[] = [];
  for (;;) {
    const before = pos;
    skip();
    if (text.startsWith('}}', pos)) break;
    // Tokens need space between them ("{{a"b"}}" is Handlebars' to judge).
    if (pos === before) return undefined;
    SEGMENT.lastIndex = pos;
    const key = SEGMENT.exec(text);
    if (key && text[pos + key[0].length] === '=') {
      const value = literalOrPath(text, pos + key[0].length + 1, span);
      if (!value) return undefined;
      pairs.push({ type: 'HashPair', key: key[0], value: value.node, loc: span(pos, value.end) } as hbs.AST.HashPair);
      pos = value.end;
      continue;
    }
    // A parameter after the hash is a parse error: Handlebars says so.
    if (pairs.length > 0) return undefined;
    const param = literalOrPath(text, pos, span);
    if (!param) return undefined;
    params.push(param.node);
    pos = param.end;
  }
  // `}}}` closes a triple stash Handlebars would have opened.
  if (text[pos + 2] === '}') return undefined;
  const end = pos + 2;
  const hash = pairs.length > 0 ? ({ type: 'Hash', pairs, loc: { source: undefined, start: { ...pairs[0]!.loc.start }, end: { ...pairs[pairs.length - 1]!.loc.end } } } as unknown as hbs.AST.Hash) : undefined;
  const node = { type: 'MustacheStatement', path: head.node, params, hash, escaped: true, strip: { open: false, close: false }, loc: span(open, end) };
  return { node: node as unknown as hbs.AST.MustacheStatement, end };
}

/** `a` or `a.b.c`: each segment a word, `.` between, followed by space or the close. */
function path(text: string, from: number, span: (from: number, to: number) => Loc): { node: hbs.AST.PathExpression; end: number } | undefined {
  const parts: string[] = [];
  let pos = from;
  for (;;) {
    SEGMENT.lastIndex = pos;
    const m = SEGMENT.exec(text);
    if (!m || RESERVED.has(m[0])) return undefined;
    parts.push(m[0]);
    pos += m[0].length;
    if (text[pos] !== '.') break;
    pos++;
  }
  // What may follow a path in a plain mustache; anything else ("a/b", "a[0]", "a(", "a=") is Handlebars' to read.
  if (!/[\s}]/.test(text[pos] ?? '')) return undefined;
  const original = text.slice(from, pos);
  return { node: { type: 'PathExpression', data: false, depth: 0, parts, original, loc: span(from, pos) } as hbs.AST.PathExpression, end: pos };
}

function literalOrPath(text: string, from: number, span: (from: number, to: number) => Loc): { node: Expression; end: number } | undefined {
  const sticky = (re: RegExp) => {
    re.lastIndex = from;
    return re.exec(text);
  };
  const number = sticky(NUMBER);
  if (number) {
    const value = Number(number[0]);
    return { node: { type: 'NumberLiteral', value, original: value, loc: span(from, from + number[0].length) } as hbs.AST.NumberLiteral, end: from + number[0].length };
  }
  const string = sticky(STRING);
  if (string) return { node: { type: 'StringLiteral', value: string[1]!, original: string[1]!, loc: span(from, from + string[0].length) } as hbs.AST.StringLiteral, end: from + string[0].length };
  const boolean = sticky(BOOLEAN);
  if (boolean) {
    const value = boolean[0] === 'true';
    return { node: { type: 'BooleanLiteral', value, original: value, loc: span(from, from + boolean[0].length) } as hbs.AST.BooleanLiteral, end: from + boolean[0].length };
  }
  // "-1a", "12x": not a number to the lexer, and not a plain path either.
  if (/[-0-9"']/.test(text[from] ?? '')) return undefined;
  return path(text, from, span);
}

/** Where each line starts, with the breaks Handlebars' lexer counts: \r\n, \r and \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

import Handlebars from 'handlebars';
import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { precompiledBuiltins } from '../io/builtins-host.js';
import type { Catalog } from '../model.js';
import { LineIndex } from '../source/line-index.js';
import { unclosedBlock } from '../source/mustache.js';
import { OffsetMap, type Substitution } from '../source/offset-map.js';
import { checkTemplatePaths } from './check-paths.js';
import { fillDirectly, plainTemplate, type DirectFill } from './evaluate.js';
import { parsePlain } from './plain-parse.js';
import { createHelpers, HelperError, HELPER_NAMES, BUILTIN_HELPERS, templateHelperError, type HelperLoc } from './helpers.js';

export { templateHelperError } from './helpers.js';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** A rendered chapter may not grow past this (an {{#each}} over a huge list must not fill the disk). */
export const MAX_TEMPLATE_OUTPUT = 5_000_000;
/**
 * "{{" a template may hold, counted before it is parsed: each costs about 18 KB and 0.15 ms to
 * parse, check, fill and map (50,000 took 7.7 s and 930 MB); a chapter cites a few hundred figures.
 */
export const MAX_TEMPLATE_EXPRESSIONS = 10_000;
/** Iterations of {{#each}} one template may run: a nested loop over a big list must stop, not fill memory. */
export const MAX_EACH_ITERATIONS = 100_000;

const knownHelpers = Object.fromEntries([...HELPER_NAMES, ...BUILTIN_HELPERS].map((h) => [h, true]));

export const templateSyntax = defineDiagnostic({
  id: 'template-syntax',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('章节或模板中的“{{ }}”写法不对，或有未闭合的块。', 'Malformed "{{ }}" or an unclosed block in a chapter or template.'),
  why: loc('模板读不懂，就无法填入数据。', 'A template that cannot be parsed cannot be filled.'),
  fix: loc('每个 {{#if}}、{{#each}} 都要有 {{/if}}、{{/each}}；字面的“{{”写作 \\{{。', 'Close every {{#if}} / {{#each}} with {{/if}} / {{/each}}; write \\{{ for a literal "{{".'),
  example: { bad: '{{#if disputes.received}}受理{{disputes.received}}件\n', good: '{{#if disputes.received}}受理{{disputes.received}}件{{/if}}\n' },
}, {
  unclosed: {
    message: loc('模板语法错误：有未闭合的“{{#…}}”块或“{{”。', 'Template syntax error: an unclosed "{{#…}}" block or "{{".'),
    hint: loc('每个 {{#if …}} / {{#each …}} 都要有对应的 {{/if}} / {{/each}}；正文中要写字面的“{{”请用 \\{{。', 'Every {{#if …}} / {{#each …}} needs its {{/if}} / {{/each}}; write \\{{ for a literal "{{".'),
  },
  unclosedBlock: {
    message: (d: { opener: string; name: string }) => loc(`模板语法错误：“${d.opener}”没有对应的“{{/${d.name}}}”。`, `Template syntax error: "${d.opener}" has no matching "{{/${d.name}}}".`),
    hint: (d: { name: string }) => loc(`在这一块结束的地方写上 {{/${d.name}}}；正文中要写字面的“{{”请用 \\{{。`, `Write {{/${d.name}}} where this block ends; write \\{{ for a literal "{{".`),
  },
  unclosedBraces: {
    message: loc('模板语法错误：这里的“{{”没有对应的“}}”。', 'Template syntax error: this "{{" has no matching "}}".'),
    hint: loc('补上“}}”；正文中要写字面的“{{”请用 \\{{。', 'Add the "}}"; write \\{{ for a literal "{{".'),
  },
  malformed: {
    message: loc('模板语法错误：“{{ }}”的写法不对。', 'Template syntax error: malformed "{{ }}".'),
    hint: loc('每个 {{#if …}} / {{#each …}} 都要有对应的 {{/if}} / {{/each}}；正文中要写字面的“{{”请用 \\{{。', 'Every {{#if …}} / {{#each …}} needs its {{/if}} / {{/each}}; write \\{{ for a literal "{{".'),
  },
});

export const templateTooLarge = defineDiagnostic({
  id: 'template-too-large',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc(`模板展开后超过 ${MAX_TEMPLATE_OUTPUT} 字符，或模板里的“{{…}}”超过 ${MAX_TEMPLATE_EXPRESSIONS} 个。`, `A filled template exceeds ${MAX_TEMPLATE_OUTPUT} characters, or a template holds more than ${MAX_TEMPLATE_EXPRESSIONS} "{{…}}".`),
  why: loc('失控的 {{#each}} 不能把磁盘写满；成千上万个“{{…}}”不能拖垮编译。', 'A runaway {{#each}} must not fill the disk, nor tens of thousands of "{{…}}" bring the compiler down.'),
  fix: loc('检查 {{#each}} 遍历的数据。', 'Check the data an {{#each}} walks over.'),
}, {
  tooLarge: {
    message: loc(`模板展开后超过 ${MAX_TEMPLATE_OUTPUT} 字符，已停止。`, `The filled template exceeds ${MAX_TEMPLATE_OUTPUT} characters; stopped.`),
  },
  tooManyExpressions: {
    message: loc(`“{{…}}”超过 ${MAX_TEMPLATE_EXPRESSIONS} 个（到这一行为止），没有填写。`, `More than ${MAX_TEMPLATE_EXPRESSIONS} "{{…}}" (up to this line); not filled.`),
    hint: loc('一章引用的数据通常只有几百处：检查是不是粘贴重复了，或把内容拆到几个章节文件里。', 'A chapter cites a few hundred figures at most: check for pasted repeats, or split the content over several chapter files.'),
  },
});

/** The line where a text's "{{" pass MAX_TEMPLATE_EXPRESSIONS, or undefined when they do not. */
function expressionsOverLimit(text: string): number | undefined {
  let count = 0;
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (++count > MAX_TEMPLATE_EXPRESSIONS) {
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
      return line;
    }
  }
  return undefined;
}

export const templateError = defineDiagnostic({
  id: 'template-error',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('填写模板时出错。', 'Filling a template failed.'),
  why: loc('出错的章节不能半成品地输出。', 'A chapter that failed must not be output half-filled.'),
  fix: loc('按消息改正模板。', 'Correct the template as the message says.'),
}, {
  failed: { message: (d: { reason: string }) => loc(`填写模板时出错（${d.reason}）。`, `Filling the template failed (${d.reason}).`), hint: loc('请检查这一处的 {{…}} 写法；若写法无误，请报告这个问题。', 'Check the {{…}} here; if it is right, please report this.') },
  climb: {
    message: (d: { written: string }) => loc(`“${d.written}”用“../”跨过了几层 {{#each}}，填写时找不到它指的数据。`, `"${d.written}" climbs several {{#each}} levels with "../" and finds nothing there when filled.`),
    hint: loc('Handlebars 在相邻两层的当前值相同时只算一层；请改用 @root. 开头的完整路径，如 @root.disputes。', 'Handlebars counts two nested levels as one when their current values are equal; use a full path from @root instead, e.g. @root.disputes.'),
  },
});

export interface TemplateResult {
  text?: string;
  /**
   * Where each character of `text` came from in the template, for diagnostics about the filled
   * text: made on demand (filling once more with markers), as only a text with findings needs it.
   */
  map?: () => OffsetMap | undefined;
  /**
   * For a template of text and `{{…}}` alone (no blocks, partials, comments or `~`), each
   * expression's source span and its output, in order; the text between them is copied as written.
   * Compiling reuses the source's Markdown tree with it (src/markdown/substitute.ts).
   */
  substitutions?: readonly Substitution[];
  diagnostics: Diagnostic[];
}

/** Compiled templates by their text, owned by a session: a batch or a preview compiles each text once. */
export class TemplateCache extends Map<string, Compiled> {}

export type CompiledTemplates = TemplateCache;

/**
 * Fills one template (a chapter's Markdown or a report-level .hbs) with the report data.
 * Paths are checked statically first, so a misspelt figure is an error with its line and a
 * suggestion, never a silent blank. Prototype access stays blocked (Handlebars' default).
 */
export function renderTemplate(text: string, file: string, data: unknown, catalog: Catalog, cache: CompiledTemplates = new TemplateCache()): TemplateResult {
  const over = expressionsOverLimit(text);
  if (over !== undefined) return { diagnostics: [templateTooLarge.at({ file, line: over, column: 1 }, 'tooManyExpressions')] };
  const entry = cachedTemplate(text, cache);
  if (entry instanceof Error) return { diagnostics: [parseErrorDiagnostic(entry, file, text)] };
  const diagnostics = checkTemplatePaths(entry.ast, data, { file });
  if (diagnostics.length > 0) return { diagnostics };

  const helpers = createHelpers(catalog);
  const fill = (template: HandlebarsTemplateDelegate) => template(data, { helpers: { ...helpers, each: budgetedEach() } });
  try {
    // A plain template is filled from its tree without compiling it (fillDirectly), and then also
    // says what each expression printed: the substitutions compile.ts rebuilds the Markdown tree from.
    entry.plain ??= plainTemplate(entry.ast);
    const direct = entry.plain ? fillDirectly(entry.ast, data, helpers) : undefined;
    if (direct) entry.layout ??= isFlat(entry.ast) ? flatLayout(entry.ast, text) : null;
    // Compiling only marks the paths inside blocks strict, which neither the path checks nor check's reading of expressions look at.
    if (!direct) entry.fn ??= Handlebars.compile(entry.ast, COMPILE_OPTIONS);
    const out = direct ? direct.text : fill(entry.fn!);
    if (out.length > MAX_TEMPLATE_OUTPUT) return { diagnostics: [templateTooLarge.at({ file, line: 1, column: 1 }, 'tooLarge')] };
    const map = () => {
      // A marker in the template or in a figure would be taken for one of the fill's own (a lone one made unmark loop forever).
      if (text.includes(MARK) || text.includes(END) || out.includes(MARK) || out.includes(END)) return undefined;
      if (direct) return directMap(entry.ast, direct.starts, new LineIndex(text));
      const marked = Handlebars.parse(text);
      const starts = instrument(marked, new LineIndex(text));
      return unmark(fill(Handlebars.compile(marked, COMPILE_OPTIONS)), starts).map;
    };
    const substitutions = direct && entry.layout ? directSubstitutions(entry.layout, direct) : undefined;
    return { text: out, map, ...(substitutions ? { substitutions } : {}), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [runtimeErrorDiagnostic(error, file, entry.ast)] };
  }
}

/**
 * A template's parse tree as Handlebars parsed it (for the path checks, and for check, which reads
 * the expressions of a chapter without filling it), kept in the session's cache by text.
 */
export function templateTree(text: string, cache: CompiledTemplates): hbs.AST.Program | undefined {
  if (expressionsOverLimit(text) !== undefined) return undefined;
  const entry = cachedTemplate(text, cache);
  return entry instanceof Error ? undefined : entry.ast;
}

function cachedTemplate(text: string, cache: CompiledTemplates): Compiled | Error {
  let entry = cache.get(text);
  if (!entry) {
    try {
      // lawreport's own templates come parsed and compiled from the build; most chapters are plain,
      // read in one pass; the rest, and every error, by Handlebars.
      const built = precompiledBuiltins()?.templates.get(text);
      entry = built
        ? { ast: built.ast as hbs.AST.Program, fn: Handlebars.template(built.spec as TemplateSpecification) }
        : { ast: parsePlain(text) ?? Handlebars.parse(text) };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    if (cache.size >= MAX_COMPILED) cache.delete(cache.keys().next().value!);
    cache.set(text, entry);
  }
  return entry;
}

// trackIds (missing from the typings) gives helpers the paths of their arguments: `fig` finds units by them.
export const COMPILE_OPTIONS = { strict: true, noEscape: true, trackIds: true, knownHelpers, knownHelpersOnly: true } as CompileOptions;

/** Compiled templates kept per cache, oldest dropped first past this many (the preview compiles each edit). */
const MAX_COMPILED = 256;

interface Compiled {
  /** As parsed (compiling adds \`strict\` to paths in blocks, nothing else). */
  ast: hbs.AST.Program;
  /** Handlebars turns a template into JavaScript on its first fill, the dearest step of filling it: once per text per session. */
  fn?: HandlebarsTemplateDelegate;
  /** Whether the template is one fillDirectly fills without compiling it. */
  plain?: boolean;
  /** A flat template's statements against its source, for a plain one's substitutions (null when it is not flat). */
  layout?: FlatLayout | null;
}

/** Per statement of a flat template: its source span when it is an expression, undefined for text. */
interface FlatLayout {
  spans: ({ from: number; to: number } | undefined)[];
  /** Whether the text statements are the source as written between the expressions (no `\\{{`, no `~`). */
  tiled: boolean;
}

/** Only text and plain expressions at the top: the filled text is each statement's output in turn. */
function isFlat(ast: hbs.AST.Program): boolean {
  return ast.body.every((s) => s.type === 'ContentStatement' || s.type === 'MustacheStatement');
}

function flatLayout(ast: hbs.AST.Program, text: string): FlatLayout {
  const lines = new LineIndex(text);
  const offset = (p: hbs.AST.Position) => lines.offset(p.line, p.column + 1);
  let at = 0;
  let tiled = true;
  const spans = ast.body.map((statement) => {
    const from = offset(statement.loc.start);
    const to = offset(statement.loc.end);
    if (from !== at || to < from) tiled = false;
    at = to;
    if (statement.type !== 'MustacheStatement') {
      if ((statement as hbs.AST.ContentStatement).value !== text.slice(from, to)) tiled = false;
      return undefined;
    }
    const strip = (statement as hbs.AST.MustacheStatement).strip;
    if (strip.open || strip.close) tiled = false;
    return { from, to };
  });
  if (at !== text.length) tiled = false;
  return { spans, tiled };
}

/**
 * A directly filled flat template's expressions with what each printed. Undefined unless its text
 * is its statements' outputs end to end (Handlebars adds the first two terms when both are numbers:
 * {{a}}{{b}} prints 5 + 6 as "11", and then no piece is any one expression's).
 */
function directSubstitutions(layout: FlatLayout, direct: DirectFill): Substitution[] | undefined {
  if (!layout.tiled || direct.pieces.join('') !== direct.text) return undefined;
  const substitutions: Substitution[] = [];
  layout.spans.forEach((span, i) => {
    if (span) substitutions.push({ ...span, text: direct.pieces[i]! });
  });
  return substitutions;
}

// Noncharacters: never in a report's text (a template or a filled text holding one has no map).
const MARK = '\uFDD0';
const END = '\uFDD1';

/**
 * Puts a marker before every statement of the template, naming where its output starts in the
 * source: after filling, the markers say where each piece of the text came from. Handlebars has no
 * source maps; this is one, linear in the template and its output.
 */
function instrument(ast: hbs.AST.Program, lines: LineIndex): { src: number; exact: boolean }[] {
  const starts: { src: number; exact: boolean }[] = [];
  const visit = (program: hbs.AST.Program | undefined) => {
    if (!program) return;
    const body: hbs.AST.Statement[] = [];
    for (const statement of program.body) {
      if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        visit(block.program);
        visit(block.inverse);
      }
      const marker = `${MARK}${starts.length}${END}`;
      starts.push(sourceStart(statement, lines));
      body.push({ type: 'ContentStatement', value: marker, original: marker, loc: statement.loc } as unknown as hbs.AST.ContentStatement, statement);
    }
    program.body = body;
  };
  visit(ast);
  return starts;
}

/** Where a statement's output starts in the template: text maps one to one from there, an expression's output to its start. */
function sourceStart(statement: hbs.AST.Statement, lines: LineIndex): { src: number; exact: boolean } {
  const src = lines.offset(statement.loc.start.line, statement.loc.start.column + 1);
  if (statement.type !== 'ContentStatement') return { src, exact: false };
  const content = statement as hbs.AST.ContentStatement;
  // Whitespace control cut the start of `original`; what is left begins that much later.
  const cut = (content.original as unknown as string).indexOf(content.value);
  return { src: src + Math.max(0, cut), exact: true };
}

/** The map the marked fill would spell out, from a direct fill's output lengths before each statement (a plain template has no blocks). */
function directMap(ast: hbs.AST.Program, outs: readonly number[], lines: LineIndex): OffsetMap {
  const map = new OffsetMap();
  ast.body.forEach((statement, i) => {
    const { src, exact } = sourceStart(statement, lines);
    map.add(outs[i]!, src, exact);
  });
  return map;
}

/** The filled text without its markers, and the map they spell out. */
function unmark(out: string, starts: readonly { src: number; exact: boolean }[]): { text: string; map: OffsetMap } {
  const map = new OffsetMap();
  let text = '';
  let from = 0;
  for (let at = out.indexOf(MARK); at >= 0; at = out.indexOf(MARK, from)) {
    const end = out.indexOf(END, at);
    const start = starts[Number(out.slice(at + 1, end))];
    text += out.slice(from, at);
    from = end + 1;
    if (start) map.add(text.length, start.src, start.exact);
  }
  text += out.slice(from);
  return { text, map };
}

type BlockOptions = { fn: (context: unknown, options?: unknown) => string; loc?: HelperLoc } & Record<string, unknown>;

/**
 * Handlebars' own `each`, counting iterations and output as it goes (the output cap alone
 * would only be checked after the whole string was built).
 */
function budgetedEach() {
  const original = Handlebars.helpers.each as (this: unknown, context: unknown, options: BlockOptions) => string;
  let iterations = 0;
  let chars = 0;
  return function each(this: unknown, context: unknown, options: BlockOptions) {
    // Handlebars runs no iteration over a number or a string, and says nothing: a silent blank.
    if (typeof context === 'number' || typeof context === 'string' || context === true) {
      const shown = String(context).slice(0, 40);
      throw new HelperError(
        loc(`{{#each}} 只能用于一组数据（如 {{#each disputes}}）；这里给的是“${shown}”，一次也不会运行。`, `{{#each}} takes a group of data (like {{#each disputes}}); "${shown}" here would run it not once.`),
        options.loc,
      );
    }
    const fn = options.fn;
    const counted = (ctx: unknown, o?: unknown) => {
      if (++iterations > MAX_EACH_ITERATIONS) {
        throw new HelperError(
          loc(`{{#each}} 一共运行了超过 ${MAX_EACH_ITERATIONS} 次，已停止：多半是一个循环套着另一个循环。`, `{{#each}} ran more than ${MAX_EACH_ITERATIONS} times in all; stopped: usually one loop inside another.`),
          options.loc,
        );
      }
      const out = fn(ctx, o);
      chars += out.length;
      if (chars > MAX_TEMPLATE_OUTPUT) {
        throw new HelperError(loc(`{{#each}} 展开后超过 ${MAX_TEMPLATE_OUTPUT} 字符，已停止。`, `{{#each}} produced more than ${MAX_TEMPLATE_OUTPUT} characters; stopped.`), options.loc);
      }
      return out;
    };
    return original.call(this, context, { ...options, fn: counted });
  };
}

function parseErrorDiagnostic(error: unknown, file: string, text: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const expecting = /Expecting (.*), got '([^']+)'/.exec(message);
  const column = (text.split('\n')[line - 1]?.indexOf('{{') ?? 0) + 1;
  const unclosed = expecting && expecting[2] === 'EOF';
  // Handlebars says where the file ended; the writer needs the "{{#…}}" (or "{{") that was left open.
  const opener = unclosed ? unclosedBlock(text) : undefined;
  if (opener) {
    const at = { file, ...new LineIndex(text).position(opener.start) };
    return opener.name ? templateSyntax.at(at, 'unclosedBlock', { opener: opener.source.length > 40 ? `${opener.source.slice(0, 39)}…` : opener.source, name: opener.name }) : templateSyntax.at(at, 'unclosedBraces');
  }
  return templateSyntax.at({ file, line, column: Math.max(1, column) }, unclosed ? 'unclosed' : 'malformed');
}

function runtimeErrorDiagnostic(error: unknown, file: string, ast: hbs.AST.Program): Diagnostic {
  // Handlebars counts "../" by contexts that differ: inside {{#each}} over numbers two equal
  // neighbours are one level, so a path the checks found may reach past the top when filled.
  const climb = error instanceof TypeError ? deepestClimb(ast) : undefined;
  if (climb) return templateError.at({ file, line: climb.loc.start.line, column: climb.loc.start.column + 1 }, 'climb', { written: climb.original });
  if (error instanceof HelperError) {
    const start = error.loc?.start;
    return templateHelperError.at({ file, line: start?.line ?? 1, column: (start?.column ?? 0) + 1 }, 'failed', { text: error.text });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars appends " - line:column" to strict-mode errors.
  const at = / - (\d+):(\d+)$/.exec(message);
  const where = { file, line: at ? Number(at[1]) : 1, column: at ? Number(at[2]) + 1 : 1 };
  return templateError.at(where, 'failed', { reason: message });
}

/** The path of a template that climbs furthest with "../" (two levels or more), where a failed fill most likely broke. */
function deepestClimb(ast: hbs.AST.Program): hbs.AST.PathExpression | undefined {
  let deepest: hbs.AST.PathExpression | undefined;
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; depth?: number };
    if (n.type === 'PathExpression' && (n.depth ?? 0) >= 2 && (!deepest || n.depth! > deepest.depth)) deepest = node as hbs.AST.PathExpression;
    for (const value of Object.values(node)) if (value && typeof value === 'object' && value !== node) visit(value);
  };
  visit(ast);
  return deepest;
}

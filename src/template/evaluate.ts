import Handlebars from 'handlebars';
import type { Catalog } from '../model.js';
import { createHelpers, HELPER_NAMES, HELPER_SIGNATURES, BUILTIN_HELPERS } from './helpers.js';

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;
type Helpers = ReturnType<typeof createHelpers>;

/**
 * Filling a template without compiling it. Handlebars turns each template text into JavaScript
 * (`new Function`) before its first fill, which costs more than the fill itself, and a chapter's
 * text is seldom filled twice (every town writes its own). A template that holds only text,
 * comments and `{{path}}` or `{{helper arg…}}` with plain paths and literals is evaluated here from
 * its parse tree, doing what the compiled template does with the project's options (strict,
 * noEscape, trackIds, knownHelpersOnly), step for step; anything else, and anything that fails or
 * meets a value it does not expect, is declined (undefined) and the caller compiles as before,
 * so every message still comes from Handlebars.
 */

/** Thrown to decline; never leaves this module. */
const DECLINE = Symbol('decline');

const KNOWN_HELPERS = new Set<string>([...HELPER_NAMES, ...BUILTIN_HELPERS]);
const OWN_HELPERS = new Set<string>(HELPER_NAMES);

/** What Handlebars' AST helper `scopedId` calls scoped: `this.x`, `./x`. */
const scoped = (path: Path) => /^\.|this\b/.test(path.original);

/** A path this evaluator resolves as Handlebars does: from the top context, no `@data`, no `../`, not `this` alone. */
function plainPath(node: Node): node is Path {
  if (node.type !== 'PathExpression') return false;
  const path = node as Path;
  return !path.data && path.depth === 0 && path.parts.length > 0;
}

function plainArgument(node: Node): boolean {
  switch (node.type) {
    case 'PathExpression':
      return plainPath(node);
    case 'StringLiteral':
    case 'BooleanLiteral':
      return true;
    case 'NumberLiteral':
      // The compiled template writes the number into its source: -0 would come back as 0.
      return !Object.is((node as hbs.AST.NumberLiteral).value, -0);
    default:
      return false;
  }
}

/** `{{…}}` as Handlebars' compiler classifies it: a call of a known helper, or a lookup. */
function helperCalled(m: hbs.AST.MustacheStatement): string | undefined {
  const path = m.path as Path;
  if (m.params.length > 0 || m.hash) return path.parts[0];
  const simple = path.parts.length === 1 && !scoped(path) && !path.depth;
  return simple && KNOWN_HELPERS.has(path.parts[0]!) ? path.parts[0] : undefined;
}

/** Whether this evaluator yields the value of a `{{…}}` as the compiled template does (the data permitting). */
function plainExpression(m: hbs.AST.MustacheStatement): boolean {
  if (!plainPath(m.path)) return false;
  const helper = helperCalled(m);
  if (helper === undefined) return true;
  const path = m.path as Path;
  if (!OWN_HELPERS.has(helper) || path.parts.length !== 1 || scoped(path) || !m.params.every(plainArgument)) return false;
  const pairs = m.hash?.pairs ?? [];
  const keys = new Set(pairs.map((p) => p.key));
  const allowed = HELPER_SIGNATURES[helper]!.hash ?? {};
  return keys.size === pairs.length && pairs.every((p) => Object.hasOwn(allowed, p.key) && plainArgument(p.value));
}

/** Whether every statement of the template is one this evaluator fills (no blocks, partials, `~`, `{{{ }}}`…). */
export function plainTemplate(ast: hbs.AST.Program): boolean {
  return ast.body.every((s) => {
    switch (s.type) {
      case 'ContentStatement':
        return true;
      case 'CommentStatement':
        return !(s as hbs.AST.CommentStatement).strip?.open && !(s as hbs.AST.CommentStatement).strip?.close;
      case 'MustacheStatement': {
        // `~` changes the text around it and `{{{ }}}` the escaping: both left to Handlebars (noEscape makes them print alike today).
        const m = s as hbs.AST.MustacheStatement;
        return m.escaped && !m.strip.open && !m.strip.close && plainExpression(m);
      }
      default:
        return false;
    }
  });
}

/** Handlebars' runtime `lookupProperty`, for the values it lets through unchecked: own properties (and nulls); else decline. */
function lookup(parent: unknown, name: string): unknown {
  if (parent === null || parent === undefined) throw DECLINE;
  const result = (parent as Record<string, unknown>)[name];
  if (result === null || result === undefined) return result;
  if (name !== 'constructor' && Object.hasOwn(parent as object, name)) return result;
  throw DECLINE;
}

/** A path's value: every part looked up, the last one, for a `{{path}}` of its own, as `container.strict` does (it throws where the name is not there). */
function resolve(data: unknown, path: Path, strict: boolean): unknown {
  const parts = path.parts;
  let node = data;
  for (let i = 0; i < parts.length - 1; i++) node = lookup(node, parts[i]!);
  const last = parts[parts.length - 1]!;
  if (strict && (!node || (typeof node !== 'object' && typeof node !== 'function') || !(last in (node as object)))) throw DECLINE;
  return lookup(node, last);
}

/** The values a fill prints as they are: anything else (objects, functions) is declined. */
function printable(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw DECLINE;
}

function argument(node: Node, data: unknown): unknown {
  if (node.type === 'PathExpression') return printable(resolve(data, node as Path, false));
  return (node as hbs.AST.StringLiteral | hbs.AST.NumberLiteral | hbs.AST.BooleanLiteral).value;
}

/** The path an argument was written as, as `trackIds` hands it to a helper (`fig` finds units by it); null for a literal. */
function argumentId(node: Node): string | null {
  if (node.type !== 'PathExpression') return null;
  return (node as Path).original.replace(/^this(?:\.|$)/, '').replace(/^\.\//, '').replace(/^\.$/, '');
}

/** What a plain `{{…}}` yields before printing (undefined and null print as nothing); throws DECLINE. */
function mustacheValue(m: hbs.AST.MustacheStatement, data: unknown, helpers: Helpers): unknown {
  const name = helperCalled(m);
  if (name === undefined) return printable(resolve(data, m.path as Path, true));
  const hash: Record<string, unknown> = {};
  for (const pair of m.hash?.pairs ?? []) hash[pair.key] = argument(pair.value, data);
  const args = m.params.map((p) => argument(p, data));
  try {
    return printable(helpers[name]!(...args, { name, hash, ids: m.params.map(argumentId), loc: m.loc }));
  } catch {
    // Its complaint, at its place, comes from Handlebars' own fill.
    throw DECLINE;
  }
}

export interface DirectFill {
  /** What the compiled template returns: its terms joined with `+`, so the first two add up when both are numbers (`{{a}}{{b}}` prints 5 + 6 as "11", as Handlebars does). */
  text: string;
  /** Per statement of the template, the length of the output before it, every term printed as a string: what the marked fill for the offset map counts. */
  starts: number[];
  /** Per statement, what it printed as a string ('' for a comment). */
  pieces: string[];
}

/**
 * Fills a plain template (plainTemplate) with the data and helpers as the compiled template would,
 * or undefined where it declines.
 */
export function fillDirectly(ast: hbs.AST.Program, data: unknown, helpers: Helpers): DirectFill | undefined {
  const starts: number[] = [];
  const pieces: string[] = [];
  let text: unknown = '';
  let terms = 0;
  let length = 0;
  try {
    for (const s of ast.body) {
      starts.push(length);
      pieces.push('');
      let term: unknown;
      if (s.type === 'ContentStatement') {
        term = (s as hbs.AST.ContentStatement).value;
        if (term === '') continue;
      } else if (s.type === 'MustacheStatement') {
        term = mustacheValue(s as hbs.AST.MustacheStatement, data, helpers) ?? '';
      } else {
        continue;
      }
      text = terms++ === 0 ? term : (text as string) + (term as string);
      pieces[pieces.length - 1] = String(term);
      length += String(term).length;
    }
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
  // The runtime returns '' + what the template's code returns.
  return { text: `${text as string}`, starts, pieces };
}

/**
 * What one `{{…}}` prints, evaluated the way filling the template does (the same data, the same
 * helpers), without compiling a template: for checks that read the prose as the reader will.
 * Undefined for anything but a plain value or helper call (blocks, comments), an unknown path or
 * a helper that fails: the caller then treats the expression as unknown text.
 */
export function evaluateExpression(source: string, data: unknown, catalog: Catalog, helpers = createHelpers(catalog)): string | undefined {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return undefined;
  }
  const statement = ast.body.length === 1 ? ast.body[0] : undefined;
  return statement?.type === 'MustacheStatement' ? evaluateStatement(statement as hbs.AST.MustacheStatement, data, helpers) : undefined;
}

/** The same for an expression of a template already parsed (a chapter's, from the session's cache); paths from the top of the data. */
export function evaluateStatement(m: hbs.AST.MustacheStatement, data: unknown, helpers: Helpers): string | undefined {
  if (!plainExpression(m)) return undefined;
  try {
    const v = mustacheValue(m, data, helpers);
    return typeof v === 'number' || typeof v === 'string' ? String(v) : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

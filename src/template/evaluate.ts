import Handlebars from 'handlebars';
import type { Catalog } from '../model.js';
import { createHelpers } from './helpers.js';

type Node = hbs.AST.Node;

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

/** The same for an expression of a template already parsed (a chapter's, from the session's cache). */
export function evaluateStatement(m: hbs.AST.MustacheStatement, data: unknown, helpers: ReturnType<typeof createHelpers>): string | undefined {
  if (m.path.type !== 'PathExpression') return undefined;
  const path = m.path as hbs.AST.PathExpression;
  const helper = path.parts.length === 1 && !path.data ? helpers[path.parts[0]!] : undefined;
  const value = (node: Node): unknown => {
    switch (node.type) {
      case 'PathExpression':
        return resolve(data, node as hbs.AST.PathExpression);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return (node as hbs.AST.StringLiteral).value;
      default:
        return undefined;
    }
  };
  try {
    if (!helper) {
      if (m.params.length > 0) return undefined;
      const v = resolve(data, path);
      return typeof v === 'number' || typeof v === 'string' ? String(v) : undefined;
    }
    const args = m.params.map(value);
    if (args.some((a) => a === undefined)) return undefined;
    const hash = Object.fromEntries((m.hash?.pairs ?? []).map((p) => [p.key, value(p.value)]));
    // What Handlebars' trackIds hands a helper: the paths its arguments were written as (fig finds units by them).
    const ids = m.params.map((p) => (p.type === 'PathExpression' ? (p as hbs.AST.PathExpression).parts.join('.') : undefined));
    return String(helper(...args, { hash, ids, name: path.parts[0] }));
  } catch {
    return undefined;
  }
}

/** A path in the data, own properties only (as the compiled template sees it, prototypes blocked). */
function resolve(data: unknown, path: hbs.AST.PathExpression): unknown {
  if (path.data || path.depth > 0) return undefined;
  let node = data;
  for (const part of path.parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

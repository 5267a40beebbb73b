import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { nearest } from '../diagnostics/suggest.js';
import { BUILTIN_HELPERS, HELPER_NAMES } from './helpers.js';

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

const HELPERS = new Set<string>([...HELPER_NAMES, ...BUILTIN_HELPERS]);
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const DATA_VARIABLES = new Set(['index', 'key', 'first', 'last']);
/** A scope whose shape is unknown (inside #each over an empty list): paths in it are not checked. */
const UNKNOWN = Symbol('unknown');

export interface PathCheckOptions {
  file: string;
  /** Added to Handlebars' 1-based lines (for templates embedded in a larger file). */
  lineOffset?: number;
}

/**
 * Checks every path in a template against the data it will be rendered with, before rendering:
 * Handlebars' strict mode misses paths inside helper arguments, #if and #each.
 */
export function checkTemplatePaths(template: hbs.AST.Program, root: unknown, options: PathCheckOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node) => ({
    file: options.file,
    line: node.loc.start.line + (options.lineOffset ?? 0),
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line + (options.lineOffset ?? 0),
    endColumn: node.loc.end.column + 1,
  });

  const resolve = (path: Path, scopes: unknown[]): unknown => {
    let base: unknown;
    let parts = path.parts;
    if (path.data) {
      if (parts[0] === 'root') {
        base = root;
        parts = parts.slice(1);
      } else if (parts.length === 1 && DATA_VARIABLES.has(parts[0]!)) {
        return UNKNOWN;
      } else {
        diagnostics.push(diag('template-unknown-path', 'error', at(path), loc(
          `未知的模板变量“${path.original}”。`, `Unknown template variable "${path.original}".`,
        ), { hint: loc('可用的 @ 变量：@index、@key、@first、@last、@root。', 'Available @ variables: @index, @key, @first, @last, @root.') }));
        return UNKNOWN;
      }
    } else {
      if (path.depth >= scopes.length) {
        diagnostics.push(diag('template-unknown-path', 'error', at(path), loc(
          `“${path.original}”中的“../”超出了最外层。`, `"../" in "${path.original}" goes above the top level.`)));
        return UNKNOWN;
      }
      base = scopes[scopes.length - 1 - path.depth];
    }
    let current = base;
    for (let i = 0; i < parts.length; i++) {
      if (current === UNKNOWN) return UNKNOWN;
      const part = parts[i]!;
      if (current !== null && typeof current === 'object' && Object.hasOwn(current, part)) {
        current = (current as Record<string, unknown>)[part];
        continue;
      }
      const written = path.original.replace(/^this\./, '');
      const candidates = collectPaths(base);
      const guess = nearest(written.replace(/^@root\./, '').replace(/^(\.\.\/)+/, ''), candidates);
      const prefix = parts.slice(0, i).join('.');
      const siblings = current !== null && typeof current === 'object' ? Object.keys(current) : [];
      diagnostics.push(diag('template-unknown-path', 'error', at(path), loc(
        `数据中没有“${written}”${prefix ? `（“${prefix}”下没有“${part}”）` : ''}。`,
        `No "${written}" in the data${prefix ? ` ("${prefix}" has no "${part}")` : ''}.`,
      ), {
        hint: guess
          ? loc(`是不是“${guess}”？`, `Did you mean "${guess}"?`)
          : siblings.length
            ? loc(`“${prefix || '顶层'}”下有：${siblings.slice(0, 12).join('、')}`, `"${prefix || 'top level'}" has: ${siblings.slice(0, 12).join(', ')}`)
            : loc('在 metrics.yaml 中补上这项数据，或改正引用。', 'Add the figure to metrics.yaml or correct the reference.'),
      }));
      return UNKNOWN;
    }
    return current;
  };

  const expression = (node: Node, scopes: unknown[]): unknown => {
    switch (node.type) {
      case 'PathExpression':
        return resolve(node as Path, scopes);
      case 'SubExpression': {
        const sub = node as hbs.AST.SubExpression;
        helperCall(sub.path, sub.params, sub.hash, scopes);
        return UNKNOWN;
      }
      default:
        return UNKNOWN; // literals
    }
  };

  const helperCall = (path: Path | hbs.AST.Literal, params: Node[], hash: hbs.AST.Hash | undefined, scopes: unknown[]) => {
    const p = path as Path;
    if (p.type !== 'PathExpression' || p.parts.length !== 1 || p.data || !HELPERS.has(p.parts[0]!)) {
      diagnostics.push(diag('template-unknown-helper', 'error', at(path), loc(
        `未知的模板函数“${p.original ?? String((path as { value?: unknown }).value)}”。`,
        `Unknown template helper "${p.original ?? String((path as { value?: unknown }).value)}".`,
      ), { hint: loc(`可用的函数：${HELPER_NAMES.join('、')}。`, `Available helpers: ${HELPER_NAMES.join(', ')}.`) }));
    }
    for (const param of params) expression(param, scopes);
    for (const pair of hash?.pairs ?? []) expression(pair.value, scopes);
  };

  const program = (prog: hbs.AST.Program | undefined, scopes: unknown[]) => {
    for (const statement of prog?.body ?? []) visit(statement, scopes);
  };

  const visit = (node: Node, scopes: unknown[]) => {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 ||
          (m.path.type === 'PathExpression' && (m.path as Path).parts.length === 1 && HELPERS.has((m.path as Path).parts[0]!) && !(m.path as Path).data);
        if (isCall) helperCall(m.path, m.params, m.hash, scopes);
        else if (m.path.type === 'PathExpression') {
          const value = resolve(m.path as Path, scopes);
          if (value !== UNKNOWN && value !== null && typeof value === 'object') {
            diagnostics.push(diag('template-not-a-value', 'error', at(m.path), loc(
              `“${(m.path as Path).original}”是一组数据，不是单个数值。`,
              `"${(m.path as Path).original}" is a group of figures, not a single value.`,
            ), { hint: loc(`写出其中一项，如 ${(m.path as Path).original}.${Object.keys(value)[0] ?? '…'}。`, `Name one of its figures, e.g. ${(m.path as Path).original}.${Object.keys(value)[0] ?? '…'}.`) }));
          }
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = b.path.parts.length === 1 ? b.path.parts[0]! : b.path.original;
        if (!BLOCK_HELPERS.has(name)) {
          diagnostics.push(diag('template-unknown-helper', 'error', at(b.path), loc(
            `“#${b.path.original}”不是可用的块函数。`, `"#${b.path.original}" is not an available block helper.`,
          ), { hint: loc('可用的块函数：#if、#unless、#each、#with。', 'Available block helpers: #if, #unless, #each, #with.') }));
          return;
        }
        const target = b.params[0] ? expression(b.params[0], scopes) : UNKNOWN;
        for (const param of b.params.slice(1)) expression(param, scopes);
        for (const pair of b.hash?.pairs ?? []) expression(pair.value, scopes);
        if (name === 'each') {
          program(b.program, [...scopes, elementShape(target)]);
          program(b.inverse, scopes);
        } else if (name === 'with') {
          program(b.program, [...scopes, target]);
          program(b.inverse, scopes);
        } else {
          program(b.program, scopes);
          program(b.inverse, scopes);
        }
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        diagnostics.push(diag('template-unsupported', 'error', at(node), loc(
          '报告模板不支持片段（partial）和装饰器。', 'Report templates do not support partials or decorators.')));
        return;
      default:
        return; // content, comments
    }
  };

  program(template, [root]);
  return diagnostics;
}

/** The shape of one element of what #each iterates: all keys any element has. */
function elementShape(value: unknown): unknown {
  if (value === UNKNOWN || value === null || typeof value !== 'object') return UNKNOWN;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (items.length === 0) return UNKNOWN;
  if (items.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
    return Object.assign({}, ...items);
  }
  return items[0];
}

/** Every dotted path in a value, for "did you mean". */
export function collectPaths(value: unknown, prefix = '', out: string[] = [], depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 8 || out.length > 5000) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    collectPaths(child, path, out, depth + 1);
  }
  return out;
}

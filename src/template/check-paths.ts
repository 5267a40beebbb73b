import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { nearest } from '../diagnostics/suggest.js';
import { BUILTIN_HELPERS, HELPER_NAMES, HELPER_SIGNATURES, helperText, templateHelperError } from './helpers.js';

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

const HELPERS = new Set<string>([...HELPER_NAMES, ...BUILTIN_HELPERS]);
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const DATA_VARIABLES = new Set(['index', 'key', 'first', 'last']);
/** A scope whose shape is unknown (inside #each over an empty list): paths in it are not checked. */
const UNKNOWN = Symbol('unknown');

export const templateUnknownPath = defineDiagnostic({
  id: 'template-unknown-path',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('引用了 metrics.yaml 中没有的数据。', 'A reference names a figure metrics.yaml does not have.'),
  why: loc('写错的数据名不能变成空白或“undefined”印进公文。', 'A misspelt figure must never print as a blank or "undefined" in an official document.'),
  fix: loc('按“是不是……”的建议改正引用，或在 metrics.yaml 中补上这项数据。', 'Correct the reference as suggested, or add the figure to metrics.yaml.'),
  example: { bad: '调解成功{{fig disputes.mediatd}}。\n', good: '调解成功{{fig disputes.mediated}}。\n' },
}, {
  dataVariable: {
    message: (d: { written: string }) => loc(`未知的模板变量“${d.written}”。`, `Unknown template variable "${d.written}".`),
    hint: loc('可用的 @ 变量：@index、@key、@first、@last、@root。', 'Available @ variables: @index, @key, @first, @last, @root.'),
  },
  aboveTop: { message: (d: { written: string }) => loc(`“${d.written}”中的“../”超出了最外层。`, `"../" in "${d.written}" goes above the top level.`) },
  missing: {
    message: (d: MissingPath) => loc(
      `数据中没有“${d.written}”${d.prefix ? `（“${d.prefix}”下没有“${d.part}”）` : ''}。`,
      `No "${d.written}" in the data${d.prefix ? ` ("${d.prefix}" has no "${d.part}")` : ''}.`,
    ),
    hint: (d: MissingPath) => d.guess
      ? loc(`是不是“${d.guess}”？`, `Did you mean "${d.guess}"?`)
      : d.siblings.length
        ? loc(`“${d.prefix || '顶层'}”下有：${d.siblings.slice(0, 12).join('、')}`, `"${d.prefix || 'top level'}" has: ${d.siblings.slice(0, 12).join(', ')}`)
        : loc('在 metrics.yaml 中补上这项数据，或改正引用。', 'Add the figure to metrics.yaml or correct the reference.'),
  },
});

interface MissingPath {
  written: string;
  prefix: string;
  part: string;
  guess?: string;
  siblings: string[];
}

export const templateUnknownHelper = defineDiagnostic({
  id: 'template-unknown-helper',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('用了不存在的模板函数。', 'An unknown template helper is used.'),
  why: loc(`只有 ${HELPER_NAMES.join('、')} 和 #if、#each 等可用。`, `Only ${HELPER_NAMES.join(', ')} and #if, #each and the like exist.`),
  fix: loc('改用可用的函数，例如 {{pct 部分 整体}}。', 'Use an available helper, e.g. {{pct part whole}}.'),
  example: { bad: '{{percent disputes.mediated disputes.received}}\n', good: '{{pct disputes.mediated disputes.received}}\n' },
}, {
  helper: {
    message: (d: { name: string }) => loc(`未知的模板函数“${d.name}”。`, `Unknown template helper "${d.name}".`),
    hint: loc(`可用的函数：${HELPER_NAMES.join('、')}。`, `Available helpers: ${HELPER_NAMES.join(', ')}.`),
  },
  block: {
    message: (d: { name: string }) => loc(`“#${d.name}”不是可用的块函数。`, `"#${d.name}" is not an available block helper.`),
    hint: loc('可用的块函数：#if、#unless、#each、#with。', 'Available block helpers: #if, #unless, #each, #with.'),
  },
});

export const templateNotAValue = defineDiagnostic({
  id: 'template-not-a-value',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('把一组数据当成单个数值引用。', 'A group of figures is referenced as if it were one value.'),
  why: loc('一组数据印出来是“[object Object]”。', 'A group would print as "[object Object]".'),
  fix: loc('写出其中一项，如 {{disputes.mediated}}。', 'Name one of its figures, e.g. {{disputes.mediated}}.'),
  example: { bad: '{{disputes}}\n', good: '{{disputes.mediated}}\n' },
}, {
  group: {
    message: (d: { written: string; first: string }) => loc(`“${d.written}”是一组数据，不是单个数值。`, `"${d.written}" is a group of figures, not a single value.`),
    hint: (d: { written: string; first: string }) => loc(`写出其中一项，如 ${d.written}.${d.first}。`, `Name one of its figures, e.g. ${d.written}.${d.first}.`),
  },
});

export const templateUnsupported = defineDiagnostic({
  id: 'template-unsupported',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('报告模板中用了片段（partial）或装饰器。', 'A partial or decorator is used in a report template.'),
  why: loc('报告正文只在本文件夹内取材，片段会引入看不见的内容。', 'Report text comes from this folder only; partials would bring in unseen content.'),
  fix: loc('把内容直接写进章节。', 'Write the content into the chapter itself.'),
}, {
  partial: { message: loc('报告模板不支持片段（partial）和装饰器。', 'Report templates do not support partials or decorators.') },
});

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

  // Block parameters in scope (`{{#each towns as |town i|}}`), innermost last: Handlebars looks an
  // unscoped path's first part up among them before the context.
  const bound: Map<string, unknown>[] = [];
  const blockParam = (path: Path): { value: unknown } | undefined => {
    if (path.data || path.depth > 0 || /^(this\b|\.)/.test(path.original)) return undefined;
    for (let i = bound.length - 1; i >= 0; i--) if (bound[i]!.has(path.parts[0]!)) return { value: bound[i]!.get(path.parts[0]!) };
    return undefined;
  };

  const resolve = (path: Path, scopes: unknown[]): unknown => {
    let base: unknown;
    let parts = path.parts;
    const param = blockParam(path);
    if (param) {
      base = param.value;
      parts = parts.slice(1);
    } else if (path.data) {
      if (parts[0] === 'root') {
        base = root;
        parts = parts.slice(1);
      } else if (parts.length === 1 && DATA_VARIABLES.has(parts[0]!)) {
        return UNKNOWN;
      } else {
        diagnostics.push(templateUnknownPath.at(at(path), 'dataVariable', { written: path.original }));
        return UNKNOWN;
      }
    } else {
      if (path.depth >= scopes.length) {
        diagnostics.push(templateUnknownPath.at(at(path), 'aboveTop', { written: path.original }));
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
      // Under a block parameter, names are said from it: "town" has no "nme", did you mean town.name?
      const lead = param ? path.parts[0]! : '';
      const candidates = collectPaths(base, lead);
      const guess = nearest(written.replace(/^@root\./, '').replace(/^(\.\.\/)+/, ''), candidates);
      const prefix = [lead, ...parts.slice(0, i)].filter(Boolean).join('.');
      const siblings = current !== null && typeof current === 'object' ? Object.keys(current) : [];
      diagnostics.push(templateUnknownPath.at(at(path), 'missing', { written, prefix, part, guess, siblings }));
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
        helperCall(sub, sub.path, sub.params, sub.hash, scopes);
        return UNKNOWN;
      }
      default:
        return UNKNOWN; // literals
    }
  };

  /** `call`: the whole {{…}} or (…), where a complaint about its arguments is reported. */
  const helperCall = (call: Node, path: Path | hbs.AST.Literal, params: Node[], hash: hbs.AST.Hash | undefined, scopes: unknown[]) => {
    const p = path as Path;
    if (p.type !== 'PathExpression' || p.parts.length !== 1 || p.data || !HELPERS.has(p.parts[0]!)) {
      diagnostics.push(templateUnknownHelper.at(at(path), 'helper', { name: p.original ?? String((path as { value?: unknown }).value) }));
      for (const param of params) expression(param, scopes);
      return;
    }
    const values = params.map((param) => expression(param, scopes));
    for (const pair of hash?.pairs ?? []) expression(pair.value, scopes);
    signature(p.parts[0]!, call, params, values, hash);
  };

  /** A call of a known helper against its signature: how many arguments, groups where numbers go, its options. */
  const signature = (name: string, call: Node, params: Node[], values: unknown[], hash: hbs.AST.Hash | undefined) => {
    const sig = HELPER_SIGNATURES[name];
    if (!sig) return;
    const fail = (text: ReturnType<typeof helperText.arity>) => diagnostics.push(templateHelperError.at(at(call), 'failed', { text }));
    if (params.length < sig.min || params.length > sig.max) return fail(helperText.arity(name, params.length));
    if (sig.numbers) {
      const group = values.findIndex((v) => v !== UNKNOWN && v !== null && typeof v === 'object');
      if (group >= 0) return fail(helperText.group(name, group + 1, (params[group] as Path).original));
    }
    // Handlebars' own helpers take options of their own (#if … includeZero=true): only lawreport's are checked.
    for (const pair of sig.hash || HELPER_NAMES.includes(name as never) ? (hash?.pairs ?? []) : []) {
      const kind = sig.hash?.[pair.key];
      if (!kind) return fail(helperText.unknownHash(name, pair.key));
      const literal = pair.value as hbs.AST.Literal & { value: unknown };
      const ok = kind === 'string' ? literal.type !== 'NumberLiteral' && literal.type !== 'BooleanLiteral' : literal.type !== 'StringLiteral' && literal.type !== 'BooleanLiteral';
      if (!ok) return fail(helperText.hash(name, pair.key, kind));
    }
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
        if (isCall) helperCall(m, m.path, m.params, m.hash, scopes);
        else if (m.path.type === 'PathExpression') {
          const value = resolve(m.path as Path, scopes);
          if (value !== UNKNOWN && value !== null && typeof value === 'object') {
            diagnostics.push(templateNotAValue.at(at(m.path), 'group', { written: (m.path as Path).original, first: Object.keys(value)[0] ?? '…' }));
          }
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = b.path.parts.length === 1 ? b.path.parts[0]! : b.path.original;
        if (!BLOCK_HELPERS.has(name)) {
          diagnostics.push(templateUnknownHelper.at(at(b.path), 'block', { name: b.path.original }));
          return;
        }
        const values = b.params.map((param) => expression(param, scopes));
        const target = values[0] ?? UNKNOWN;
        for (const pair of b.hash?.pairs ?? []) expression(pair.value, scopes);
        signature(name, b, b.params, values, b.hash);
        // `as |item key|` names the element and its index or key (each), or the value (with).
        const params = b.program?.blockParams ?? [];
        const withParams = (values: unknown[], inner: unknown[]) => {
          if (params.length === 0) return program(b.program, inner);
          bound.push(new Map(params.map((p, i) => [p, values[i] ?? UNKNOWN])));
          program(b.program, inner);
          bound.pop();
        };
        if (name === 'each') {
          withParams([elementShape(target), UNKNOWN], [...scopes, elementShape(target)]);
          program(b.inverse, scopes);
        } else if (name === 'with') {
          withParams([target], [...scopes, target]);
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
        diagnostics.push(templateUnsupported.at(at(node), 'partial'));
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

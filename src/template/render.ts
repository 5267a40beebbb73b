import Handlebars from 'handlebars';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model.js';
import { checkTemplatePaths } from './check-paths.js';
import { createHelpers, HelperError, HELPER_NAMES, BUILTIN_HELPERS } from './helpers.js';

/** A rendered chapter may not grow past this (an {{#each}} over a huge list must not fill the disk). */
export const MAX_TEMPLATE_OUTPUT = 5_000_000;

const knownHelpers = Object.fromEntries([...HELPER_NAMES, ...BUILTIN_HELPERS].map((h) => [h, true]));

export interface TemplateResult {
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Fills one template (a chapter's Markdown or a report-level .hbs) with the report data.
 * Paths are checked statically first, so a misspelt figure is an error with its line and a
 * suggestion, never a silent blank. Prototype access stays blocked (Handlebars' default).
 */
export function renderTemplate(text: string, file: string, data: unknown, catalog: Catalog): TemplateResult {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (error) {
    return { diagnostics: [parseErrorDiagnostic(error, file, text)] };
  }
  const diagnostics = checkTemplatePaths(ast, data, { file });
  if (diagnostics.length > 0) return { diagnostics };

  try {
    const template = compiledTemplate(text, ast);
    const out = template(data, { helpers: { ...createHelpers(catalog), each: budgetedEach() } });
    if (out.length > MAX_TEMPLATE_OUTPUT) {
      return {
        diagnostics: [
          diag('template-too-large', 'error', { file, line: 1, column: 1 }, loc(
            `模板展开后超过 ${MAX_TEMPLATE_OUTPUT} 字符，已停止。`,
            `The filled template exceeds ${MAX_TEMPLATE_OUTPUT} characters; stopped.`,
          )),
        ],
      };
    }
    return { text: out, diagnostics: [] };
  } catch (error) {
    return { diagnostics: [runtimeErrorDiagnostic(error, file)] };
  }
}

// trackIds (missing from the typings) gives helpers the paths of their arguments: `fig` finds units by them.
const COMPILE_OPTIONS = { strict: true, noEscape: true, trackIds: true, knownHelpers, knownHelpersOnly: true } as CompileOptions;

/** Compiled templates by their text, oldest dropped first past this many (the preview compiles each edit). */
const MAX_COMPILED = 256;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Handlebars turns a template into JavaScript on its first call, the dearest step of filling it.
 * The compiled function takes data and helpers afresh on every call, so a batch compiles the
 * report-level templates (and any chapter text shared between reports) once, not once a report.
 */
function compiledTemplate(text: string, ast: hbs.AST.Program): HandlebarsTemplateDelegate {
  let template = compiled.get(text);
  if (!template) {
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    template = Handlebars.compile(ast, COMPILE_OPTIONS);
    compiled.set(text, template);
  }
  return template;
}

/** Iterations of {{#each}} one template may run: a nested loop over a big list must stop, not fill memory. */
export const MAX_EACH_ITERATIONS = 100_000;

type BlockOptions = { fn: (context: unknown, options?: unknown) => string } & Record<string, unknown>;

/**
 * Handlebars' own `each`, counting iterations and output as it goes (the output cap alone
 * would only be checked after the whole string was built).
 */
function budgetedEach() {
  const original = Handlebars.helpers.each as (this: unknown, context: unknown, options: BlockOptions) => string;
  let iterations = 0;
  let chars = 0;
  return function each(this: unknown, context: unknown, options: BlockOptions) {
    const fn = options.fn;
    const counted = (ctx: unknown, o?: unknown) => {
      if (++iterations > MAX_EACH_ITERATIONS) {
        throw new HelperError(`{{#each}} ran more than ${MAX_EACH_ITERATIONS} times; stopped`);
      }
      const out = fn(ctx, o);
      chars += out.length;
      if (chars > MAX_TEMPLATE_OUTPUT) throw new HelperError(`{{#each}} produced more than ${MAX_TEMPLATE_OUTPUT} characters; stopped`);
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
  return diag('template-syntax', 'error', { file, line, column: Math.max(1, column) }, loc(
    unclosed ? '模板语法错误：有未闭合的“{{#…}}”块或“{{”。' : '模板语法错误：“{{ }}”的写法不对。',
    unclosed ? 'Template syntax error: an unclosed "{{#…}}" block or "{{".' : 'Template syntax error: malformed "{{ }}".',
  ), {
    hint: loc(
      '每个 {{#if …}} / {{#each …}} 都要有对应的 {{/if}} / {{/each}}；正文中要写字面的“{{”请用 \\{{。',
      'Every {{#if …}} / {{#each …}} needs its {{/if}} / {{/each}}; write \\{{ for a literal "{{".',
    ),
  });
}

function runtimeErrorDiagnostic(error: unknown, file: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars appends " - line:column" to strict-mode errors.
  const at = / - (\d+):(\d+)$/.exec(message);
  const where = { file, line: at ? Number(at[1]) : 1, column: at ? Number(at[2]) + 1 : 1 };
  if (error instanceof HelperError) {
    return diag('template-helper-error', 'error', where, loc(`模板函数出错：${message}`, `Template helper failed: ${message}`));
  }
  return diag('template-error', 'error', where, loc(`模板出错：${message}`, `Template failed: ${message}`));
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { nearest } from '../diagnostics/suggest.js';
import { positionOf, type YamlDocument } from '../load/yaml.js';
import { lazyModule, precompiledValidator } from '../io/builtins-host.js';

// ajv and ajv-i18n (CommonJS) load on demand: a run whose schema was precompiled needs neither,
// and ajv-i18n only when there is an error to translate.
// ajv-i18n's typings declare an ES default: normalise both shapes.
const localizeZh = (errors: ErrorObject[]) => {
  const mod = lazyModule('ajv-i18n/zh') as { default?: unknown };
  ((mod.default ?? mod) as (errors: ErrorObject[]) => void)(errors);
};

/** ajv-i18n keeps JSON type names ("应当是 integer 类型"); a clerk reads these instead. */
const ZH_TYPES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  boolean: ' true 或 false',
  object: '“键: 值”的映射',
  array: '列表',
  null: '空值',
};

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = precompiled(schema) ?? compileWithAjv(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/**
 * The validator `npm run build` generated for this schema (scripts/precompile-schemas.mjs), if it
 * was generated from exactly this schema: saves loading ajv and compiling, most of a check's start-up.
 */
function precompiled(schema: object): ValidateFunction | undefined {
  const id = (schema as { $id?: string }).$id;
  if (!id) return undefined;
  const fn = precompiledValidator(path.posix.basename(id)) as (ValidateFunction & { digest?: string }) | undefined;
  if (!fn) return undefined; // not built (a run from src/ before the first build)
  return fn.digest === createHash('sha256').update(JSON.stringify(schema)).digest('hex') ? fn : undefined;
}

function compileWithAjv(schema: object): ValidateFunction {
  // verbose: errors carry their parentSchema, which holds the known keys and the description.
  // scripts/precompile-schemas.mjs uses the same options.
  ajv ??= new (lazyModule('ajv').Ajv)({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  // The same schema file read again (another report in a batch) reuses its compiled validator.
  const id = (schema as { $id?: string }).$id;
  const existing = id ? ajv.getSchema(id) : undefined;
  if (!existing || JSON.stringify(existing.schema) === JSON.stringify(schema)) return existing ?? ajv.compile(schema);
  // One $id, other content: metrics.yaml's schema made from a report's own catalog.
  ajv.removeSchema(id);
  return ajv.compile(schema);
}

/** Dotted, readable form of a JSON pointer: "/output/formats/0" → "output.formats[0]". */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/**
 * Validates a parsed YAML file against a JSON Schema; every error points at the YAML
 * line and column of the offending key (or, for a missing key, of its parent).
 */
export function validateYaml(doc: YamlDocument, schema: object, ruleId: string): Diagnostic[] {
  const validate = validatorFor(schema);
  if (validate(doc.value)) return [];
  const errors = filterNoise(validate.errors ?? []);
  const zhErrors = errors.map((e) => ({ ...e }));
  localizeZh(zhErrors);
  for (const e of zhErrors) e.message = e.message?.replace(/应当是 (\w+) 类型/, (m, type: string) => `应当是${ZH_TYPES[type] ?? type}`);
  return errors.map((error, i) => toDiagnostic(doc, schema, error, zhErrors[i]!, ruleId));
}

/**
 * The top-level keys a document gets wrong: missing required ones, unknown ones, and those whose
 * value breaks the schema. The loader drops them and goes on with defaults, so one bad key does
 * not hide every other finding.
 */
export function invalidTopKeys(doc: YamlDocument, schema: object): string[] {
  const validate = validatorFor(schema);
  if (validate(doc.value)) return [];
  const keys = filterNoise(validate.errors ?? []).map((e) => {
    if (e.instancePath === '' && e.keyword === 'required') return String(e.params.missingProperty);
    if (e.instancePath === '' && e.keyword === 'additionalProperties') return String(e.params.additionalProperty);
    return (e.instancePath.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  });
  return [...new Set(keys)].filter(Boolean);
}

/** oneOf/anyOf report every failed branch: keep only the combinator's own error. */
function filterNoise(all: ErrorObject[]): ErrorObject[] {
  // An if/then failure is explained by the `then` error that comes with it.
  const errors = all.filter((e) => e.keyword !== 'if');
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (combinators.length === 0) return errors;
  return errors.filter(
    (e) =>
      e.keyword === 'oneOf' ||
      e.keyword === 'anyOf' ||
      !combinators.some((c) => e.schemaPath.startsWith(c.schemaPath.replace(/\/(oneOf|anyOf)$/, '') + '/')),
  );
}

function toDiagnostic(doc: YamlDocument, schema: object, error: ErrorObject, zh: ErrorObject, ruleId: string): Diagnostic {
  let pointer = error.instancePath;
  let hint: Diagnostic['hint'];
  const field = (p: string) => pointerToPath(p) || '（文件顶层）';
  const fieldEn = (p: string) => pointerToPath(p) || '(top level)';

  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    pointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const known = knownProperties(error);
    const guess = nearest(key, known);
    hint = guess
      ? loc(`是不是“${guess}”？`, `Did you mean "${guess}"?`)
      : loc(`允许的键：${known.join('、')}`, `Allowed keys: ${known.join(', ')}`);
    const { line, column } = positionOf(doc, pointer, 'key');
    return diag(ruleId, 'error', { file: doc.file, line, column }, loc(
      `未知的键“${key}”（位于 ${field(error.instancePath)}）。`,
      `Unknown key "${key}" (in ${fieldEn(error.instancePath)}).`,
    ), { hint });
  }
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    const { line, column } = positionOf(doc, pointer, 'key');
    return diag(ruleId, 'error', { file: doc.file, line, column }, loc(
      `缺少必填项“${missing}”（位于 ${field(error.instancePath)}）。`,
      `Missing required key "${missing}" (in ${fieldEn(error.instancePath)}).`,
    ), { hint: loc(`添加 ${missing}: …`, `Add ${missing}: …`) });
  }
  const { line, column } = positionOf(doc, pointer, 'value');
  const description = describe(error);
  return diag(ruleId, 'error', { file: doc.file, line, column }, loc(
    `${field(pointer)} ${zh.message ?? ''}`.trim(),
    `${fieldEn(pointer)} ${error.message ?? ''}`.trim(),
  ), description ? { hint: loc(description, description) } : {});
}

/** The keys the schema holding an additionalProperties error allows. */
function knownProperties(error: ErrorObject): string[] {
  const props = (error.parentSchema as { properties?: object } | undefined)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** The schema's own description of the field, as a hint on what is expected. */
function describe(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticDefinition } from '../diagnostics/definition.js';
import { nearest } from '../diagnostics/suggest.js';
import { positionOf, type YamlDocument } from '../source/yaml.js';
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

/**
 * The compiled validators of one session (a run, a batch worker, a preview): each schema is
 * compiled once, or taken from what `npm run build` precompiled (scripts/precompile-schemas.mjs)
 * when that was made from exactly this schema, loaded through io/builtins-host.ts (the package's
 * files, or the single executable's). ajv itself loads only for a schema nothing precompiled.
 */
export class Validators {
  private ajv?: Ajv;
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  /** `precompiled`: false for a set that compiles every schema itself (tests of the two paths). */
  constructor(private readonly precompiled = true) {}

  /** Makes the precompiled validator of `schema` ready, if the package has one made from this very schema. */
  async prepare(schema: object): Promise<void> {
    if (this.compiled.has(schema) || !this.precompiled) return;
    const id = (schema as { $id?: string }).$id;
    if (!id) return;
    const fn = precompiledValidator(path.posix.basename(id)) as (ValidateFunction & { schemaText?: string }) | undefined;
    if (!fn) return; // not built (a run from src/ before the first build)
    if (fn.schemaText === JSON.stringify(schema)) this.compiled.set(schema, fn);
  }

  get(schema: object): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) this.compiled.set(schema, (fn = this.compile(schema)));
    return fn;
  }

  private compile(schema: object): ValidateFunction {
    // verbose: errors carry their parentSchema, which holds the known keys and the description.
    // scripts/precompile-schemas.mjs uses the same options.
    this.ajv ??= new (lazyModule('ajv').Ajv)({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    // The same schema read again (another report in a batch) reuses its compiled validator.
    const id = (schema as { $id?: string }).$id;
    const existing = id ? this.ajv.getSchema(id) : undefined;
    if (!existing || JSON.stringify(existing.schema) === JSON.stringify(schema)) return existing ?? this.ajv.compile(schema);
    // One $id, other content: metrics.yaml's schema made from a report's own catalog.
    this.ajv.removeSchema(id);
    return this.ajv.compile(schema);
  }
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
 * What a schema error says, whichever file's schema it is: each schema-checked file declares its
 * diagnostic (config-schema, profile-schema, …) with these messages.
 */
export const SCHEMA_MESSAGES = {
  unknownKey: {
    message: (d: SchemaErrorData) => loc(`未知的键“${d.key}”（位于 ${d.at.zh}）。`, `Unknown key "${d.key}" (in ${d.at.en}).`),
    hint: (d: SchemaErrorData) => d.guess
      ? loc(`是不是“${d.guess}”？`, `Did you mean "${d.guess}"?`)
      : loc(`允许的键：${d.known.join('、')}`, `Allowed keys: ${d.known.join(', ')}`),
  },
  required: {
    message: (d: SchemaErrorData) => loc(`缺少必填项“${d.key}”（位于 ${d.at.zh}）。`, `Missing required key "${d.key}" (in ${d.at.en}).`),
    hint: (d: SchemaErrorData) => loc(`添加 ${d.key}: …`, `Add ${d.key}: …`),
  },
  invalid: {
    message: (d: SchemaErrorData) => loc(`${d.at.zh} ${d.text.zh}`.trim(), `${d.at.en} ${d.text.en}`.trim()),
    hint: (d: SchemaErrorData) => (d.description ? loc(d.description.zh, d.description.en) : undefined),
  },
};

export interface SchemaErrorData {
  key: string;
  /** The field, as a reader names it ("output.formats[0]"). */
  at: { zh: string; en: string };
  /** ajv's words for what is wrong, in both languages. */
  text: { zh: string; en: string };
  guess?: string;
  known: string[];
  /** The schema's own description of the field: `description`, and `x-description-en` for --lang en. */
  description?: { zh: string; en: string };
}

export type SchemaDiagnostic = DiagnosticDefinition<typeof SCHEMA_MESSAGES>;

/**
 * Validates a parsed YAML file against a JSON Schema; every error points at the YAML
 * line and column of the offending key (or, for a missing key, of its parent).
 */
export function validateYaml(doc: YamlDocument, schema: object, definition: SchemaDiagnostic, validators: Validators): Diagnostic[] {
  return validateValue(doc.value, schema, doc, '', definition, validators);
}

/**
 * Validates one value of a YAML file (the one at `pointer`, such as a rule's options in
 * lawreport.yaml) against a JSON Schema, errors placed at their lines in `doc`.
 */
export function validateValue(value: unknown, schema: object, doc: YamlDocument, pointer: string, definition: SchemaDiagnostic, validators: Validators): Diagnostic[] {
  const validate = validators.get(schema);
  if (validate(value)) return [];
  const errors = filterNoise(validate.errors ?? []).map((e) => ({ ...e, instancePath: pointer + e.instancePath }));
  const zhErrors = errors.map((e) => ({ ...e }));
  localizeZh(zhErrors);
  for (const e of zhErrors) e.message = e.message?.replace(/应当是 (\w+) 类型/, (m, type: string) => `应当是${ZH_TYPES[type] ?? type}`);
  return errors.map((error, i) => toDiagnostic(doc, error, zhErrors[i]!, definition));
}

/**
 * The top-level keys a document gets wrong: missing required ones, unknown ones, and those whose
 * value breaks the schema. The loader drops them and goes on with defaults, so one bad key does
 * not hide every other finding.
 */
export function invalidTopKeys(doc: YamlDocument, schema: object, validators: Validators): string[] {
  const validate = validators.get(schema);
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

function toDiagnostic(doc: YamlDocument, error: ErrorObject, zh: ErrorObject, definition: SchemaDiagnostic): Diagnostic {
  const field = (p: string) => ({ zh: pointerToPath(p) || '（文件顶层）', en: pointerToPath(p) || '(top level)' });
  const base = { key: '', at: field(error.instancePath), text: { zh: '', en: '' }, known: [] as string[] };
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const pointer = `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const known = knownProperties(error);
    return definition.at({ file: doc.file, ...positionOf(doc, pointer, 'key') }, 'unknownKey', { ...base, key, known, guess: nearest(key, known) });
  }
  if (error.keyword === 'required') {
    const key = String(error.params.missingProperty);
    return definition.at({ file: doc.file, ...positionOf(doc, error.instancePath, 'key') }, 'required', { ...base, key });
  }
  const description = describe(error);
  // A regular expression says nothing to a clerk: where the field's description (the hint) says the form, say only that it is wrong.
  const text = error.keyword === 'pattern' && description ? { zh: '的写法不对', en: 'is not written in the expected form' } : { zh: zh.message ?? '', en: error.message ?? '' };
  return definition.at({ file: doc.file, ...positionOf(doc, error.instancePath, 'value') }, 'invalid', { ...base, text, description });
}

/** The keys the schema holding an additionalProperties error allows. */
function knownProperties(error: ErrorObject): string[] {
  const props = (error.parentSchema as { properties?: object } | undefined)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/**
 * The schema's own description of the field, as a hint on what is expected: `description` is the
 * Chinese an editor's YAML support shows too, `x-description-en` its English (test/schema-docs.test.ts
 * holds every schema to having both).
 */
function describe(error: ErrorObject): { zh: string; en: string } | undefined {
  const schema = error.parentSchema as { description?: unknown; 'x-description-en'?: unknown } | undefined;
  if (typeof schema?.description !== 'string') return undefined;
  const en = schema['x-description-en'];
  return { zh: schema.description, en: typeof en === 'string' ? en : schema.description };
}

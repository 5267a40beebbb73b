import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import { bundledValidators } from './bundled-validators.js';
import { loadedOnce } from './loaded-once.js';
import type { SourceHost } from './host.js';
import { nodeHost } from './node-host.js';
import { readOnceHost } from './read-once-host.js';

/*
 * lawreport's own files (schemas/, templates/, package.json) and the code it loads only when a
 * run needs it. This is the npm package's copy: everything comes from the package folder and its
 * node_modules. The single executable links builtins-host.sea.ts in this module's place
 * (scripts/dist.mjs), which serves the same from the executable itself; nothing else in src/
 * knows which of the two it runs in.
 */

const requireLazily = createRequire(import.meta.url);

let host: SourceHost | undefined;

/**
 * schemas/, templates/ and package.json, by their paths in the package. One host per process: what
 * is parsed from it is cached per host, and each file is read once (the package does not change under a run).
 */
export function builtinsHost(): SourceHost {
  return (host ??= readOnceHost(nodeHost(packageRoot)));
}

/** The package folder as a file: URL (ending in /), which docs/rules.md and the rest of the package are relative to. */
export function packageUrl(): string | undefined {
  return pathToFileURL(packageRoot + path.sep).href;
}

let version: string | undefined;

export function toolVersion(): string {
  return (version ??= (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
}

/** The CommonJS dependencies loaded on first use: a run whose schemas were precompiled loads no ajv, and ajv-i18n only to translate an error. */
export interface LazyModules {
  ajv: typeof import('ajv');
  'ajv-i18n/zh': unknown;
}

const LAZY: { [K in keyof LazyModules]: string } = { ajv: 'ajv', 'ajv-i18n/zh': 'ajv-i18n/localize/zh/index.js' };

export function lazyModule<K extends keyof LazyModules>(name: K): LazyModules[K] {
  return requireLazily(LAZY[name]) as LazyModules[K];
}

/**
 * The validator `npm run build` generated from a built-in schema (scripts/precompile-schemas.mjs),
 * by the schema's file name (`lawreport.schema.json`); undefined before the first build.
 */
export function precompiledValidator(schemaFile: string): unknown {
  try {
    return bundledValidators ? bundledValidators(schemaFile) : requireLazily(path.join(packageRoot, 'lib', 'validate', 'precompiled', schemaFile.replace(/\.json$/, '.cjs')));
  } catch {
    return undefined;
  }
}

/** What `npm run build` worked out from the package's own text files (scripts/precompile-builtins.mjs), each with the text it was made from. */
export interface PrecompiledBuiltins {
  /** templates/*.hbs by text: Handlebars' tree (as data) and its template spec. */
  templates: Map<string, { ast: object; spec: object }>;
  /** schemas/metrics.catalog.yaml: its text and the catalog it parses to (groups and relations), as JSON. */
  catalog: { text: string; json: string };
  /** schemas/profiles/*.yaml by profile name: the text of each package file loading it read (a profile may $ref another), and the profile as JSON. */
  profiles: Record<string, { texts: Record<string, string>; json: string }>;
}

/** lib/precompiled-builtins.cjs, or undefined before the first build (a run then parses the files themselves). */
export const precompiledBuiltins = loadedOnce(() => requireLazily(path.join(packageRoot, 'lib', 'precompiled-builtins.cjs')) as PrecompiledBuiltins);

/**
 * DOCX parts whose XML depends on the fonts alone (styles, theme, numbering, footers), as docx
 * compiled them at `npm run build`: `key` is the fonts they were compiled for (JSON), `parts` each
 * part's XML by its path in the package.
 */
export interface PrecompiledDocxParts {
  readonly key: string;
  readonly parts: Readonly<Record<string, string>>;
}

/** lib/precompiled-docx-parts.cjs (scripts/precompile-docx-parts.mjs), or undefined before the first build (every DOCX part is then compiled). */
export const precompiledDocxParts = loadedOnce(() => requireLazily(path.join(packageRoot, 'lib', 'precompiled-docx-parts.cjs')) as PrecompiledDocxParts);

/**
 * What a batch worker thread runs: beside lib/lawreport.cjs (a run from the code cache),
 * lib/code-cache-worker.cjs, which serves from that file and a code cache of its own; beside the
 * split bundle, lib/worker.js; lib/cli/batch/worker.js in tsc's output (tests run this module from
 * src/, where threads still need the compiled JavaScript).
 */
export function batchWorker(): { entry: string; options: WorkerOptions } {
  const here = fileURLToPath(import.meta.url);
  const bundled = path.basename(path.dirname(here)) === 'lib';
  const entry = !bundled ? ['cli', 'batch', 'worker.js'] : here.endsWith('.cjs') ? ['code-cache-worker.cjs'] : ['worker.js'];
  return { entry: path.join(packageRoot, 'lib', ...entry), options: {} };
}

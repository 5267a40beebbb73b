import { readFileSync } from 'node:fs';
import { getAsset as seaAsset } from 'node:sea';
import { startupSnapshot } from 'node:v8';
import { assetHost } from './asset-host.js';
import type * as Npm from './builtins-host.js';
import type { SourceHost } from './host.js';
import { loadedOnce } from './loaded-once.js';

/*
 * builtins-host.ts for the single executable (scripts/dist.mjs links this module in its place):
 * the package's files are node:sea assets, the lazily loaded dependencies and the precompiled
 * validators are bundled, and a batch worker runs the worker bundle stored as an asset.
 * There is no node_modules and no package folder to read.
 */

/** Written by scripts/dist.mjs: the keys of the assets that are package files. */
export const MANIFEST = 'lawreport-assets.json';
/** Written by scripts/dist.mjs: the batch worker, bundled like the executable's main script. */
export const WORKER_ASSET = 'lawreport-worker.cjs';

/**
 * An asset by its key. While the startup snapshot is made (scripts/dist.mjs, SEA `useSnapshot`)
 * the process is not a single executable yet: the assets are read from the files the SEA config
 * names (LAWREPORT_SEA_CONFIG). What the warm-up reads is the same bytes the executable carries.
 */
function getAsset(key: string): ArrayBuffer;
function getAsset(key: string, encoding: 'utf8'): string;
function getAsset(key: string, encoding?: 'utf8'): ArrayBuffer | string {
  if (!startupSnapshot.isBuildingSnapshot()) return encoding ? seaAsset(key, encoding) : seaAsset(key);
  const { assets } = JSON.parse(readFileSync(process.env.LAWREPORT_SEA_CONFIG ?? '', 'utf8')) as { assets: Record<string, string> };
  const bytes = readFileSync(assets[key]!);
  return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

let host: SourceHost | undefined;

export const builtinsHost: typeof Npm.builtinsHost = () =>
  (host ??= assetHost(JSON.parse(getAsset(MANIFEST, 'utf8')) as string[], (key) => getAsset(key)));

/** No package folder on disk: docs urls stay relative (docs/rules.md in the release's sources). */
export const packageUrl: typeof Npm.packageUrl = () => undefined;

let version: string | undefined;

export const toolVersion: typeof Npm.toolVersion = () => (version ??= (JSON.parse(getAsset('package.json', 'utf8')) as { version: string }).version);

// Static require()s, so that esbuild bundles these: the executable's require() knows only Node's built-ins.
const LAZY: { [K in keyof Npm.LazyModules]: () => Npm.LazyModules[K] } = {
  ajv: () => require('ajv') as Npm.LazyModules['ajv'],
  'ajv-i18n/zh': () => require('ajv-i18n/localize/zh/index.js') as unknown,
};

export const lazyModule: typeof Npm.lazyModule = (name) => LAZY[name]();

export const precompiledValidator: typeof Npm.precompiledValidator = (schemaFile) => {
  try {
    // esbuild bundles every file this pattern can match (lib/validate/precompiled/*.cjs, from `npm run build`).
    return require(`../../lib/validate/precompiled/${schemaFile.replace(/\.json$/, '')}.cjs`) as unknown;
  } catch {
    return undefined;
  }
};

export const precompiledBuiltins: typeof Npm.precompiledBuiltins = loadedOnce(() => require('../../lib/precompiled-builtins.cjs') as Npm.PrecompiledBuiltins);

export const precompiledDocxParts: typeof Npm.precompiledDocxParts = loadedOnce(() => require('../../lib/precompiled-docx-parts.cjs') as Npm.PrecompiledDocxParts);

export const batchWorker: typeof Npm.batchWorker = () => ({ entry: getAsset(WORKER_ASSET, 'utf8'), options: { eval: true } });

import type * as Npm from './bundled-validators.js';

// bundled-validators.ts for lib/lawreport.cjs (scripts/bundle.mjs links this module in its place).
// esbuild bundles every file the pattern can match (lib/validate/precompiled/*.cjs, written by
// `npm run build` before the bundle), each run only when its schema is first used.
export const bundledValidators: typeof Npm.bundledValidators = (schemaFile) =>
  require(`../../lib/validate/precompiled/${schemaFile.replace(/\.json$/, '')}.cjs`) as unknown;

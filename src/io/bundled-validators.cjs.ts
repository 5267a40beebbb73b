import type * as Npm from './bundled-validators.js';

// bundled-validators.ts for lib/lawreport.cjs (scripts/bundle.mjs links this module in its place).
// Only the validators a run uses (Validators.prepare: lawreport.yaml's and metrics.yaml's schemas,
// the meta-schemas of profiles and catalogs), each run only when its schema is first used. The
// output schemas' validators (summary, diff, check and figures output: 350 KB) serve the tests,
// not the CLI: bundled too, they were read at every start and carried by every command's code cache.
const VALIDATORS: Record<string, () => unknown> = {
  'lawreport.schema.json': () => require('../../lib/validate/precompiled/lawreport.schema.cjs'),
  'metrics.schema.json': () => require('../../lib/validate/precompiled/metrics.schema.cjs'),
  'profile.schema.json': () => require('../../lib/validate/precompiled/profile.schema.cjs'),
  'catalog.schema.json': () => require('../../lib/validate/precompiled/catalog.schema.cjs'),
};

export const bundledValidators: typeof Npm.bundledValidators = (schemaFile) => VALIDATORS[schemaFile]?.();

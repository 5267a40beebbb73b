/**
 * The precompiled validators bundled into the code that loads them, or none. Here none: the ES
 * module bundle and tsc's output require each file from lib/validate/precompiled/ when a schema is
 * first used. lib/lawreport.cjs links bundled-validators.cjs.ts in this module's place
 * (scripts/bundle.mjs), so that V8's code cache of that file covers them too.
 */
export const bundledValidators: ((schemaFile: string) => unknown) | undefined = undefined;

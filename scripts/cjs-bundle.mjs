// esbuild's options for a one-file CommonJS bundle of the CLI, shared by lib/lawreport.cjs
// (scripts/bundle.mjs, the code-cache warm start) and the single executables (scripts/dist.mjs),
// and a plugin every bundle of the CLI takes.
import { readFile } from 'node:fs/promises';

export const CJS_BUNDLE = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Less to read at every start (2.5 MB); names are kept for the single executables' --debug
  // stack traces (lib/lawreport.cjs shortens them: scripts/bundle.mjs).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/**
 * docx is built with Babel's class-field helper: every field of every docx object is set through
 * `_defineProperty`, which first turns the key into a property key (toPropertyKey → toPrimitive →
 * _typeof, three calls in V8's interpreter, where a build's start-up code runs). docx's keys are
 * string literals, which toPropertyKey gives back unchanged, so the helper skips it for a string:
 * ≈ 16 M of a build's 1270 M instructions (bench/README.md). Fails the build if docx's helper
 * changes, rather than silently bundling something else.
 */
export const docxStringKeys = {
  name: 'docx-define-property-string-keys',
  setup(b) {
    b.onLoad({ filter: /[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const slow = 'function _defineProperty(e, r, t) {\n\treturn (r = toPropertyKey(r)) in e ?';
      if (code.split(slow).length !== 2) throw new Error(`${args.path}: docx's _defineProperty helper is no longer as expected; update scripts/bundle.mjs`);
      return { contents: code.replace(slow, 'function _defineProperty(e, r, t) {\n\treturn (r = typeof r === "string" ? r : toPropertyKey(r)) in e ?'), loader: 'js' };
    });
  },
};


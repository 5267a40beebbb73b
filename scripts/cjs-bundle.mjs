// esbuild's options for a one-file CommonJS bundle of the CLI, shared by lib/lawreport.cjs
// (scripts/bundle.mjs, the code-cache warm start) and the single executables (scripts/dist.mjs),
// and a plugin every bundle of the CLI takes.
import { readFile } from 'node:fs/promises';
import { parse, tokenizer } from 'acorn';

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
      const fast = code.replace(slow, 'function _defineProperty(e, r, t) {\n\treturn (r = typeof r === "string" ? r : toPropertyKey(r)) in e ?');
      return { contents: lazyDocxFflate(fast, args.path), loader: 'js' };
    });
  },
};

/** Where docx's bundled copy of fflate begins and ends (the next module, its zip helpers, uses it). */
const FFLATE_START = '// node_modules/fflate/esm/browser.js\n';
const FFLATE_END = '// src/util/zip.ts\n';
/**
 * The names of docx's fflate that docx's own code spells outside it, and how often: zipSync and
 * unzipSync (its zip helpers) are fflate's; max, bits and err are docx's own locals and parameters
 * of the same names, checked by hand. A docx whose count differs fails the build, to be checked again.
 */
const FFLATE_NAMES_OUTSIDE = { max: 5, bits: 6, zipSync: 1, unzipSync: 1, err: 5 };

/**
 * docx carries a copy of fflate, which builds its Huffman and CRC tables when docx loads (≈ 1.1–1.3
 * ms of every build that writes a DOCX), for zipping and unzipping that lawreport never asks of
 * docx (its DOCX is zipped through node:zlib, src/render/docx/zip.ts). The copy becomes a function
 * run at docx's first zipSync or unzipSync call; its names are then that function's, so the
 * build fails if docx's code outside the copy names any of them other than as above.
 */
function lazyDocxFflate(code, file) {
  const start = code.indexOf(FFLATE_START);
  const end = code.indexOf(FFLATE_END);
  const fail = (why) => new Error(`${file}: docx's copy of fflate is no longer as expected (${why}); update scripts/cjs-bundle.mjs`);
  if (start < 0 || end < start || code.indexOf(FFLATE_START, start + 1) >= 0 || code.indexOf(FFLATE_END, end + 1) >= 0) throw fail('its bounds');
  const copy = code.slice(start, end);
  const names = new Set();
  for (const node of parse(copy, { ecmaVersion: 'latest', sourceType: 'module' }).body) {
    if (node.type === 'VariableDeclaration') for (const d of node.declarations) names.add(d.id.name);
    else if (node.type === 'FunctionDeclaration') names.add(node.id.name);
    else if (node.type.startsWith('Import') || node.type.startsWith('Export')) throw fail(node.type);
  }
  const before = code.slice(0, start);
  const after = code.slice(end);
  const outside = {};
  for (const part of [before, after]) {
    let previous;
    for (const token of tokenizer(part, { ecmaVersion: 'latest', sourceType: 'module' })) {
      if (token.type.label === 'name' && names.has(token.value) && previous?.type.label !== '.') outside[token.value] = (outside[token.value] ?? 0) + 1;
      previous = token;
    }
  }
  if (JSON.stringify(Object.entries(outside).sort()) !== JSON.stringify(Object.entries(FFLATE_NAMES_OUTSIDE).sort())) throw fail(`names used outside it: ${JSON.stringify(outside)}`);
  const calls = after.match(/\b(?:un)?zipSync\(/g) ?? [];
  if (calls.length !== 2 || /\b(?:un)?zipSync\(/.test(before)) throw fail('its calls');
  const lazy = `var docxFflate;\nvar loadDocxFflate = () => docxFflate ??= (() => {\n${copy}\nreturn { zipSync, unzipSync };\n})();\n`;
  return before + lazy + after.replace(/\b((?:un)?zipSync)\(/g, 'loadDocxFflate().$1(');
}


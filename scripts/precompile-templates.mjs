// Part of `npm run build`: lawreport's own report templates (templates/*.hbs) parsed and compiled
// by Handlebars once, here, into lib/template/builtin-templates.cjs, so a run that uses them starts
// neither Handlebars' parser nor its compiler (≈ 3–5 ms of a check; bench/README.md). Each entry
// carries the text it was made from: src/template/render.ts takes an entry only for that very text,
// so a report's own templates/title.hbs, or a template edited after the build, is compiled as before.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The options filling uses (tsc has built lib/ by now): one home, src/template/render.ts.
const { COMPILE_OPTIONS } = await import('../lib/template/render.js');
const entries = [];
for (const name of (await readdir(path.join(root, 'templates'))).filter((n) => n.endsWith('.hbs')).sort()) {
  const text = await readFile(path.join(root, 'templates', name), 'utf8');
  const ast = Handlebars.parse(text);
  // The tree as data (its locations are class instances, whose fields are all the path checks read).
  entries.push(`  [${JSON.stringify(text)}, { ast: ${JSON.stringify(ast)}, spec: ${Handlebars.precompile(ast, COMPILE_OPTIONS)} }]`);
}
await writeFile(path.join(root, 'lib', 'template', 'builtin-templates.cjs'), `// Made by scripts/precompile-templates.mjs from templates/*.hbs.\nmodule.exports = new Map([\n${entries.join(',\n')}\n]);\n`);

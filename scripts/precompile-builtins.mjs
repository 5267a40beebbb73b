// Part of `npm run build`: what a run would otherwise work out anew from lawreport's own text
// files at every start, worked out once, here, into lib/precompiled-builtins.cjs:
// - templates/*.hbs parsed and compiled by Handlebars, so a run that uses them starts neither
//   Handlebars' parser nor its compiler (≈ 3–5 ms of a check);
// - schemas/metrics.catalog.yaml as the catalog it parses to, so a run reads no YAML of its own
//   for it (the largest YAML a check reads: ≈ 5 ms).
// - schemas/profiles/*.yaml as the profiles they load to (≈ 3 ms of a check).
// Each entry carries the text it was made from: src/template/render.ts and src/load/report.ts take
// an entry only for that very text, so a report's own templates/title.hbs, or a file edited after
// the build, is parsed as before. bench/README.md has the numbers.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'lib', 'precompiled-builtins.cjs');
// Made from the files by the code as it is now: the loaders below must not take the last build's.
await rm(out, { force: true });
// tsc has built lib/ by now: the options filling uses and the catalog's parser, from their one home.
const { COMPILE_OPTIONS } = await import('../lib/template/render.js');
const { parseCatalog, BUILTIN_CATALOG_FILE } = await import('../lib/load/catalog.js');
const { ProfileLoader, builtinProfileNames } = await import('../lib/profile/load.js');
const { nodeHost } = await import('../lib/io/node-host.js');
const { memoryHost } = await import('../lib/io/host.js');
const { Validators } = await import('../lib/validate/schema.js');

const templates = [];
for (const name of (await readdir(path.join(root, 'templates'))).filter((n) => n.endsWith('.hbs')).sort()) {
  const text = await readFile(path.join(root, 'templates', name), 'utf8');
  const ast = Handlebars.parse(text);
  // The tree as data (its locations are class instances, whose fields are all the path checks read).
  templates.push(`    [${JSON.stringify(text)}, { ast: ${JSON.stringify(ast)}, spec: ${Handlebars.precompile(ast, COMPILE_OPTIONS)} }]`);
}

const catalogText = await readFile(path.join(root, 'schemas', 'metrics.catalog.yaml'), 'utf8');
const catalogMeta = JSON.parse(await readFile(path.join(root, 'schemas', 'catalog.schema.json'), 'utf8'));
const parsed = parseCatalog(catalogText, BUILTIN_CATALOG_FILE, catalogMeta);
if (!parsed.catalog || parsed.diagnostics.length > 0) throw new Error(`schemas/metrics.catalog.yaml: ${JSON.stringify(parsed.diagnostics)}`);
// byPath is made again from the groups when read: its values are the groups' own metric objects.
const catalog = { groups: parsed.catalog.groups, relations: parsed.catalog.relations };

const packageFiles = nodeHost(root);
const profileMeta = JSON.parse(await readFile(path.join(root, 'schemas', 'profile.schema.json'), 'utf8'));
const profiles = {};
for (const name of await builtinProfileNames(packageFiles)) {
  // As a report names it: a loader over the package's files, with no report files besides; the
  // files it reads (a profile may $ref another) are what the entry is valid for.
  const texts = {};
  const recording = { ...packageFiles, readText: async (file, limit) => {
    const read = await packageFiles.readText(file, limit);
    if (read.status === 'ok') texts[file] = read.value;
    return read;
  } };
  const loader = new ProfileLoader({ host: memoryHost({}), builtins: recording, metaSchema: profileMeta, validators: new Validators() });
  const profile = await loader.load(name);
  if (!profile || loader.diagnostics.length > 0) throw new Error(`schemas/profiles/${name}.yaml: ${JSON.stringify(loader.diagnostics)}`);
  profiles[name] = { texts, json: JSON.stringify(profile) };
}

await writeFile(
  out,
  `// Made by scripts/precompile-builtins.mjs from templates/*.hbs, schemas/metrics.catalog.yaml and schemas/profiles/*.yaml.
module.exports = {
  templates: new Map([
${templates.join(',\n')}
  ]),
  catalog: { text: ${JSON.stringify(catalogText)}, json: ${JSON.stringify(JSON.stringify(catalog))} },
  profiles: ${JSON.stringify(profiles)},
};
`,
);

// Part of `npm run build`: turns each schemas/*.schema.json into a standalone validator
// (ajv's own code generation) in lib/validate/precompiled/, so a run validates lawreport.yaml
// without loading ajv or compiling the schema (~70 ms of a ~200 ms check; bench/README.md).
// Each file carries the text (JSON.stringify) of the schema it was made from; src/validate/schema.ts
// uses it only when that text is the schema it was given, and compiles with ajv otherwise. Text,
// not a digest: comparing it costs nothing, hashing it would load node:crypto (≈ 7 ms) at every run.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'lib', 'validate', 'precompiled');
await mkdir(outDir, { recursive: true });

const schemas = [];
for (const name of (await readdir(path.join(root, 'schemas'))).filter((n) => n.endsWith('.schema.json'))) {
  schemas.push([name, JSON.parse(await readFile(path.join(root, 'schemas', name), 'utf8'))]);
}
// metrics.yaml's schema is generated from the metric catalog (tsc has built lib/ by now): the one
// made from the built-in catalog is precompiled too, so a report without its own catalog loads no ajv.
const { parseCatalog } = await import('../lib/load/catalog.js');
const { metricsSchema, METRICS_SCHEMA_ID } = await import('../lib/validate/metrics-schema.js');
const catalogMeta = schemas.find(([name]) => name === 'catalog.schema.json')[1];
const { catalog } = parseCatalog(await readFile(path.join(root, 'schemas', 'metrics.catalog.yaml'), 'utf8'), 'metrics.catalog.yaml', catalogMeta);
schemas.push([path.posix.basename(METRICS_SCHEMA_ID), metricsSchema(catalog)]);

for (const [name, schema] of schemas) {
  // The same options as src/validate/schema.ts, so both paths report the same errors.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, code: { source: true } });
  // A schema may $ref another of schemas/ by file name (the summary's diagnostics are check-output's items).
  for (const [other, otherSchema] of schemas) if (other !== name && otherSchema.$id) ajv.addSchema(otherSchema);
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  await writeFile(path.join(outDir, name.replace(/\.json$/, '.cjs')), `${code}\nmodule.exports.schemaText = ${JSON.stringify(JSON.stringify(schema))};\n`);
}

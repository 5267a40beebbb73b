// Part of `npm run build`: turns each schemas/*.schema.json into a standalone validator
// (ajv's own code generation) in lib/validate/precompiled/, so a run validates lawreport.yaml
// without loading ajv or compiling the schema (~70 ms of a ~200 ms check; bench/README.md).
// Each file carries the digest of the schema it was made from; src/validate/schema.ts uses it
// only when that digest matches the schema it was given, and compiles with ajv otherwise.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'lib', 'validate', 'precompiled');
await mkdir(outDir, { recursive: true });

for (const name of (await readdir(path.join(root, 'schemas'))).filter((n) => n.endsWith('.schema.json'))) {
  const schema = JSON.parse(await readFile(path.join(root, 'schemas', name), 'utf8'));
  // The same options as src/validate/schema.ts, so both paths report the same errors.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, code: { source: true } });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  const digest = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  await writeFile(path.join(outDir, name.replace(/\.json$/, '.cjs')), `${code}\nmodule.exports.digest = ${JSON.stringify(digest)};\n`);
}

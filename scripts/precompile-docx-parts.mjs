// Part of `npm run build`, after tsc: the DOCX parts that depend on the fonts alone (styles, theme,
// numbering, the page-number footers), compiled by the docx this package bundles for the default
// fonts, into lib/precompiled-docx-parts.cjs. A build of a report in those fonts then hands docx's
// compiler placeholders for them and takes these (src/render/docx/fixed-parts.ts): docx formats
// and writes only the document's own parts (≈ 2.5 % of a build's instructions, bench/README.md).
// test/docx-fixed-parts.test.ts proves them equal to the parts docx compiles for whole reports, so
// a docx upgrade cannot make them drift unnoticed.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'lib', 'precompiled-docx-parts.cjs');
// Made by the code as it is now: renderDocx must not take the last build's while this runs.
await rm(out, { force: true });
const { fixedDocxParts } = await import('../lib/render/docx.js');
const { DEFAULT_FONTS } = await import('../lib/model.js');
const { key, parts } = fixedDocxParts(DEFAULT_FONTS);
if (Object.keys(parts).length < 4) throw new Error(`precompile-docx-parts: docx compiled only ${Object.keys(parts).join(', ')}`);
await writeFile(out, `// Made by scripts/precompile-docx-parts.mjs with the docx of this build.\nmodule.exports = ${JSON.stringify({ key, parts }, null, 1)};\n`);

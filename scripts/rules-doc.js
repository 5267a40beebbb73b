#!/usr/bin/env node
// Writes docs/rules.md from the registry of diagnostics (src/pipeline/registry.ts). Run as `npm run docs` (which compiles lib/ first).
import { writeFile } from 'node:fs/promises';
import { rulesMarkdown } from '../lib/diagnostics/docs.js';
import { DIAGNOSTICS } from '../lib/pipeline/registry.js';

await writeFile(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(DIAGNOSTICS));
console.log('wrote docs/rules.md');

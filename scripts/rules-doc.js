#!/usr/bin/env node
// Writes docs/rules.md from the rules' meta. Run as `npm run docs` (which compiles lib/ first).
import { writeFile } from 'node:fs/promises';
import { rulesMarkdown } from '../lib/check/docs.js';
import { allRuleMetas } from '../lib/check/registry.js';

await writeFile(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(allRuleMetas()));
console.log('wrote docs/rules.md');

#!/usr/bin/env node
// A thin bin: all logic lives in main(), which returns the exit code. lib/lawreport.js is the
// bundled CLI that `npm run build` writes (starts faster than the ~250 modules of lib/cli/main.js).
import { main } from '../lib/lawreport.js';

process.exitCode = await main({ argv: process.argv.slice(2), handleSignals: true });

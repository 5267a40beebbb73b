#!/usr/bin/env node
// A thin bin: all logic lives in main(), which returns the exit code. lib/lawreport.js is the
// bundled CLI that `npm run build` writes (starts faster than the ~250 modules of lib/cli/main.js).
import { setFlagsFromString } from 'node:v8';

// A run lasts from a tenth of a second to a few seconds. V8's optimising compiler (TurboFan) would
// spend more CPU on its background threads optimising start-up code that runs a few times than
// that code then saves; 15 × V8's default budget keeps it for the loops that run long (deflating
// the DOCX). check -25 % CPU, build -35 %, a batch -20 % (bench/README.md). Set before the bundle loads.
setFlagsFromString('--interrupt-budget=1000000');
const { main } = await import('../lib/lawreport.js');

process.exitCode = await main({ argv: process.argv.slice(2), handleSignals: true });

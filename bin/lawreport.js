#!/usr/bin/env node
// A thin bin: all logic lives in main(), which returns the exit code. lib/lawreport.js is the
// bundled CLI that `npm run build` writes (starts faster than the ~250 modules of lib/cli/main.js).
import { setFlagsFromString } from 'node:v8';

// A run lasts a fraction of a second to a few seconds: V8's optimising compiler (TurboFan) spends
// more CPU on its background threads than its code saves. Without it `check` takes ~25 % less CPU,
// `build` ~30 %, and even a 100-report batch less (bench/README.md). Set before the bundle loads.
setFlagsFromString('--no-opt');
const { main } = await import('../lib/lawreport.js');

process.exitCode = await main({ argv: process.argv.slice(2), handleSignals: true });

#!/usr/bin/env node
// A thin bin: all logic lives in lib/cli/main.js, which returns the exit code.
import { main } from '../lib/cli/main.js';

process.exitCode = await main({ argv: process.argv.slice(2), handleSignals: true });

/*
 * The V8 flags every run sets before the CLI's bundle is compiled (bin/lawreport.js, the single
 * executable's snapshot start, the build's cache warm-up), chosen for the engine at hand: a flag
 * this V8 does not know is not ignored quietly, V8 prints "Error: unrecognized flag" on standard
 * error and drops the flags after it. Part of every code cache's key (code-cache.ts).
 */

/**
 * Node 20 (V8 11): the tier-up budget 15 × V8's default and no incremental marking; why, in
 * bin/lawreport.js. V8 12 (Node 22) removed `--interrupt-budget`.
 */
const V8_11_FLAGS = '--interrupt-budget=1000000 --no-incremental-marking';

/**
 * Node 22, 24 and 26 (V8 12, 13, 14): tier-up is counted in calls there, and Maglev, a second
 * optimising compiler, comes before TurboFan. Both counts at 15 × V8's default, as the budget on
 * Node 20: a batch of 100 on Node 24 4.2 → 3.35 s CPU, a typical build 143 → 109 ms CPU; without
 * incremental marking as on Node 20 (build 143 → 131 ms alone). Measured in bench/README.md
 * ("V8's flags on Node 22, 24 and 26").
 */
const V8_12_FLAGS = '--invocation-count-for-maglev=6000 --invocation-count-for-turbofan=45000 --no-incremental-marking';

/** The flags for a V8 version string (`process.versions.v8`, e.g. 11.3.244.8-node.38). */
export function v8FlagsFor(v8Version: string): string {
  return Number.parseInt(v8Version, 10) < 12 ? V8_11_FLAGS : V8_12_FLAGS;
}

/** This process's. */
export const V8_FLAGS = v8FlagsFor(process.versions.v8);

import { setFlagsFromString } from 'node:v8';

/*
 * V8's heap sizing for one large build, decided as soon as its chapters are read (before any is
 * parsed). bin/lawreport.js starts every run with V8_FLAGS (src/cli/v8-flags.ts), which suit the
 * typical report. On a large one they let V8 grow its young generation to 3 × the 16 MB
 * semi-space maximum and keep it committed, and let the old generation grow to ≈ 4 × what its
 * first full collection kept, while the heap in use stays under ≈ 70 MB: garbage, not data, took
 * a 200-page build to ≈ 185 MB peak RSS. `--max-semi-space-size` cannot change once V8 runs; these
 * two can, for V8 reads them at each resize of the young generation and each new old-generation
 * limit: the young generation stays at the size it has when they are set (≈ 1–2 MB a semi-space
 * this early), and the old generation is collected once it is 1.25 × what the last collection kept.
 * Not `--incremental-marking` back on: with these two it saved no memory and cost CPU
 * (bench/README.md, "Peak memory of large reports and of the batch, decided at run time").
 * Each switch is put back to V8's values when its work is done (withHeapSizedFor, withSmallHeap):
 * the code caches saved at the end of a run carry V8's hash of the flags as they are then, and a
 * start, made with the bin's flags, refuses a cache whose hash differs. Left switched, a large
 * report's every build started cold and wrote its 2 MB cache again (V8 hashes only the flags that
 * differ from its defaults, so defaults set again hash as never set).
 */
export const LARGE_REPORT_FLAGS = '--semi-space-growth-factor=1 --heap-growing-percent=25';

/**
 * Chapter characters (all chapters' files, front matter included) from which a run switches to
 * LARGE_REPORT_FLAGS: ≈ 8 × the typical report (≈ 6 K). Below it V8's defaults keep a build under
 * ≈ 105 MB and the switch would only cost CPU (≈ 15 ms on the typical build, where the young
 * generation's growth saves scavenges); above it the defaults add ≈ 0.45 MB of peak RSS per
 * thousand characters and pass 150 MB near 140 K, while the switch costs 0–6 % of such a build's
 * CPU. Measured sizes in bench/README.md.
 */
export const LARGE_REPORT_CHARS = 50_000;

/**
 * For a process that checks or builds this one report and then ends (not a batch, whose
 * threads share V8's flags, which are the process's): `work` is given the callback the loader
 * calls with the chapters' size (LoadOptions.onChaptersRead), which keeps a large report's heap
 * small from then on, until `work` ends.
 */
export async function withHeapSizedFor<T>(work: (onChaptersRead: (chapterChars: number) => void) => Promise<T>): Promise<T> {
  let putBack: (() => void) | undefined;
  try {
    return await work((chapterChars) => {
      if (!putBack && chapterChars >= LARGE_REPORT_CHARS) putBack = smallHeap();
    });
  } finally {
    putBack?.();
  }
}

/** V8's own values of LARGE_REPORT_FLAGS' two flags (the same from Node 20 to 26; test/v8-flags.test.ts). */
export const V8_DEFAULT_HEAP_FLAGS = '--semi-space-growth-factor=2 --heap-growing-percent=0';

/**
 * Runs `work` with LARGE_REPORT_FLAGS, then puts V8's values back. For the district summary, drawn
 * by the main thread once a batch's workers are done: ECharts' garbage (42 charts of 100 bars)
 * took the process from ≈ 100 to ≈ 215 MB, above the pool's own peak; with these flags ≈ 200 MB,
 * at no CPU the batch shows (bench/README.md, "The warm start's first run, and V8's flags put
 * back"). What `work` compiles is compiled under the changed flags, and V8 refuses a code cache
 * there: load first what has one.
 */
export async function withSmallHeap<T>(work: () => Promise<T>): Promise<T> {
  const putBack = smallHeap();
  try {
    return await work();
  } finally {
    putBack();
  }
}

/** Switches to LARGE_REPORT_FLAGS; the function returned puts V8's values back. */
function smallHeap(): () => void {
  setFlagsFromString(LARGE_REPORT_FLAGS);
  return () => setFlagsFromString(V8_DEFAULT_HEAP_FLAGS);
}

// The one seeded generator of the project's made-up data: the benchmark corpus (corpus.mjs) and the
// test district (test/district.ts) draw their figures from it, so both are the same on every machine.

/** mulberry32: small, fast, and the same sequence on every machine; numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

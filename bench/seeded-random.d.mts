/** mulberry32 (seeded-random.mjs): numbers in [0, 1), the same sequence on every machine. */
export function seededRandom(seed: number): () => number;

/** corpus.mjs: the benchmark corpus, written deterministically (seeded, offline) under `root`. */
export function generateCorpus(
  root: string,
  options?: { batch?: number; longRounds?: number },
): Promise<{ typical: string; long: string; batch: string[]; sizes: { typicalMarkdownBytes: number; longMarkdownBytes: number; figures: number } }>;

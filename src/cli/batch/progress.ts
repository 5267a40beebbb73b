/** A one-line progress bar on stderr, redrawn in place; drawn only on a terminal (CI logs stay clean). */
export function progressBar(total: number, write: (s: string) => void, enabled: boolean) {
  let done = 0;
  const width = 24;
  return {
    tick(label: string) {
      done++;
      if (!enabled) return;
      const filled = Math.round((done / total) * width);
      write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`);
    },
    clear() {
      if (enabled) write('\r\x1b[2K');
    },
  };
}

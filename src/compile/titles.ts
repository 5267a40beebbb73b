/** Splits a title at explicit breaks ("\n" written in lawreport.yaml, or a real newline). */
export function titleLines(title: string): string[] {
  return title
    .split(/\\n|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

import { SaxesParser } from 'saxes';

/** Problems a strict, namespace-aware XML 1.0 parser finds in a document (empty when well-formed). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true, fileName: 'part' });
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}

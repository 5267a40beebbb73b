/** The words of an mdast node, markup dropped. */
export function plainText(node: object): string {
  const n = node as { children?: object[]; value?: unknown };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map((c) => plainText(c)).join('');
}

import type { YamlDocument } from './yaml.js';

/** A mapping key whose parent, as the file is laid out, is a line still commented out. */
export interface CommentedParent {
  /** JSON pointer of the key as YAML reads it (under another parent, or at the top). */
  pointer: string;
  /** Offset of the key in the text. */
  keyStart: number;
  /** The commented-out parent key ("petitions") and its 1-based line. */
  parent: string;
  line: number;
}

interface Open {
  indent: number;
  /** A commented-out `key:` that opens a mapping (nothing after the colon but a comment). */
  commentedParent?: { key: string; line: number };
}

/**
 * Keys indented under a commented-out parent: `metrics.yaml` lists every figure commented out
 * (`# petitions:` / `#   batches:`), and a clerk who uncomments `  batches: 12` but not its group
 * line gets a key YAML files under the group above, or at the top. One pass over the lines with a
 * stack of the lines still open by indentation (commented keys counted at their uncommented
 * indentation); a key whose nearest less-indented line is a commented parent is reported.
 */
export function commentedParents(doc: YamlDocument): CommentedParent[] {
  const keys = new Map<number, string>();
  for (const [pointer, span] of doc.spans) if (span.keyStart !== undefined) keys.set(span.keyStart, pointer);
  const found: CommentedParent[] = [];
  const stack: Open[] = [];
  const close = (indent: number) => {
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
  };
  let offset = 0;
  doc.text.split('\n').forEach((line, i) => {
    const start = offset;
    offset += line.length + 1;
    const comment = /^( *)#\s?( *)(.*)$/.exec(line);
    if (comment) {
      const key = /^([A-Za-z_][\w-]*):(\s.*)?$/.exec(comment[3]!.trimEnd());
      if (!key) return; // prose: neither opens nor closes anything
      const indent = comment[1]!.length + comment[2]!.length;
      close(indent);
      const opens = !key[2] || /^\s*(#.*)?$/.test(key[2]);
      stack.push({ indent, commentedParent: opens ? { key: key[1]!, line: i + 1 } : undefined });
      return;
    }
    if (line.trim() === '') return;
    const indent = line.length - line.trimStart().length;
    close(indent);
    const parent = stack.at(-1)?.commentedParent;
    const pointer = keys.get(start + indent);
    if (parent && pointer !== undefined) found.push({ pointer, keyStart: start + indent, parent: parent.key, line: parent.line });
    stack.push({ indent });
  });
  return found;
}

/** What every renderer shares: inline text, list markers, the attachments line. */
import type { List, PhrasingContent, RootContent } from 'mdast';

/** Plain text of inline content, as the TXT output and DOCX fallbacks show it. */
export function inlineText(nodes: readonly PhrasingContent[] | readonly RootContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ? `［图：${node.alt}］` : '［图］';
        break;
      case 'link': {
        const text = inlineText(node.children);
        out += text === node.url || node.url.startsWith('#') ? text : `${text}（${node.url.replace(/^mailto:/, '')}）`;
        break;
      }
      case 'footnoteReference':
        out += `[${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) out += inlineText(node.children as PhrasingContent[]);
        break;
    }
  }
  return out;
}

/** List markers match the other outputs: 「1.」 for ordered items, 「·」 for bullets. */
export function listMarker(list: List, index: number): string {
  return list.ordered ? `${(list.start ?? 1) + index}.` : '·';
}

/** 「附件：1. …」 as GB/T 9704 lists them. */
export function attachmentsText(attachments: string[]): string {
  if (attachments.length === 1) return `附件：${attachments[0]}`;
  return attachments.map((a, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${a}`).join('\n');
}

import type { PhrasingContent, RootContent } from 'mdast';

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

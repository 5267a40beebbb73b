/**
 * What each HTML element written in a chapter becomes in the document vocabulary (model.ts),
 * as data: compile/lower.ts reads these lists and nothing else decides. An element in none of
 * them is unwrapped with a warning (its text is printed, its meaning is not).
 */

/** Inline elements every format renders, and the node they become. */
export const INLINE_ELEMENTS: Readonly<Record<string, 'strong' | 'emphasis' | 'underline' | 'delete' | 'superscript' | 'subscript'>> = {
  b: 'strong',
  strong: 'strong',
  i: 'emphasis',
  em: 'emphasis',
  u: 'underline',
  ins: 'underline',
  s: 'delete',
  del: 'delete',
  strike: 'delete',
  sup: 'superscript',
  sub: 'subscript',
};

/** Containers that only group (or style, in ways a 公文 does not use): unwrapped without a word, their content kept. */
export const GROUPING_ELEMENTS = new Set([
  'div', 'span', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'address',
  'thead', 'tbody', 'tfoot', 'colgroup', 'col', 'abbr', 'cite', 'dfn', 'time', 'var', 'bdi', 'bdo', 'wbr', 'o:p',
]);

/** Dropped with everything inside: they run, load, embed or ask for input, and no output shows them. */
export const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas',
  'video', 'audio', 'source', 'track', 'picture', 'map', 'area', 'form', 'input', 'button', 'select', 'option', 'textarea', 'label',
  'fieldset', 'legend', 'output', 'progress', 'meter', 'dialog', 'title', 'xmp', 'meta', 'link', 'base', 'head',
]);

/** Block elements with a node of their own (tables, lists, quotes, headings, pre, rules are handled by name). */
export const BLOCK_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'dl', 'dt', 'dd']);

/** Links every output can follow: the web, mail, and places within the chapter. */
export const LINK_PROTOCOL = /^(?:https?:|mailto:|#)/i;

/** Word's limit on a table's columns; a span beyond it is a paste accident, never a report's table. */
export const MAX_TABLE_COLUMNS = 63;

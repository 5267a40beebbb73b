import type { Schema } from 'hast-util-sanitize';

const cellAttributes = ['align', 'colSpan', 'rowSpan'];

/**
 * What chapter HTML may contain: the text-level and block elements a 法治政府建设年度报告 uses
 * (paragraphs, emphasis, sub/superscripts, lists, quotes, tables with merged cells, images,
 * links, GFM footnotes), nothing that runs, loads, styles or submits. Unknown elements are
 * unwrapped (their text stays); the `strip` ones go with their content.
 */
export const reportSchema: Schema = {
  tagNames: [
    'p', 'br', 'hr', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'mark', 'small', 'q',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'ol', 'ul', 'li', 'blockquote', 'pre', 'code',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'a', 'img', 'section', 'figure', 'figcaption',
  ],
  attributes: {
    a: ['href', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    th: [...cellAttributes, 'scope'],
    td: cellAttributes,
    li: ['id'],
    p: ['id', ['className', 'footnotes-label']],
    sup: ['id'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    code: [['className', /^language-./]],
    '*': ['title', 'lang'],
  },
  required: {},
  ancestors: { tbody: ['table'], tfoot: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'], caption: ['table'], li: ['ol', 'ul'] },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
  // Ids are namespaced per chapter by chapterHtml itself (hrefs too, which sanitize would not follow).
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'object', 'embed', 'svg', 'math', 'select'],
  allowComments: false,
  allowDoctypes: false,
};

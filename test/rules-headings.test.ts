import { headingLevel } from '../src/check/rules/heading-level.js';
import { headingTypedNumber } from '../src/check/rules/heading-typed-number.js';
import { ruleTester } from './rule-tester.js';

const other = (body: string) => ({ 'chapters/05-other.md': `---\nid: other\n---\n\n${body}` });

ruleTester(headingTypedNumber, {
  valid: [
    { name: 'the example report', files: {} },
    { name: 'a figure that merely starts a heading', files: other('## 12345热线\n\n正文。\n') },
    { name: 'a chapter\'s own title may carry its number', files: other('# 五、其他\n\n正文。\n') },
    { name: 'a number inside emphasis is the writer\'s own text', files: other('## **（一）**强化统筹推进\n') },
  ],
  invalid: [
    {
      name: 'four typed numbers, each at its line',
      files: other('## （一）强化统筹推进\n\n## (二)健全机制\n\n### 1、落实制度\n\n### 2.规范审查\n'),
      errors: [
        { file: 'chapters/05-other.md', line: 5, column: 1, message: /“（一）”/ },
        { line: 7, column: 1, message: /“\(二\)”/ },
        { line: 9, column: 1, message: /“1、”/ },
        { line: 11, column: 1, message: /“2.”/ },
      ],
      output: { 'chapters/05-other.md': '---\nid: other\n---\n\n## 强化统筹推进\n\n## 健全机制\n\n### 落实制度\n\n### 规范审查\n' },
    },

  ],
});

ruleTester(headingLevel, {
  valid: [
    { name: 'the example report', files: {} },
    { name: 'a leading # is the chapter title, after a comment too', files: other('<!-- 说明 -->\n\n# 其他\n\n正文。\n') },
  ],
  invalid: [{ name: 'a # inside the body', files: other('正文。\n\n# 加强执法监督\n'), errors: [{ line: 7, column: 1 }] }],
});

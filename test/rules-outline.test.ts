import { chapterDuplicate } from '../src/check/rules/chapter-duplicate.js';
import { chapterMissing } from '../src/check/rules/chapter-missing.js';
import { chapterUnknown } from '../src/check/rules/chapter-unknown.js';
import { ruleTester } from './rule-tester.js';

ruleTester(chapterMissing, {
  valid: [
    { name: 'the example has every required chapter', files: {} },
    { name: 'the optional chapter "other" may be absent, and a chapter may be found by its Chinese file name', files: { 'chapters/04-next-year.md': null, 'chapters/04-下一步打算.md': '明年的安排。' } },
  ],
  invalid: [
    {
      name: 'the first-responsible chapter is missing',
      files: { 'chapters/03-first-responsible.md': null },
      errors: [{ file: 'chapters', message: /第一责任人.*first-responsible/ }],
    },
    {
      name: 'two chapters are missing',
      files: { 'chapters/02-shortcomings.md': null, 'chapters/04-next-year.md': null },
      errors: [{ message: /shortcomings/ }, { message: /next-year/ }],
    },
  ],
});

ruleTester(chapterUnknown, {
  valid: [
    { name: 'a preface and the outline chapters', files: {} },
    { name: 'front matter id wins over the file name', files: { 'chapters/05-misc.md': '---\nid: other\n---\n其他情况。' } },
  ],
  invalid: [
    {
      name: 'a file named after no chapter',
      files: { 'chapters/05-extra.md': '正文。' },
      errors: [{ file: 'chapters/05-extra.md', line: 1, column: 1, message: /“extra”不在提纲/ }],
    },
    {
      name: 'a misspelt id gets a suggestion',
      files: { 'chapters/05-x.md': '---\nid: shortcomming\n---\n正文。' },
      errors: [{ file: 'chapters/05-x.md', message: /shortcomming/ }],
    },
  ],
});

ruleTester(chapterDuplicate, {
  valid: [{ name: 'one file per chapter', files: {} }],
  invalid: [
    {
      name: 'two files claim measures',
      files: { 'chapters/01b-more.md': '---\nid: measures\n---\n更多。' },
      errors: [{ file: 'chapters/01b-more.md', message: /measures/, related: 1 }],
    },
  ],
});

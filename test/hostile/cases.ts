import iconv from 'iconv-lite';

/**
 * The hostile-input corpus: each case is the example report with some files replaced, and
 * what the tool must do with it. Every case must finish without a crash or hang, leave the
 * sources as they were, and leave either complete outputs or none.
 */
export interface HostileCase {
  class:
    | 'markdown' | 'template' | 'yaml' | 'files' | 'text'
    // Round two (issue 15).
    | 'lost-text' | 'image-path' | 'dates' | 'special-files' | 'batch-collisions' | 'output-escape' | 'superlinear'
    | 'read-caps' | 'closed-stdout' | 'long-names' | 'image-header' | 'template-errors' | 'big-numbers' | 'messages';
  name: string;
  /** Files to write into a copy of the example (relative path → content; Buffer for raw bytes; `$ROOT` is the case's temp folder). */
  files: Record<string, string | Buffer>;
  /** Symlinks to create: link path → target. */
  symlinks?: Record<string, string>;
  /** Named pipes (FIFOs) to make at these paths, each replacing a file (POSIX only). */
  fifos?: string[];
  /** Unix sockets listening at these paths while the case runs, each replacing a file (POSIX only). */
  sockets?: string[];
  /** Folders to make at these paths, each replacing a file. */
  folders?: string[];
  /** Sparse files of this many bytes (they use no disk), each replacing a file. */
  sparse?: Record<string, number>;
  /** More copies of the example, at these paths in the case's temp folder, with their own files. */
  reports?: Record<string, Record<string, string | Buffer>>;
  /** The whole command line (default: `build` and `args`); `$ROOT` is the case's temp folder. */
  argv?: string[];
  /** Extra command-line arguments for `build`. */
  args?: string[];
  /** Where the command runs, relative to the case's temp folder (default: the report folder). */
  cwd?: string;
  /** The reader of stdout goes away after this many bytes (like `| head -c N`). */
  closeStdoutAfter?: number;
  /** The exit code a user should see. */
  exit: 0 | 1 | 2;
  /** A rule id or text that must be reported (stdout + stderr). */
  expect?: string | RegExp;
  /** What must not be reported. */
  notExpect?: RegExp;
  /** Text the TXT output (or stdout) must hold. */
  outputContains?: string;
  /** Output files the run must leave, all distinct (default: not counted). */
  outputs?: number;
  /** Every output file's name must match. */
  namesMatch?: RegExp;
  /** stdout + stderr stay below this many bytes. */
  maxOutputBytes?: number;
  /** The process's peak resident memory stays below this many MB (what a limit promises to bound). */
  maxRssMB?: number;
}

const CHAPTER = 'chapters/05-other.md';
const chapter = (body: string) => ({ [CHAPTER]: `---\nid: other\n---\n\n${body}\n` });
const LOL = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

export const cases: HostileCase[] = [
  // Markdown: the CommonMark reference implementation's pathological shapes.
  { class: 'markdown', name: '10,000 nested block quotes', files: chapter('>'.repeat(10_000) + ' 深'), exit: 1, expect: 'markdown-too-deep' },
  { class: 'markdown', name: '1,000 nested list levels', files: chapter(Array.from({ length: 1000 }, (_, i) => ' '.repeat(i * 2) + '- 项').join('\n')), exit: 1, expect: 'markdown-too-deep' },
  { class: 'markdown', name: '12,000 separate one-line quotes', files: chapter('> 甲\n\n'.repeat(12_000)), exit: 1, expect: 'markdown-too-complex' },
  { class: 'markdown', name: '4,000 three-level nested lists', files: chapter('- 甲\n  - 乙\n    - 丙\n'.repeat(4000)), exit: 1, expect: 'markdown-too-complex' },
  { class: 'markdown', name: '800 quotes nested 30 deep', files: chapter(('>'.repeat(30) + ' 深\n\n').repeat(800)), exit: 1, expect: 'markdown-too-complex' },
  { class: 'markdown', name: 'a long flat list (1,000 items) is fine', files: chapter('- 项目\n'.repeat(1000)), exit: 0 },
  { class: 'markdown', name: '100,000 unmatched [', files: chapter('['.repeat(100_000) + '文'), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: '30,000 unmatched emphasis openers', files: chapter('*甲 '.repeat(30_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: '30,000 unmatched emphasis closers', files: chapter('甲* '.repeat(30_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: 'mixed * and _ runs', files: chapter('*甲 _乙 '.repeat(20_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: 'long backtick runs', files: chapter(Array.from({ length: 5000 }, (_, i) => '`'.repeat((i % 60) + 1)).join(' 甲 ')), exit: 0 },
  { class: 'markdown', name: '30,000 unclosed links', files: chapter('[甲](乙 '.repeat(30_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: '20,000 nested link openers', files: chapter('[甲'.repeat(20_000) + '](b)'.repeat(20_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: 'a 1 MB line of *', files: chapter('*'.repeat(1_000_000)), exit: 0 },
  { class: 'markdown', name: 'a 1 MB paragraph of * inside text', files: chapter('正文' + '*'.repeat(1_000_000)), exit: 0, expect: 'markdown-delimiters' },
  { class: 'markdown', name: 'NUL and other control characters', files: chapter('甲\u0000乙\u0007丙\u001b丁'), exit: 0, expect: 'control-character' },
  { class: 'markdown', name: '5,000 link reference definitions', files: chapter('[甲]: http://example.com\n'.repeat(5000) + '[甲]'.repeat(1000)), exit: 0 },
  // Templates: prototype payloads, in chapters and in a report's own .hbs.
  { class: 'template', name: '{{constructor}}', files: chapter('{{constructor}}'), exit: 1, expect: 'template-unknown-path' },
  { class: 'template', name: '{{__proto__}}', files: chapter('{{__proto__}}'), exit: 1, expect: 'template-unknown-path' },
  { class: 'template', name: '{{disputes.constructor.name}}', files: chapter('{{disputes.constructor.name}}'), exit: 1, expect: 'template-unknown-path' },
  { class: 'template', name: '{{#with constructor}}', files: chapter('{{#with constructor}}{{name}}{{/with}}'), exit: 1, expect: 'template-unknown-path' },
  { class: 'template', name: '{{__lookupGetter__ …}}', files: chapter('{{__lookupGetter__ "__proto__"}}'), exit: 1, expect: 'template-unknown-helper' },
  { class: 'template', name: 'lookup of constructor renders empty', files: chapter('前{{lookup disputes "constructor"}}后'), exit: 0 },
  { class: 'template', name: 'nested lookup of the prototype renders empty', files: chapter('前{{lookup (lookup disputes "constructor") "prototype"}}后'), exit: 0 },
  { class: 'template', name: 'helperMissing and blockHelperMissing', files: chapter('{{helperMissing}}{{#blockHelperMissing}}x{{/blockHelperMissing}}'), exit: 1 },
  { class: 'template', name: 'partials', files: chapter('{{> evil}}'), exit: 1, expect: 'template-unsupported' },
  { class: 'template', name: 'a report title template reaching for the prototype', files: { 'templates/title.hbs': '{{report.constructor.constructor}}' }, exit: 1, expect: 'template-unknown-path' },
  { class: 'template', name: 'triple-stash raw output', files: chapter('{{{report.org}}}<script>alert(1)</script>'), exit: 0 },
  // YAML.
  { class: 'yaml', name: 'billion laughs in metrics.yaml', files: { 'metrics.yaml': LOL }, exit: 1, expect: 'yaml-syntax' },
  { class: 'yaml', name: 'billion laughs in front matter', files: { [CHAPTER]: `---\n${LOL}\nid: other\n---\n正文` }, exit: 1, expect: 'front-matter' },
  { class: 'yaml', name: '5,000-deep [ in metrics.yaml', files: { 'metrics.yaml': 'x: ' + '['.repeat(5000) }, exit: 1, expect: 'yaml-syntax' },
  { class: 'yaml', name: 'duplicate keys', files: { 'lawreport.yaml': 'org: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\nyear: 2023\n' }, exit: 1, expect: 'yaml-duplicate-key' },
  { class: 'yaml', name: '__proto__ and merge keys in lawreport.yaml', files: { 'lawreport.yaml': 'base: &b {__proto__: {polluted: 1}}\norg: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\n<<: *b\n' }, exit: 1 },
  { class: 'yaml', name: 'a 2 MB metrics.yaml', files: { 'metrics.yaml': '# ' + '填'.repeat(1_000_000) + '\n' }, exit: 2, expect: 'source-too-large' },
  { class: 'yaml', name: 'lawreport.yaml is a list', files: { 'lawreport.yaml': '- org: 示例镇\n' }, exit: 1, expect: 'yaml-not-mapping' },
  { class: 'yaml', name: 'tabs and non-printable characters in YAML', files: { 'metrics.yaml': 'disputes:\n\treceived: 68\u0007\n' }, exit: 1, expect: 'yaml-syntax' },
  // Files.
  { class: 'files', name: 'image path with ../', files: chapter('![x](../../../../etc/passwd)'), exit: 1, expect: 'image-outside' },
  { class: 'files', name: 'absolute image path', files: chapter('![x](/etc/passwd)'), exit: 1, expect: 'image-outside' },
  { class: 'files', name: 'symlinked image pointing out of the folder', files: chapter('![x](images/x.png)'), symlinks: { 'images/x.png': '/etc/passwd' }, exit: 1, expect: 'image-outside' },
  { class: 'files', name: 'remote image', files: chapter('![x](https://example.com/x.png)'), exit: 1, expect: 'image-remote' },
  { class: 'files', name: 'output folder is the report folder', files: {}, args: ['-o', '.'], exit: 2, expect: '不能是报告文件夹本身' },
  { class: 'files', name: 'output folder inside chapters/', files: {}, args: ['-o', 'chapters/out'], exit: 2, expect: '不能是报告文件夹本身' },
  // Text.
  { class: 'text', name: 'a chapter of 1 MB without line breaks', files: chapter('法治政府建设'.repeat(170_000)), exit: 0 },
  { class: 'text', name: 'lone surrogates and U+FFFF', files: chapter('甲\uD800乙\uFFFF丙'), exit: 0 },
  { class: 'text', name: 'a chapter saved as GBK by Notepad', files: { [CHAPTER]: iconv.encode('---\nid: other\n---\n\n镇政府依法行政，成效明显。\n', 'gbk') }, exit: 0, expect: 'source-encoding' },
  { class: 'text', name: 'a chapter saved as UTF-16 with BOM', files: { [CHAPTER]: iconv.encode('---\nid: other\n---\n\n镇政府依法行政。\n', 'utf-16le', { addBOM: true }) }, exit: 0, expect: 'source-encoding' },
  { class: 'text', name: 'a chapter with UTF-8 BOM', files: { [CHAPTER]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\nid: other\n---\n\n镇政府依法行政。\n')]) }, exit: 0 },
  { class: 'text', name: 'a metrics.yaml of random bytes', files: { 'metrics.yaml': Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)) }, exit: 1, expect: 'source-encoding' },
];

import type { Severity } from './diagnostic.js';
import type { DiagnosticMeta } from './definition.js';

/** Categories in the order a report goes through them; categories not listed here follow, by name. */
const STAGES: Record<string, { zh: string; en: string }> = {
  load: { zh: '读取', en: 'Loading' },
  schema: { zh: '配置、提纲和指标目录的校验', en: 'Configuration, profile and catalog validation' },
  outline: { zh: '提纲与结构', en: 'Outline and structure' },
  figures: { zh: '数据一致性', en: 'Figure consistency' },
  dates: { zh: '日期与年份', en: 'Dates and years' },
  wording: { zh: '公文用语', en: 'Wording' },
  template: { zh: '模板与数据引用', en: 'Templates and figure references' },
  markdown: { zh: '标题与编号', en: 'Headings and numbering' },
  image: { zh: '图片', en: 'Images' },
  import: { zh: '导入已发布的报告（lawreport import）', en: 'Importing a published report (lawreport import)' },
  summary: { zh: '区县汇总（lawreport summary）', en: 'District summary (lawreport summary)' },
};

const SEVERITY: Record<Severity, string> = { error: '错误（error）', warning: '警告（warning）', info: '提示（info）' };

/**
 * docs/rules.md, generated from the rules' meta so the documentation, the messages and the
 * rule list cannot drift apart (`npm run docs` writes it; a test fails when it is stale).
 */
export function rulesMarkdown(metas: readonly DiagnosticMeta[]): string {
  const stageOf = (m: DiagnosticMeta) => m.category;
  const known = Object.keys(STAGES);
  const stages = [...new Set(metas.map(stageOf))].sort((a, b) => rank(a, known) - rank(b, known) || a.localeCompare(b));
  const label = (stage: string) => STAGES[stage] ?? { zh: stage === 'other' ? '其他规则' : stage, en: stage === 'other' ? 'Other rules' : stage };

  const out: string[] = [
    '# 规则 / Rules',
    '',
    '<!-- 由 `npm run docs` 从各规则的 meta 生成，请勿手工修改。 Generated from the rules\' meta by `npm run docs`; do not edit by hand. -->',
    '',
    '`lawreport check` 和 `lawreport build` 报告的每个问题都带一个规则 id（如 `[chapter-missing]`）。本页列出全部规则：它查什么、为什么、例子、怎样改正或关闭。',
    '',
    'Every problem `lawreport check` and `lawreport build` report carries a rule id (such as `[chapter-missing]`). This page lists them all: what each checks, why, an example, how to fix or silence it.',
    '',
    '## 调整严重程度 / Changing severities',
    '',
    '在 `lawreport.yaml` 的 `rules:` 下按规则 id 写 `off`、`info`、`warning` 或 `error`（也可写成 `[warning]`）。`error` 使 `check` 以退出码 1 结束、`build` 不生成输出；`warning` 只在 `check --strict` 时使 `check` 失败。',
    '标为“不可调整”的规则出现时报告无法继续编译，写在 `rules:` 里也不会生效（会得到 `config-unknown-rule` 警告）。',
    '',
    'Under `rules:` in `lawreport.yaml`, set a rule id to `off`, `info`, `warning` or `error` (or `[warning]`). An `error` makes `check` exit 1 and `build` write nothing; a `warning` fails `check` only with `--strict`. Rules marked "fixed" stop the compilation; setting them has no effect (and draws a `config-unknown-rule` warning).',
    '',
    '```yaml',
    'rules:',
    '  chapter-order: off',
    '  chapter-unknown: error',
    '```',
    '',
    '| id | 默认 / default | 说明 / what |',
    '| --- | --- | --- |',
    ...stages.flatMap((stage) =>
      metas.filter((m) => stageOf(m) === stage).map((m) => `| [\`${m.id}\`](#${m.id}) | ${m.severity}${m.fixedSeverity ? '（不可调整 / fixed）' : ''} | ${cell(m.description.zh)} |`),
    ),
    '',
  ];

  for (const stage of stages) {
    out.push(`## ${label(stage).zh} / ${label(stage).en}`, '');
    for (const m of metas.filter((x) => stageOf(x) === stage)) out.push(...ruleSection(m));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function ruleSection(m: DiagnosticMeta): string[] {
  const lines = [
    `### ${m.id}`,
    '',
    `默认：${SEVERITY[m.severity]}${m.fixedSeverity ? '，不可调整 / fixed' : ''}${m.fixable ? '；可自动修正 / fixable（`lawreport check --fix`）' : ''}${m.readError ? '；退出码 2 / exit code 2' : ''}`,
    '',
    `**查什么 / What.** ${m.description.zh}  `,
    m.description.en,
    '',
    `**为什么 / Why.** ${m.why.zh}  `,
    m.why.en,
    '',
  ];
  if (m.example) {
    const lang = fenceLanguage(m.example.bad + m.example.good);
    lines.push('错误 / Wrong:', '', '```' + lang, m.example.bad.trimEnd(), '```', '', '正确 / Right:', '', '```' + lang, m.example.good.trimEnd(), '```', '');
  }
  lines.push(`**怎样改 / How to fix.** ${m.fix.zh}  `, m.fix.en, '');
  const options = (m as { options?: { schema: { properties?: Record<string, { description?: string }> }; defaults: Record<string, unknown> } }).options;
  if (options?.schema.properties) {
    lines.push('**选项 / Options** (`rules: { ' + m.id + ': [warning, { … }] }`)：', '');
    for (const [name, p] of Object.entries(options.schema.properties)) {
      lines.push(`- \`${name}\`（默认 / default ${JSON.stringify(options.defaults[name])}）：${p.description ?? ''}`);
    }
    lines.push('');
  }
  lines.push(
    m.fixedSeverity
      ? '**关闭 / Silence.** 不能关闭：出现这个问题时报告无法编译。Cannot be silenced: the report cannot be compiled past it.'
      : `**关闭 / Silence.** 在 lawreport.yaml 中写 \`rules: { ${m.id}: off }\`（或 \`warning\`、\`info\`）。Set \`rules: { ${m.id}: off }\` (or \`warning\`, \`info\`) in lawreport.yaml.`,
    '',
  );
  return lines;
}

function rank(stage: string, known: string[]): number {
  const i = known.indexOf(stage);
  return i < 0 ? known.length : i;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A file listing, YAML or Markdown: how the example is best highlighted. */
function fenceLanguage(text: string): string {
  if (/^chapters\//m.test(text)) return 'text';
  if (/\{\{|^#{1,6} /m.test(text)) return 'markdown';
  if (/^\s*-?\s*[\w$-]+:/m.test(text)) return 'yaml';
  return 'markdown';
}

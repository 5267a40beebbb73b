import { loc } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../source/line-index.js';
import { CONFIG_FILE } from '../../load/report.js';
import type { YamlDocument } from '../../source/yaml.js';
import type { Finding, Rule } from '../rule.js';

/**
 * What templates and drafts leave behind: TODO/FIXME, 待补充/待填写/待完善/待定, runs of X or ×
 * standing for a name or number, and 【…】 blanks. Latin words that merely contain "xx" are spared.
 */
const PLACEHOLDER = /\b(?:TODO|FIXME|TBD)\b|(?<![有尚仍亟还])待(?:补充|填写|完善|定|核实)|(?<![A-Za-z0-9])(?:[Xx]{2,}|[Ｘｘ×]{2,})(?![A-Za-z0-9])|【[^】\n]{0,40}】/g;

/** Comments print nothing, so a TODO inside one is a note for the writer, not a blank in the report. */
const COMMENT = /<!--[\s\S]*?-->|\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

export const chapterPlaceholder: Rule = {
  meta: {
    id: 'chapter-placeholder',
    category: 'outline',
    severity: 'error',
    description: loc(
      '正文或 lawreport.yaml 印出的字段（报告主体、标题、署名、附件）里还留着占位文字（TODO、待补充、XXX、【……】）。',
      'The text, or a field of lawreport.yaml that is printed (body, title, signature, attachments), still holds placeholder text (TODO, 待补充, XXX, 【…】).',
    ),
    why: loc(
      '从模板或去年报告改写时留下的空位，一旦印进公开的报告就是事故。',
      'Blanks left from a template or last year\'s report become an incident once the report is published.',
    ),
    fix: loc('填上实际内容，删去占位文字；写给自己的备注放进 <!-- --> 注释。', 'Fill in the real content and remove the placeholder; notes to yourself go in <!-- --> comments.'),
    example: { bad: '全年受理矛盾纠纷XX件，调解成功【待补充】件。\n', good: '全年受理矛盾纠纷{{fig disputes.received}}，调解成功{{fig disputes.mediated}}。\n' },
  },
  check({ source, report }) {
    // A placeholder left in a chapter the outline does not require may go with its whole file.
    const optional = new Set(['preface', ...source.profile.chapters.filter((c) => !c.required).map((c) => c.id)]);
    for (const chapter of source.chapters) {
      const deletable = chapter.id !== undefined && optional.has(chapter.id);
      const text = chapter.body.replace(COMMENT, (m) => m.replace(/[^\n]/g, ' '));
      const lines = new LineIndex(chapter.body);
      for (const match of text.matchAll(PLACEHOLDER)) {
        const start = lines.position(match.index);
        const end = lines.position(match.index + match[0].length);
        report({ file: chapter.file, ...start, endLine: end.line, endColumn: end.column, ...placeholder(match[0], deletable) });
      }
    }
    checkConfig(source.configDoc, report);
  },
};

/** `deletable`: the chapter is optional, so its file can go instead of being filled. */
function placeholder(text: string, deletable = false): Pick<Finding, 'message' | 'hint'> {
  if (deletable) {
    return {
      message: loc(`占位文字“${text}”还没有替换；这一章是可选的。`, `Placeholder "${text}" has not been replaced; this chapter is optional.`),
      hint: loc(
        '填上实际内容；没有要写的，删除这个文件即可。写给自己的备注放进 <!-- --> 注释。',
        'Fill in the real content, or, with nothing to report, delete this file. Notes to yourself go in <!-- --> comments.',
      ),
    };
  }
  return {
    message: loc(`占位文字“${text}”还没有替换。`, `Placeholder "${text}" has not been replaced.`),
    hint: loc('填上实际内容；写给自己的备注放进 <!-- --> 注释。', 'Fill in the real content; notes to yourself go in <!-- --> comments.'),
  };
}

/** The fields of lawreport.yaml that end up printed: "XX镇人民政府" left from a template is as bad there. */
function checkConfig(doc: YamlDocument, report: (d: Finding) => void) {
  const config = doc.value as Record<string, unknown>;
  const fields: [string, unknown][] = [['/org', config.org], ['/title', config.title]];
  for (const key of ['signature', 'attachments']) {
    const value = config[key];
    if (Array.isArray(value)) value.forEach((v, i) => fields.push([`/${key}/${i}`, v]));
    else fields.push([`/${key}`, value]);
  }
  for (const [pointer, value] of fields) {
    const span = doc.spans.get(pointer);
    if (typeof value !== 'string' || !span) continue;
    for (const match of value.matchAll(PLACEHOLDER)) {
      // Point into the scalar when the source spells it as parsed (plain or simply quoted), else at its start.
      const quote = /['"]/.test(doc.text[span.valueStart] ?? '') ? 1 : 0;
      const offset = span.valueStart + quote + match.index;
      const exact = doc.text.slice(offset, offset + match[0].length) === match[0];
      const start = doc.lines.position(exact ? offset : span.valueStart);
      report({ file: CONFIG_FILE, ...start, ...placeholder(match[0]) });
    }
  }
}

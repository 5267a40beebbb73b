import { loc } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../diagnostics/position.js';
import type { Rule } from '../rule.js';

/**
 * What templates and drafts leave behind: TODO/FIXME, 待补充/待填写/待完善/待定, runs of X or ×
 * standing for a name or number, and 【…】 blanks. Latin words that merely contain "xx" are spared.
 */
const PLACEHOLDER = /\b(?:TODO|FIXME|TBD)\b|待(?:补充|填写|完善|定|核实)|(?<![A-Za-z0-9])(?:[Xx]{2,}|[Ｘｘ×]{2,})(?![A-Za-z0-9])|【[^】\n]{0,40}】/g;

/** Comments print nothing, so a TODO inside one is a note for the writer, not a blank in the report. */
const COMMENT = /<!--[\s\S]*?-->|\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

export const chapterPlaceholder: Rule = {
  meta: {
    id: 'chapter-placeholder',
    stage: 'outline',
    severity: 'error',
    description: loc('正文里还留着占位文字（TODO、待补充、XXX、【……】）。', 'The text still holds placeholder text (TODO, 待补充, XXX, 【…】).'),
    why: loc(
      '从模板或去年报告改写时留下的空位，一旦印进公开的报告就是事故。',
      'Blanks left from a template or last year\'s report become an incident once the report is published.',
    ),
    fix: loc('填上实际内容，删去占位文字；写给自己的备注放进 <!-- --> 注释。', 'Fill in the real content and remove the placeholder; notes to yourself go in <!-- --> comments.'),
    example: { bad: '全年受理矛盾纠纷XX件，调解成功【待补充】件。\n', good: '全年受理矛盾纠纷{{fig disputes.received}}，调解成功{{fig disputes.mediated}}。\n' },
  },
  check({ source, report }) {
    for (const chapter of source.chapters) {
      const text = chapter.body.replace(COMMENT, (m) => m.replace(/[^\n]/g, ' '));
      const lines = new LineIndex(chapter.body);
      for (const match of text.matchAll(PLACEHOLDER)) {
        const start = lines.position(match.index);
        const end = lines.position(match.index + match[0].length);
        report({
          file: chapter.file,
          ...start,
          endLine: end.line,
          endColumn: end.column,
          message: loc(`占位文字“${match[0]}”还没有替换。`, `Placeholder "${match[0]}" has not been replaced.`),
          hint: loc('填上实际内容；写给自己的备注放进 <!-- --> 注释。', 'Fill in the real content; notes to yourself go in <!-- --> comments.'),
        });
      }
    }
  },
};

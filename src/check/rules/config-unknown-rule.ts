import { loc } from '../../diagnostics/diagnostic.js';
import { nearest } from '../../diagnostics/suggest.js';
import { CONFIG_FILE } from '../../load/report.js';
import { pointerEscape, positionOf } from '../../source/yaml.js';
import type { Rule } from '../rule.js';

export const configUnknownRule: Rule = {
  meta: {
    id: 'config-unknown-rule',
    category: 'outline',
    severity: 'warning',
    description: loc(
      'lawreport.yaml 的 rules 中写了不存在的规则，或想改变一个不能改变的规则。',
      'lawreport.yaml rules names a rule that does not exist, or one whose severity cannot change.',
    ),
    why: loc('写错的规则名不会生效，以为关掉的检查其实还在（或反过来）。', 'A misspelt rule id has no effect: a check you think is off is still on, or the other way round.'),
    fix: loc('按“是不是……”的建议改正规则名；规则名见 docs/rules.md。', 'Correct the id as suggested; rule ids are listed in docs/rules.md.'),
    example: { bad: 'rules:\n  chapter-oder: off\n', good: 'rules:\n  chapter-order: off\n' },
  },
  check({ source, report, known: metas }) {
    for (const id of Object.keys(source.config.rules)) {
      const meta = metas.find((m) => m.id === id);
      if (meta && !meta.fixedSeverity) continue;
      const at = { file: CONFIG_FILE, ...positionOf(source.configDoc, `/rules/${pointerEscape(id)}`, 'key') };
      if (meta) {
        report({
          ...at,
          message: loc(`规则“${id}”的严重程度不能改变：出现这个问题时无法继续生成报告。`, `The severity of "${id}" cannot change: the report cannot be built past it.`),
          hint: loc('删去这一行，改正报告中的问题。', 'Remove the line and fix the problem in the report.'),
        });
        continue;
      }
      const guess = nearest(id, metas.map((m) => m.id));
      report({
        ...at,
        message: loc(`没有名为“${id}”的规则。`, `There is no rule "${id}".`),
        hint: guess ? loc(`是不是“${guess}”？`, `Did you mean "${guess}"?`) : loc('规则名见 docs/rules.md。', 'Rule ids are listed in docs/rules.md.'),
      });
    }
  },
};

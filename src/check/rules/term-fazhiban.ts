import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const termFazhiban = wordingRule(
  {
    id: 'term-fazhiban',
    category: 'wording',
    severity: 'warning',
    description: loc('提到已撤销的“法制办”。', 'Mentions the 法制办, an office abolished in 2018.'),
    why: loc(
      '2018 年机构改革后，政府法制办的职责并入司法行政机关（司法局、司法所）。沿用旧名多半是照抄了往年的材料。',
      'The 2018 reform merged the government legal affairs offices (法制办) into the justice bureaus (司法行政). The old name usually means text copied from an old report.',
    ),
    fix: loc('改为现在承担该职责的机关，如“司法局”“司法所”；确指历史机构时可在 rules: 中关闭本规则。', 'Name the body that does the work now, such as 司法局 or 司法所; if the historical office is meant, turn the rule off under rules:.'),
    example: { bad: '由镇法制办审核。', good: '由镇司法所审核。' },
  },
  /法制办(?:公室)?/g,
  (m) => ({
    message: loc(`“${m[0]}”已于 2018 年并入司法行政机关，请核对。`, `"${m[0]}" was merged into the justice administration in 2018; please check.`),
    hint: loc('改为“司法局”或“司法所”。', 'Write 司法局 or 司法所.'),
  }),
);

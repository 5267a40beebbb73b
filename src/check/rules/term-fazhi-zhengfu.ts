import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const termFazhiZhengfu = wordingRule(
  {
    id: 'term-fazhi-zhengfu',
    category: 'wording',
    severity: 'error',
    fixable: true,
    description: loc('把“法治政府”误写成“法制政府”。', '"法制政府" (rule by law) written for "法治政府" (rule of law).'),
    why: loc(
      '党的十五大以后的正式提法是“法治政府”；“法制政府”是过时的写法，出现在报告标题或正文里都会被审核人员改掉。',
      'Since 1997 the official term is 法治政府 (rule of law); 法制政府 is outdated and reviewers always correct it.',
    ),
    fix: loc('改为“法治政府”；lawreport fmt --fix 会自动改正。', 'Write 法治政府; lawreport fmt --fix corrects it.'),
    example: { bad: '推进法制政府建设。', good: '推进法治政府建设。' },
  },
  /法制政府/g,
  () => ({
    message: loc('“法制政府”应为“法治政府”。', '"法制政府" should be "法治政府".'),
    edit: { from: 1, to: 2, text: '治' },
  }),
);

import type { RuleMeta } from './rule.js';
import { rules } from './rules/index.js';
import { stageRules } from './stage-rules.js';

/** Every diagnostic id a user can meet: the rules' and the other stages'. docs/rules.md lists exactly these. */
export function allRuleMetas(): readonly RuleMeta[] {
  return [...stageRules, ...rules.map((r) => r.meta)];
}

let byId: Map<string, RuleMeta> | undefined;

export function ruleMeta(id: string): RuleMeta | undefined {
  byId ??= new Map(allRuleMetas().map((m) => [m.id, m]));
  return byId.get(id);
}

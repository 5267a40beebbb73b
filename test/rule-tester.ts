import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { Rule } from '../src/check/rule.js';
import { runRules } from '../src/check/run.js';
import { DIAGNOSTICS } from '../src/pipeline/registry.js';
import { loadReport } from '../src/load/report.js';
import { applyFixes } from '../src/fix/apply.js';
import { builtins, session, exampleFiles, hostOf } from './helpers.js';

/**
 * A case is the example report with some files replaced (a string) or removed (null).
 * Like ESLint's RuleTester: every invalid case must produce exactly the expected diagnostics,
 * every valid case none, and no case may appear twice.
 */
export interface RuleCase {
  name: string;
  files: Record<string, string | null>;
  /** The rule's options, as `rule-id: [level, { … }]` in lawreport.yaml would give them (checked against its schema). */
  options?: Record<string, unknown>;
}

export interface InvalidCase extends RuleCase {
  errors: { file?: string; line?: number; column?: number; message?: RegExp | string; related?: number }[];
  /** For fixable rules: each file's text after one pass of the reported fixes (files not named must stay unchanged). */
  output?: Record<string, string>;
}

export async function caseFiles(files: Record<string, string | null>): Promise<Record<string, string>> {
  const base = await exampleFiles();
  for (const [name, content] of Object.entries(files)) {
    if (content === null) delete base[name];
    else base[name] = content;
  }
  return base;
}

export async function runRuleOn(rule: Rule, files: Record<string, string | null>, options?: Record<string, unknown>): Promise<Diagnostic[]> {
  const { source, diagnostics } = await loadReport(hostOf(await caseFiles(files)), session);
  if (!source) throw new Error(`the case does not load: ${diagnostics.map((d) => d.message.en).join('; ')}`);
  const found = runRules(source, [rule], { known: DIAGNOSTICS, ...(options ? { options: { [rule.meta.id]: options } } : {}) });
  const wrong = found.filter((d) => d.ruleId !== rule.meta.id);
  if (wrong.length > 0) throw new Error(`the case's options are wrong: ${wrong.map((d) => `${d.message.en} ${d.hint?.en ?? ''}`).join('; ')}`);
  return found;
}

export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }) {
  describe(`rule ${rule.meta.id}`, () => {
    it('has unique case names and at least one valid and one invalid case', () => {
      const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      const bodies = [...cases.valid, ...cases.invalid].map((c) => JSON.stringify([c.files, c.options]));
      expect(new Set(bodies).size, 'duplicate case').toBe(bodies.length);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    it('documents itself in both languages', () => {
      for (const text of [rule.meta.description, rule.meta.why, rule.meta.fix]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    });

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const found = await runRuleOn(rule, c.files, c.options);
        expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.en}`)).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await runRuleOn(rule, c.files, c.options);
        expect(found.length, 'an invalid case must report').toBe(c.errors.length);
        c.errors.forEach((expected, i) => {
          const d = found[i]!;
          expect(d.ruleId).toBe(rule.meta.id);
          expect(d.severity).toBe(rule.meta.severity);
          if (expected.file !== undefined) expect(d.file).toBe(expected.file);
          if (expected.line !== undefined) expect(d.line).toBe(expected.line);
          if (expected.column !== undefined) expect(d.column).toBe(expected.column);
          if (expected.message !== undefined) expect(d.message.zh).toMatch(expected.message);
          if (expected.related !== undefined) expect(d.related ?? []).toHaveLength(expected.related);
          expect(d.message.en.length).toBeGreaterThan(0);
        });
        const fixed = found.filter((d) => d.fix);
        if (!rule.meta.fixable) expect(fixed, 'a rule not marked fixable offers no fix').toEqual([]);
        if (c.output) {
          const files = await caseFiles(c.files);
          for (const [file, expected] of Object.entries(c.output)) {
            const fixes = fixed.filter((d) => d.file === file).map((d) => d.fix!);
            expect(applyFixes(files[file]!, fixes).text).toBe(expected);
          }
        } else if (rule.meta.fixable) {
          expect(fixed, 'a fix must be asserted with output').toEqual([]);
        }
      });
    }
  });
}

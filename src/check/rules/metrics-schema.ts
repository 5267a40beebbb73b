import { loc, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../../diagnostics/definition.js';
import { commentedParents, type CommentedParent } from '../../source/commented-parent.js';
import type { YamlDocument } from '../../source/yaml.js';
import { pointerToPath, SCHEMA_MESSAGES, validateYaml } from '../../validate/schema.js';
import type { Finding, Rule, RuleMeta } from '../rule.js';

const meta: RuleMeta = {
  id: 'metrics-schema',
  category: 'outline',
  severity: 'error',
  fixable: true,
  description: loc(
    'metrics.yaml 不符合指标目录：未知的组或数据项、不是数字（包括全角数字）、计数为负数或小数、百分数超过 100，或数据项写在还是注释的组名下面。',
    'metrics.yaml does not match the metric catalog: an unknown group or figure, not a number (full-width digits included), a negative or fractional count, a percentage over 100, or a figure under a group line still commented out.',
  ),
  why: loc(
    '数据只写一次、处处引用；写错的键或值会让每一处引用都错。',
    'A figure is written once and cited everywhere; a wrong key or value makes every citation wrong.',
  ),
  fix: loc(
    '按提示改正；键的名称、单位和类型见 schemas/metrics.catalog.yaml，新的数据项写进报告自己的指标目录（lawreport.yaml 的 catalog）。全角数字由 lawreport check --fix 改为半角。',
    'Correct as hinted; keys, units and types are listed in schemas/metrics.catalog.yaml; new figures go into the report\'s own catalog (catalog in lawreport.yaml). lawreport check --fix turns full-width digits half-width.',
  ),
  example: { bad: '# petitions:\n  batches: １２\n', good: 'petitions:\n  batches: 12\n' },
};

/** Schema errors of metrics.yaml, worded like every schema error and reported by this rule. */
const schemaErrors = defineDiagnostic(meta, SCHEMA_MESSAGES);

/** A figure typed with an IME's full-width digits (１２, ９７．５): YAML reads text, the catalog wants a number. */
interface FullWidth {
  pointer: string;
  written: string;
  number: string;
  /** The scalar in the text (quotes included), replaced by the half-width number. */
  range: [number, number];
}

function fullWidthFigures(doc: YamlDocument): FullWidth[] {
  const found: FullWidth[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      if (!/[０-９]/.test(value)) return;
      const normal = value.normalize('NFKC').trim().replace(/%$/, '');
      const span = doc.spans.get(pointer);
      if (!/^-?\d+(?:\.\d+)?$/.test(normal) || !span) return;
      const quote = /['"]/.test(doc.text[span.valueStart] ?? '') ? 1 : 0;
      const end = span.valueStart + quote + value.length + quote;
      // Only a scalar written as read (no escapes, one line) is rewritten.
      if (doc.text.slice(span.valueStart + quote, end - quote) !== value) return;
      found.push({ pointer, written: value, number: normal, range: [span.valueStart, end] });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(doc.value, '');
  return found;
}

const at = (doc: YamlDocument, offset: number) => {
  const p = doc.lines.position(offset);
  return `${p.line}:${p.column}`;
};

function parentHint(p: CommentedParent) {
  const key = p.pointer.slice(p.pointer.lastIndexOf('/') + 1);
  return loc(
    `它上一级的“${p.parent}:”（第 ${p.line} 行）还是注释：去掉那一行开头的“# ”，“${key}”才属于 ${p.parent}。`,
    `Its parent "${p.parent}:" (line ${p.line}) is still a comment: remove the "# " at the start of that line so "${key}" belongs to ${p.parent}.`,
  );
}

export const metricsSchemaRule: Rule = {
  meta,
  check({ source, validators, report }) {
    const doc = source.metricsDoc;
    if (!doc || doc.value === null) return;
    const fullWidth = fullWidthFigures(doc);
    const typedAsText = new Set(fullWidth.map((f) => at(doc, f.range[0])));
    const parents = new Map(commentedParents(doc).map((p) => [at(doc, p.keyStart), p]));
    const explained = new Set<CommentedParent>();
    const place = (d: Pick<Diagnostic, 'line' | 'column'>) => `${d.line}:${d.column}`;
    for (const { ruleId: _, severity: __, url: ___, ...d } of validateYaml(doc, source.metricsSchema, schemaErrors, validators)) {
      // A full-width figure gets its own message below, with the fix.
      if (typedAsText.has(place(d))) continue;
      const parent = parents.get(place(d));
      if (parent) explained.add(parent);
      report(parent ? { ...d, hint: parentHint(parent) } : d);
    }
    // A key the catalog knows under the group YAML filed it in counts silently towards the wrong figure.
    for (const parent of parents.values()) {
      if (explained.has(parent)) continue;
      const where = doc.lines.position(parent.keyStart);
      const finding: Finding = {
        file: doc.file,
        ...where,
        message: loc(
          `“${pointerToPath(parent.pointer)}”写在还是注释的“# ${parent.parent}:”下面，现在算作 ${pointerToPath(parent.pointer)}。`,
          `"${pointerToPath(parent.pointer)}" sits under "# ${parent.parent}:", still a comment, and now counts as ${pointerToPath(parent.pointer)}.`,
        ),
        hint: parentHint(parent),
      };
      report(finding);
    }
    for (const f of fullWidth) {
      report({
        file: doc.file,
        ...doc.lines.position(f.range[0]),
        message: loc(
          `${pointerToPath(f.pointer)} 的“${f.written}”是全角数字，读出来是文字，不是数。`,
          `${pointerToPath(f.pointer)}: "${f.written}" is written in full-width digits, which read as text, not a number.`,
        ),
        hint: loc(`改为半角数字 ${f.number}（lawreport check --fix 会自动改正）。`, `Write it in half-width digits: ${f.number} (lawreport check --fix does it).`),
        fix: { range: f.range, text: f.number },
      });
    }
  },
};

import { loc, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { pointerEscape, positionOf, type YamlDocument } from '../source/yaml.js';

export const numberUnsafe = defineDiagnostic({
  id: 'number-unsafe',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc(
    `metrics.yaml 里的数大于 ${Number.MAX_SAFE_INTEGER}（2^53 − 1），小到读成 0（如 1e-400），或是 .inf、.nan：读进来就不是写下的那个数了。`,
    `A number in metrics.yaml is beyond ${Number.MAX_SAFE_INTEGER} (2^53 − 1), so small it reads as 0 (1e-400), or is .inf or .nan: what is read is no longer the number written.`,
  ),
  why: loc(
    '这么大的数无法精确表示：12345678901234567891 会悄悄变成 12345678901234567000，1e21 会印成“1e+21份”。',
    'Numbers this large cannot be held exactly: 12345678901234567891 silently becomes 12345678901234567000, and 1e21 prints as "1e+21份".',
  ),
  fix: loc('检查这个数是不是多打了数字；不是数的内容（编号、身份证号）请加引号写成文字。', 'Check for extra digits; something that is not a quantity (an id number) goes in quotes as text.'),
  example: { bad: 'disputes:\n  received: 12345678901234567891\n', good: 'disputes:\n  received: 68\n' },
}, {
  tooLarge: {
    message: (d: { text: string }) => loc(`数“${d.text}”超出能精确计算的范围（最大 ${Number.MAX_SAFE_INTEGER}）。`, `The number "${d.text}" is beyond what can be computed exactly (at most ${Number.MAX_SAFE_INTEGER}).`),
    hint: 'fix',
  },
  notFinite: {
    message: (d: { text: string }) => loc(`“${d.text}”不是一个有限的数。`, `"${d.text}" is not a finite number.`),
    hint: 'fix',
  },
  underflow: {
    message: (d: { text: string }) => loc(`数“${d.text}”太小，读进来成了 0。`, `The number "${d.text}" is too small: it reads as 0.`),
    hint: 'fix',
  },
});

/** The digits of a number as written, without sign, base prefix and exponent. */
const mantissa = (text: string) => (/^[-+]?0[xXoObB]/.test(text) ? text.replace(/^[-+]?0./, '') : text.replace(/[eE].*$/, ''));

/**
 * Every number of a figures file that cannot be what its writer meant: beyond 2^53 (rounded by
 * the parser) or not finite. Reported at the value, as written.
 */
export function unsafeNumbers(doc: YamlDocument, severity?: Severity): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'number') {
      if (value !== 0 && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return;
      const position = positionOf(doc, pointer, 'value');
      const offset = doc.lines.offset(position.line, position.column);
      const text = /^[^\s#,}\]]+/.exec(doc.text.slice(offset, offset + 400))?.[0] ?? String(value);
      // A zero is fine unless its writer wrote other digits (1e-400 underflows to 0).
      if (value === 0 && !/[1-9a-fA-F]/.test(mantissa(text))) return;
      const kind = value === 0 ? 'underflow' : Number.isFinite(value) ? 'tooLarge' : 'notFinite';
      found.push(numberUnsafe.at({ file: doc.file, ...position }, kind, { text }, severity ? { severity } : undefined));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, `${pointer}/${pointerEscape(key)}`);
    }
  };
  walk(doc.value, '');
  return found;
}

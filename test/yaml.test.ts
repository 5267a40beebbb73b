import { describe, expect, it } from 'vitest';
import { parseYaml, positionOf } from '../src/source/yaml.js';

describe('parseYaml', () => {
  it('keeps the line and column of every key, including Chinese keys and flow maps', () => {
    const text = 'org: 示例镇\n数据:\n  调解: {成功: 66, 受理: 68}\n  list:\n    - a\n    - b: 1\n';
    const { doc, diagnostics } = parseYaml(text, 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(positionOf(doc!, '/数据/调解/受理')).toEqual({ line: 3, column: 16 });
    expect(positionOf(doc!, '/数据/list/1/b')).toEqual({ line: 6, column: 7 });
    expect(positionOf(doc!, '/org', 'value')).toEqual({ line: 1, column: 6 });
    // A missing key is placed at its nearest existing parent.
    expect(positionOf(doc!, '/数据/调解/missing')).toEqual({ line: 3, column: 3 });
  });

  it('reports a syntax error at its line and column', () => {
    const { doc, diagnostics } = parseYaml('a: 1\nb: [1, 2\n', 'm.yaml');
    expect(doc).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'm.yaml', line: 3 });
    expect(diagnostics[0]!.message.zh).toContain('YAML 语法错误');
  });

  it('reports duplicate keys with both locations', () => {
    const { diagnostics } = parseYaml('a: 1\nb: 2\na: 3\n', 'm.yaml');
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-duplicate-key', line: 3, column: 1 });
    expect(diagnostics[0]!.related?.[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects alias bombs and deep nesting with a message instead of hanging or crashing', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) rows.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    expect(parseYaml(rows.join('\n'), 'bomb.yaml').diagnostics[0]?.ruleId).toBe('yaml-syntax');
    expect(parseYaml('['.repeat(5000), 'deep.yaml').diagnostics[0]?.ruleId).toBe('yaml-syntax');
  });

  it('does not let __proto__ keys touch Object.prototype', () => {
    parseYaml('__proto__: {polluted: 1}\n', 'p.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { DiagnosticDefinition } from '../src/diagnostics/definition.js';
import { rulesMarkdown } from '../src/diagnostics/docs.js';
import { DIAGNOSTICS } from '../src/pipeline/registry.js';
import { rules } from '../src/check/rules/index.js';
import { repoRoot } from './helpers.js';
import { runRuleOn } from './rule-tester.js';

async function sources(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (file.endsWith('.ts')) out.push([path.relative(repoRoot, file), await readFile(file, 'utf8')]);
    }
  };
  await walk(path.join(repoRoot, 'src'));
  return out;
}

describe('docs/rules.md and the registry', () => {
  it('is generated from the registry and up to date (run `npm run docs` when this fails)', async () => {
    const onDisk = await readFile(path.join(repoRoot, 'docs/rules.md'), 'utf8');
    expect(onDisk === rulesMarkdown(DIAGNOSTICS), 'docs/rules.md is stale: run `npm run docs`').toBe(true);
  });

  it('registers every diagnostic the source declares', async () => {
    const registered = new Set(DIAGNOSTICS.map((m) => m.id));
    const missing: string[] = [];
    for (const [file, text] of await sources()) {
      if (file === path.join('src', 'diagnostics', 'definition.ts')) continue;
      // A rule's meta declares its id; the registry lists every rule.
      for (const m of text.matchAll(/\bid: '([a-z0-9-]+)',\n\s+category:/g)) if (!registered.has(m[1]!)) missing.push(`${m[1]} (${file})`);
      // Every definition is exported (so the registry can list it) and listed there; one made
      // over a rule's meta (`defineDiagnostic(meta, …)`) is listed with the rule.
      const declared = text.match(/\bdefineDiagnostic\(\{/g)?.length ?? 0;
      if (declared === 0) continue;
      const module = (await import(path.join(repoRoot, file))) as Record<string, unknown>;
      const definitions = Object.values(module).filter((v): v is DiagnosticDefinition<never> => typeof v === 'object' && v !== null && 'meta' in v && 'at' in v);
      if (definitions.length < declared) missing.push(`${declared - definitions.length} definition(s) not exported (${file})`);
      for (const d of definitions) if (!registered.has(d.meta.id)) missing.push(`${d.meta.id} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('raises no diagnostic by a bare id: only a declaration makes a DiagnosticId', async () => {
    // The type: an id written at the call does not compile.
    const snippet = [
      "import { defineDiagnostic, type DiagnosticMeta } from './src/diagnostics/definition.js';",
      "import type { Diagnostic } from './src/diagnostics/diagnostic.js';",
      "export const bare: Diagnostic = { ruleId: 'import-made-up', severity: 'error', file: 'a.md', line: 1, column: 1, message: { zh: '', en: '' } };",
      "declare const meta: DiagnosticMeta;",
      "export const declared: Diagnostic = defineDiagnostic(meta, { m: { message: { zh: '', en: '' } } }).at({ file: 'a.md', line: 1, column: 1 }, 'm');",
    ].join('\n');
    const errors = typeErrors(snippet);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/line 3: Type 'string' is not assignable to type 'DiagnosticId'/);
    // And no cast around it in the source.
    const casts: string[] = [];
    for (const [file, text] of await sources()) {
      if (file === path.join('src', 'diagnostics', 'definition.ts')) continue;
      for (const m of text.matchAll(/\bas (?:unknown as )?Diagnostic(?:Id)?\b|\bdeclaredId\(/g)) casts.push(`${m[0]} (${file})`);
    }
    expect(casts).toEqual([`declaredId( (${path.join('src', 'check', 'run.ts')})`]);
  });

  it('has one entry per id, each in both languages, with a docs url', () => {
    const doc = rulesMarkdown(DIAGNOSTICS);
    expect(new Set(DIAGNOSTICS.map((m) => m.id)).size).toBe(DIAGNOSTICS.length);
    for (const m of DIAGNOSTICS) {
      expect(m.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.category, m.id).toBeTruthy();
      for (const text of [m.description, m.why, m.fix]) expect(text.zh && text.en, m.id).toBeTruthy();
      expect(doc.match(new RegExp(`^### ${m.id}$`, 'gm')), m.id).toHaveLength(1);
    }
  });
});

/** Type errors of a module written at the repository's root, as `tsc` reports them (line: message). */
function typeErrors(text: string): string[] {
  const file = path.join(repoRoot, '__bare-id.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? text : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => `line ${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Examples written as chapter prose (not YAML) run as tests: the bad one is reported, the good one is not. */
// The outline rules' examples are file listings and whole chapters, not prose: their own tests cover them.
const proseExamples = rules.filter((r) => r.meta.example && r.meta.category !== 'outline' && !/^[\w#-]+:|\n\s+\w+:/.test(r.meta.example.bad) && !r.meta.example.bad.startsWith('<!-- 上年'));

describe('the documented prose examples', () => {
  for (const rule of proseExamples) {
    it(`${rule.meta.id}: the bad example is reported, the good one is not`, async () => {
      const on = (text: string) => runRuleOn(rule, { 'chapters/05-other.md': `---\nid: other\n---\n\n${text}\n` });
      expect((await on(rule.meta.example!.bad)).length).toBeGreaterThan(0);
      expect(await on(rule.meta.example!.good)).toEqual([]);
    });
  }
  it('covers the wording rules', () => expect(proseExamples.length).toBeGreaterThanOrEqual(10));
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../src/pipeline/build.js';
import { builtins, session, exampleFiles, hostOf, repoRoot } from './helpers.js';

/** The two attachments the fixture lists after the body. */
export const ATTACHMENTS = ['示例镇2024年度重大行政决策事项目录', '示例镇2024年度行政执法统计表'];

/**
 * The example report plus a long optional chapter (test/fixtures/long-chapter.md) and two
 * attachments: long enough for full pages, with every closing element present.
 */
export async function fixtureFiles(extraYaml = ''): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = await exampleFiles();
  files['chapters/05-other.md'] = await readFile(path.join(repoRoot, 'test', 'fixtures', 'long-chapter.md'), 'utf8');
  files['lawreport.yaml'] += `attachments:\n${ATTACHMENTS.map((a) => `  - ${a}\n`).join('')}${extraYaml}`;
  return files;
}

/** Builds a report's DOCX in memory, failing loudly when the build reports errors. */
export async function buildDocx(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const result = await buildReport(hostOf(files), session, ['docx']);
  const docx = result.outputs.get('docx');
  if (!docx) throw new Error(`build failed: ${result.diagnostics.map((d) => d.message.en).join('; ')}`);
  return docx;
}

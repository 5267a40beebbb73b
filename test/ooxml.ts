import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { repoRoot } from './helpers.js';

const run = promisify(execFile);
const SCHEMAS = path.join(repoRoot, 'test/fixtures/ooxml');
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The entry schema of each XML part a DOCX has (test/fixtures/ooxml/README.md); core.xml and the OPC parts have none here. */
export function schemaOf(part: string): string | undefined {
  if (part === 'word/document.xml') return 'WordprocessingML_Main_Document';
  if (part === 'word/styles.xml') return 'WordprocessingML_Style_Definitions';
  if (part === 'word/settings.xml') return 'WordprocessingML_Document_Settings';
  if (part === 'word/numbering.xml') return 'WordprocessingML_Numbering_Definitions';
  if (part === 'word/fontTable.xml') return 'WordprocessingML_Font_Table';
  if (part === 'word/footnotes.xml') return 'WordprocessingML_Footnotes';
  if (part === 'word/endnotes.xml') return 'WordprocessingML_Endnotes';
  if (/^word\/footer\d+\.xml$/.test(part)) return 'WordprocessingML_Footer';
  if (/^word\/theme\/theme\d+\.xml$/.test(part)) return 'DrawingML_Theme';
  if (part === 'docProps/custom.xml') return 'Shared_Custom_File_Properties';
  if (part === 'docProps/app.xml') return 'Shared_Extended_File_Properties';
  return undefined;
}

/**
 * ECMA-376 Part 3: a consumer that does not know the namespaces a part lists as mc:Ignorable
 * drops their attributes and elements. The transitional schemas know none of w14/w15/wp14.
 */
export function stripExtensions(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement!;
  const ignorable = new Set((root.getAttributeNS(MC, 'Ignorable') ?? '').split(/\s+/).filter(Boolean).map((p) => root.lookupNamespaceURI(p)));
  const walk = (el: Element) => {
    for (const a of Array.from(el.attributes)) if (a.namespaceURI === MC || ignorable.has(a.namespaceURI)) el.removeAttributeNode(a);
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (ignorable.has(e.namespaceURI)) el.removeChild(e);
      else if (e.namespaceURI === MC && e.localName === 'AlternateContent') {
        const fallback = Array.from(e.childNodes).find((f) => f.nodeType === 1 && (f as Element).localName === 'Fallback') as Element | undefined;
        for (const f of fallback ? Array.from(fallback.childNodes) : []) el.insertBefore(f, e);
        el.removeChild(e);
      } else walk(e);
    }
  };
  walk(root);
  return new XMLSerializer().serializeToString(doc);
}

export interface SchemaError {
  docx: string;
  part: string;
  message: string;
}

/** Whether Debian's jing is on PATH. */
export async function hasJing(): Promise<boolean> {
  return run('jing', [], { timeout: 60_000 }).then(() => true, (e: { code?: unknown }) => e.code !== 'ENOENT');
}

/**
 * Validates every XML part of the named DOCX packages with jing: one run per schema over all
 * the parts that use it. Returns the errors, each naming the package and the part.
 */
export async function validateDocx(packages: Record<string, Uint8Array>): Promise<{ errors: SchemaError[]; parts: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-ooxml-'));
  try {
    const bySchema = new Map<string, { file: string; docx: string; part: string }[]>();
    let n = 0;
    for (const [docx, bytes] of Object.entries(packages)) {
      for (const [part, data] of Object.entries(unzipSync(bytes))) {
        const schema = schemaOf(part);
        if (!schema) continue;
        const file = path.join(dir, `${n++}-${path.basename(part)}`);
        await writeFile(file, stripExtensions(new TextDecoder().decode(data)));
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, docx, part }]);
      }
    }
    await mkdir(dir, { recursive: true });
    const errors: SchemaError[] = [];
    for (const [schema, files] of bySchema) {
      const out = await run('jing', ['-c', path.join(SCHEMAS, `${schema}.rnc`), ...files.map((f) => f.file)], { maxBuffer: 64 << 20, timeout: 300_000 }).then(
        (r) => r.stdout,
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      for (const line of out.split('\n')) {
        const m = /^(.*?):\d+:\d+: error: (.*)$/.exec(line);
        if (!m) continue;
        const f = files.find((x) => x.file === m[1]);
        errors.push({ docx: f?.docx ?? '?', part: f?.part ?? m[1]!, message: m[2]! });
      }
    }
    return { errors, parts: n };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

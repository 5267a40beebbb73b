import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Whether headless LibreOffice is installed; in CI it must be (.ci/run installs libreoffice-calc). */
export async function calcAvailable(): Promise<{ ok: true } | { ok: false; why: string }> {
  try {
    await exec('soffice', ['--version']);
    return { ok: true };
  } catch {
    return { ok: false, why: 'soffice not found (Debian: libreoffice-calc)' };
  }
}

/** LibreOffice's CSV export: comma, double quote, UTF-8 (76), values not as shown (raw numbers), every sheet (-1). */
const EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false';

async function convert(input: string, dir: string, allSheets: boolean, infilter?: string): Promise<string[]> {
  const out = path.join(dir, 'out');
  await exec(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', allSheets ? `${EXPORT},-1` : EXPORT, '--outdir', out, input],
    { timeout: 120_000 },
  );
  return (await readdir(out)).map((f) => path.join(out, f));
}

/** Every sheet of a workbook as LibreOffice Calc reads it, by sheet name: rows of cells as text. */
export async function sheetsOf(xlsx: Uint8Array, name = '汇总'): Promise<Record<string, string[][]>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-calc-'));
  const input = path.join(dir, `${name}.xlsx`);
  await writeFile(input, xlsx);
  const sheets: Record<string, string[][]> = {};
  // One file per sheet: <name>-<sheet>.csv.
  for (const file of await convert(input, dir, true)) sheets[path.basename(file, '.csv').slice(name.length + 1)] = parseCsv(await readFile(file, 'utf8'));
  return sheets;
}

/** A CSV file as LibreOffice Calc opens it when told UTF-8 (as a clerk picks in its import dialog): rows of cells. */
export async function csvViaCalc(csv: Uint8Array, name = 'table'): Promise<string[][]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-calc-'));
  const input = path.join(dir, `${name}.csv`);
  await writeFile(input, csv);
  const [file] = await convert(input, dir, false, 'CSV:44,34,76,1');
  return parseCsv(await readFile(file!, 'utf8'));
}

/** RFC 4180, as LibreOffice writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

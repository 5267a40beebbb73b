import type { SummaryFile, SummaryInput } from './input.js';
import type { Cell, Table } from './tables.js';

/** Excel takes a UTF-8 file for its local code page unless it starts with a BOM. */
const BOM = '\uFEFF';

/** One CSV file per table (RFC 4180: CRLF, quotes doubled), header row first, totals last. */
export async function renderCsv({ tables }: SummaryInput): Promise<SummaryFile[]> {
  const encoder = new TextEncoder();
  return tables.map((table) => ({ suffix: `-${table.name}`, bytes: encoder.encode(BOM + csvText(table)) }));
}

function csvText(table: Table): string {
  const lines = [table.columns.map((c) => field(c.header)), ...table.rows.map((r) => r.cells.map(value)), ...(table.totals ? [table.totals.map(value)] : [])];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

const value = (c: Cell) => (c.value === undefined ? '' : typeof c.value === 'number' ? String(c.value) : field(c.value));

/**
 * A text field, quoted when it must be. Text that a spreadsheet would take for a formula (= + - @
 * at the start: a folder or message copied from a report) gets a leading apostrophe, as OWASP advises.
 */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

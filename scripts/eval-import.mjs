#!/usr/bin/env node
// Measures `lawreport import` on real reports: `npm run eval:import -- DIR [--truth FILE] [--misses]`.
// DIR holds report texts (NNN.txt, …) and a truth.json keyed by file name without extension
// (see ../shared/reference/openings/README.md); --truth names a truth file kept elsewhere.
// Each text is imported as `lawreport import` would, the folder it gives is checked in memory, and
// every field is compared with the truth: found/total per field, for the whole set and for its two
// halves (odd and even positions, for developing on one and measuring on the other), then each miss.
// A measurement, not a test: it reads real reports that tests must not depend on.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The measured code is bundled straight from src/ (esbuild, well under a second) rather than taken
// from lib/: no full `npm run build` first, so the measurement needs only the packages the import
// path uses (not the summary's exceljs and echarts), and it always measures the sources as they are.
// The bundle sits one folder below the root so src/paths.ts's packageRoot (its folder/..) is the root.
const bundled = path.join(root, '.eval-build', 'eval-import.mjs');
const lawreport = await (async () => {
  try {
    const { build } = await import('esbuild');
    const entry = (file, names) => `export { ${names} } from ${JSON.stringify(path.join(root, 'src', file))};`;
    await build({
      stdin: {
        contents: [
          entry('import/import-report.ts', 'importReport'),
          entry('init/builtins.ts', 'builtinCatalog, builtinProfile'),
          entry('io/host.ts', 'memoryHost'),
          entry('io/node-host.ts', 'nodeHost'),
          entry('pipeline/build.ts', 'checkReport'),
          entry('session.ts', 'Session'),
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies bundled too, as scripts/bundle.mjs does (opencc-js's subpath modules resolve only
      // through a bundler); CommonJS ones call require() for Node built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      outfile: bundled,
      logLevel: 'error',
    });
    return await import(pathToFileURL(bundled).href);
  } catch (error) {
    const text = String(error?.message);
    const missing = (/Could not resolve "([^"]+)"/.exec(text) ?? /Cannot find (?:package|module) '([^']+)'/.exec(text))?.[1];
    console.error(
      missing
        ? `eval:import: 缺少依赖包 ${missing}：请先在 ${root} 中运行 npm ci。\neval:import: package ${missing} is missing: run npm ci in ${root} first.`
        : `eval:import: 无法从 src/ 打包被测代码：${error?.message ?? error}`,
    );
    process.exit(2);
  }
})();
const { importReport, builtinCatalog, builtinProfile, memoryHost, nodeHost, checkReport, Session } = lawreport;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const truthFile = option('--truth');
const showMisses = !args.includes('--no-misses');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npm run eval:import -- DIR [--truth FILE] [--no-misses]');
  process.exit(2);
}

const truth = JSON.parse(await readFile(truthFile ?? path.join(dir, 'truth.json'), 'utf8'));
const names = await readdir(dir);
const builtins = nodeHost(root);
// One session for the whole set, as a batch check has: compiled schemas and templates are reused.
const session = new Session(builtins);
const [profile, catalog] = await Promise.all([builtinProfile(builtins, 'national'), builtinCatalog(builtins)]);

/** Compared as a reader would: compatibility forms folded, spaces and punctuation widths ignored. */
const norm = (s) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');
/** A body's name without the words every name may carry or drop (人民政府 ≈ 政府, 办事处). */
const orgNorm = (s) => norm(s).replace(/人民政府/g, '政府').replace(/办事处$/, '');

const rows = [];
for (const [key, expected] of Object.entries(truth)) {
  const name = names.find((n) => n.replace(/\.[^.]+$/, '') === key);
  if (!name) {
    console.error(`${key}: no file in ${dir}`);
    continue;
  }
  const bytes = new Uint8Array(await readFile(path.join(dir, name)));
  const result = await importReport(bytes, { file: name, profile, profileName: 'national', catalog });
  rows.push({ key, expected, result, checked: result.files ? await checkFolder(result.files) : undefined });
}

async function checkFolder(files) {
  try {
    return await checkReport(memoryHost(files, '/memory/imported'), session);
  } catch (error) {
    return { diagnostics: [], fatal: String(error?.message ?? error) };
  }
}

/** Each field's verdict per report: { ok, total, miss? }. */
function judge({ key, expected, result, checked }) {
  const s = result.summary;
  const ids = new Set((result.diagnostics ?? []).map((d) => d.ruleId));
  const out = {};
  const field = (name, ok, miss, count = 1) => (out[name] = { ok: ok ? count : 0, total: count, miss: ok ? undefined : miss });

  if ('title' in expected) {
    field('title', norm(s?.title) === norm(expected.title ?? ''), `expected ${JSON.stringify(expected.title)}, got ${JSON.stringify(s?.title ?? null)}`);
  }
  if ('org' in expected) {
    const got = s?.org;
    // The body named in full (「示例县人民政府」 for 示例县) or by the short name the truth gives (「示例省」 for 示例省委、省政府).
    const ok = expected.org === null ? !got : !!got && (orgNorm(got).includes(orgNorm(expected.org)) || (orgNorm(got).length >= 2 && orgNorm(expected.org).includes(orgNorm(got))));
    field('org', ok, `expected ${JSON.stringify(expected.org)}, got ${JSON.stringify(got ?? null)}`);
  }
  if ('year' in expected) {
    // A year written with a "no year found" warning was made up, not found.
    const got = ids.has('import-no-year') ? undefined : s?.year;
    field('year', got === expected.year, `expected ${expected.year}, got ${got ?? (s?.year !== undefined ? `${s.year} (invented)` : 'none (left to the clerk)')}`);
    out.invented = { ok: got !== undefined && got !== expected.year ? 1 : s?.year !== undefined && ids.has('import-no-year') ? 1 : 0, total: 1 };
  }
  if ('date' in expected) field('date', (s?.date ?? null) === expected.date, `expected ${expected.date}, got ${s?.date ?? null}`);
  if ('signature' in expected) {
    const got = (s?.signature ?? []).map(norm);
    const hits = expected.signature.filter((x) => got.includes(norm(x))).length;
    out.signature = { ok: hits, total: expected.signature.length, miss: hits < expected.signature.length ? `expected ${JSON.stringify(expected.signature)}, got ${JSON.stringify(s?.signature ?? [])}` : undefined };
  }
  if (expected.headings) {
    const chapters = s?.chapters ?? [];
    const misses = [];
    let ok = 0;
    const matched = new Set();
    expected.headings.forEach((heading, i) => {
      const kind = expected.chapter_kinds[i];
      const want = norm(heading);
      const found = chapters.filter((c) => {
        const got = norm(c.heading);
        return got === want || got.startsWith(want) || (got.length >= 4 && want.startsWith(got));
      });
      found.forEach((c) => matched.add(c));
      const idsFound = found.map((c) => c.id ?? 'extra');
      const kinds = kind.startsWith('merged:') ? kind.slice(7).split('+') : [kind];
      if (found.length > 0 && kinds.includes(idsFound[0])) ok++;
      else misses.push(`${JSON.stringify(heading)} is ${kind}, got ${found.length ? idsFound.join('+') : 'no chapter'}`);
    });
    out.chapters = { ok, total: expected.headings.length, miss: misses.length ? misses.join('; ') : undefined };
    const spurious = chapters.filter((c) => !matched.has(c));
    out.spurious = { ok: spurious.length, total: 0, miss: spurious.length ? spurious.map((c) => JSON.stringify(c.heading)).join('; ') : undefined };
  }
  if (expected.figures) {
    const values = new Map((s?.figures ?? []).filter((f) => f.used).map((f) => [f.path, f.value]));
    const misses = Object.entries(expected.figures).filter(([p, v]) => values.get(p) !== v).map(([p, v]) => `${p}=${v} (got ${values.get(p) ?? 'none'})`);
    const total = Object.keys(expected.figures).length;
    out.figures = { ok: total - misses.length, total, miss: misses.length ? misses.join('; ') : undefined };
  }
  if (expected.missing) {
    const named = new Set((checked?.diagnostics ?? []).filter((d) => d.ruleId === 'chapter-missing').map((d) => /id: ([\w-]+)/.exec(d.message.en)?.[1]));
    const hits = expected.missing.filter((id) => named.has(id)).length;
    const extra = [...named].filter((id) => !expected.missing.includes(id));
    const total = expected.missing.length + extra.length;
    out.missing = { ok: hits, total: Math.max(total, 1), miss: hits < total || (total === 0 && named.size) ? `expected ${JSON.stringify(expected.missing)}, check named ${JSON.stringify([...named])}` : undefined };
    if (total === 0) out.missing.ok = named.size === 0 ? 1 : 0;
  }
  // check must judge the imported folder, not stop at its first config error.
  const stoppedAt = checked && !checked.source ? (checked.fatal ?? checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId).join(', ')) : undefined;
  out.checked = { ok: checked?.source ? 1 : 0, total: 1, miss: checked?.source ? undefined : result.files ? `check stopped: ${stoppedAt}` : 'nothing imported' };
  return out;
}

const verdicts = rows.map((r) => ({ key: r.key, v: judge(r) }));
const FIELDS = ['title', 'org', 'year', 'date', 'signature', 'chapters', 'figures', 'missing', 'checked'];
const LABEL = { missing: 'missing named by check', checked: 'check judged the folder' };

function table(subset) {
  const lines = [];
  for (const f of FIELDS) {
    let ok = 0;
    let total = 0;
    for (const { v } of subset) if (v[f]) (ok += v[f].ok), (total += v[f].total);
    if (total > 0) lines.push([LABEL[f] ?? f, ok, total]);
  }
  const invented = subset.reduce((n, { v }) => n + (v.invented?.ok ?? 0), 0);
  const spurious = subset.reduce((n, { v }) => n + (v.spurious?.ok ?? 0), 0);
  return { lines, invented, spurious };
}

const pct = (ok, total) => `${((100 * ok) / total).toFixed(1)} %`;
const halves = verdicts.length >= 10;
const sets = [['all', verdicts], ...(halves ? [['A (odd)', verdicts.filter((_, i) => i % 2 === 0)], ['B (even)', verdicts.filter((_, i) => i % 2 === 1)]] : [])];
const tables = sets.map(([name, subset]) => ({ name, n: subset.length, ...table(subset) }));
console.log(`import measured on ${dir} (${verdicts.length} reports)\n`);
const head = ['field', ...tables.map((t) => `${t.name} (${t.n})`)];
const body = tables[0].lines.map(([label], row) => [label, ...tables.map((t) => (t.lines[row] ? `${t.lines[row][1]}/${t.lines[row][2]}  ${pct(t.lines[row][1], t.lines[row][2])}` : '–'))]);
body.push(['invented years', ...tables.map((t) => String(t.invented))], ['spurious chapters', ...tables.map((t) => String(t.spurious))]);
const widths = head.map((_, c) => Math.max(...[head, ...body].map((r) => [...r[c]].length)));
const fmt = (r) => '| ' + r.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |';
console.log([fmt(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(fmt)].join('\n'));

if (showMisses) {
  console.log('\nmisses:');
  for (const { key, v } of verdicts) {
    for (const f of [...FIELDS, 'spurious']) if (v[f]?.miss) console.log(`  ${key} ${LABEL[f] ?? f}: ${v[f].miss}`);
  }
}

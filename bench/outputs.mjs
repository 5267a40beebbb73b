// Fingerprints what a lawreport build writes, so a speed-up can be shown to leave outputs alone:
//   node bench/outputs.mjs record <dir> [cli]   builds the corpus and examples/ into <dir>/out and
//                                               writes <dir>/manifest.json
//   node bench/outputs.mjs compare <a> <b>      prints the differences of two manifests; exit 1 if any
// Every file is fingerprinted by its bytes; a DOCX also by its parts (each entry's name, order,
// time stamp and uncompressed bytes), since two deflaters may compress the same parts differently.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { generateCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A zip's entries in order: name, DOS time and date, and the sha256 of the uncompressed bytes. */
function zipParts(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    entries.push({ name, time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true), crc: view.getUint32(at + 14, true) });
    at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  const files = unzipSync(bytes);
  return entries.map((e) => ({ ...e, sha256: sha(files[e.name]) }));
}

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

async function record(dir, cli = path.join(repo, 'bin', 'lawreport.js')) {
  await generateCorpus(path.join(dir, 'corpus'));
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Paths relative to <dir> (the working directory of every run): outputs and messages name the
  // sources relative to it, so two records in different folders compare equal.
  cpSync(path.join(repo, 'examples', 'shilizhen-2024'), path.join(dir, 'example'), { recursive: true });
  const runs = [
    ['typical', ['build', 'corpus/typical', '-f', 'docx,html,txt,json', '-o', 'out/typical']],
    ['long', ['build', 'corpus/long', '-o', 'out/long']],
    ['example', ['build', 'example', '-f', 'docx,html,txt,json', '-o', 'out/example']],
    ['batch', ['build', 'corpus/batch/*', '-o', 'out/batch']],
    ['check-typical', ['check', 'corpus/typical', '--format', 'json']],
    ['check-example', ['check', 'example', '--format', 'json']],
  ];
  const streams = {};
  for (const [id, args] of runs) {
    const r = spawnSync('node', [cli, ...args, '--no-color'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    streams[id] = { status: r.status, stdout: sha(r.stdout), stderr: sha(r.stderr) };
  }
  const files = {};
  for (const file of walk(out).sort()) {
    const bytes = readFileSync(path.join(out, file));
    files[file] = { sha256: sha(bytes), ...(/\.(docx|xlsx)$/.test(file) ? { parts: zipParts(bytes) } : {}) };
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ streams, files }, null, 1) + '\n');
  console.log(`${Object.keys(files).length} files fingerprinted into ${path.join(dir, 'manifest.json')}`);
}

function compare(a, b) {
  const [left, right] = [a, b].map((d) => JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8')));
  const problems = [];
  let bytesDiffer = 0;
  for (const [id, s] of Object.entries(left.streams)) if (JSON.stringify(s) !== JSON.stringify(right.streams[id])) problems.push(`${id}: exit code or stdout differs`);
  const names = new Set([...Object.keys(left.files), ...Object.keys(right.files)]);
  for (const name of names) {
    const [l, r] = [left.files[name], right.files[name]];
    if (!l || !r) problems.push(`${name}: only in ${l ? a : b}`);
    else if (l.sha256 !== r.sha256) {
      if (l.parts && JSON.stringify(l.parts) === JSON.stringify(r.parts)) bytesDiffer++;
      else problems.push(`${name}: ${l.parts ? 'parts differ' : 'bytes differ'}`);
    }
  }
  console.log(`${names.size} files: ${names.size - bytesDiffer - problems.length} byte-identical, ${bytesDiffer} DOCX with identical parts but other zip bytes, ${problems.length} differing`);
  for (const p of problems.slice(0, 30)) console.log(`  ${p}`);
  process.exitCode = problems.length ? 1 : 0;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'record') await record(path.resolve(args[0]), args[1] && path.resolve(args[1]));
else if (command === 'compare') compare(...args.map((d) => path.resolve(d)));
else {
  console.error('usage: node bench/outputs.mjs record <dir> [cli] | compare <a> <b>');
  process.exitCode = 2;
}

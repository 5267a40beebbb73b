#!/usr/bin/env node
// First step of `npm run build`: a node_modules older than package-lock.json (a pull without
// `npm ci`) otherwise fails deep inside tsc with "Cannot find module 'exceljs'". Says which
// direct dependencies are missing or at another version than the lock, and what to run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return undefined;
  }
};
const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const wanted = { ...pkg.dependencies, ...pkg.devDependencies };
const stale = [];
const staleEn = [];
for (const name of Object.keys(wanted)) {
  const locked = lock?.packages?.[`node_modules/${name}`]?.version;
  const installed = readJson(`node_modules/${name}/package.json`)?.version;
  if (!installed) {
    stale.push(`${name}（未安装）`);
    staleEn.push(`${name} (not installed)`);
  } else if (locked && installed !== locked) {
    stale.push(`${name} 装的是 ${installed}，锁定的是 ${locked}`);
    staleEn.push(`${name} ${installed} installed, ${locked} locked`);
  }
}
if (stale.length > 0) {
  process.stderr.write(
    `node_modules 与 package-lock.json 不一致：${stale.join('，')}。请先在 ${root} 中运行 npm ci。\n` +
      `node_modules does not match package-lock.json: ${staleEn.join(', ')}. Run npm ci in ${root} first.\n`,
  );
  process.exit(2);
}

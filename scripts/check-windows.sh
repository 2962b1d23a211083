#!/usr/bin/env bash
# Checks the Windows build made by `scripts/package.sh windows` under wine, in a fresh
# wine prefix, as a Windows user would meet it:
#  1. banthao.exe gives the same answers as the Linux `banthao` (parse --json of every
#     fixture, scaffold, export then parse back, diff, corpus add + suggest), with files
#     under C:\users\Nguyễn Văn An\Tài liệu\ and Vietnamese file names;
#  2. the installer, silently: files, Start-menu shortcut, installed-programs entry,
#     PATH option; the installed banthao.exe runs; an older version upgraded keeps the
#     data; uninstalling keeps the data, or deletes it when asked;
#  3. «Bản thảo.exe» without the WebView2 runtime (wine has none) shows our Vietnamese
#     message box and exits with code 3 (not a crash, not a blank window).
# Needs the Linux release CLI (scripts/lib.sh: $CLI_LINUX, built by `package.sh deb`)
# for the comparisons.
# Prints "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_install wine wine64 mingw-w64 xvfb xauth xdotool imagemagick python3
DIST=target/dist/windows
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' src-tauri/Cargo.toml | head -1)
SETUP="$DIST/Bản-thảo-$VERSION-cai-dat.exe"
LINUX=$CLI_LINUX
for f in "$DIST/banthao.exe" "$DIST/Bản thảo.exe" "$SETUP" "$LINUX"; do
    [ -f "$f" ] || { echo "Thiếu $f: chạy scripts/package.sh windows (và scripts/package.sh deb) trước." >&2; exit 1; }
done

WORK=$(realpath -m target/wine-check)
rm -rf "$WORK" && mkdir -p "$WORK"
export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "  ok: $*"; }
bad() { failed=$((failed + 1)); echo "  LỖI: $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

echo "==> wine prefix"
wineboot -i >/dev/null 2>&1
wineserver -w
# Rust's standard library imports ProcessPrng from bcryptprimitives.dll, which every
# Windows 10/11 has and wine 8 lacks: a stand-in, in the prefix's system folder only.
x86_64-w64-mingw32-gcc -O2 -shared -o "$WORK/bcryptprimitives.dll" \
    packaging/windows/wine-shim/bcryptprimitives.c packaging/windows/wine-shim/bcryptprimitives.def -ladvapi32
cp "$WORK/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
USERDIR="$WINEPREFIX/drive_c/users/$(id -un)"
APPDATA_UNIX="$USERDIR/AppData/Roaming"
DOCS_UNIX="$WINEPREFIX/drive_c/users/Nguyễn Văn An/Tài liệu"
DOCS='C:\users\Nguyễn Văn An\Tài liệu'
mkdir -p "$DOCS_UNIX"

# Both programs' JSON, compared as values.
same_json() { python3 -c 'import json,sys; a,b=(json.load(open(p,encoding="utf-8")) for p in sys.argv[1:3]); sys.exit(0 if a==b else 1)' "$1" "$2"; }
# banthao.exe exits 0, 1 or 2; any other code is wine's own failure (seen once under
# heavy load, not reproduced in 15 runs): said, and the command run once more.
win() {
    wine "$WORK/banthao.exe" "$@"
    local rc=$?
    if [ "$rc" -gt 2 ]; then
        echo "  (wine: banthao.exe $1 exited $rc; run again)" >&2
        wine "$WORK/banthao.exe" "$@"; rc=$?
    fi
    return $rc
}
cp "$DIST/banthao.exe" "$WORK/banthao.exe"

echo "==> version information of the executables"
# The strings of the VERSIONINFO resource (UTF-16) after each key.
version_field() {
    python3 - "$1" "$2" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
at = data.find(sys.argv[2].encode("utf-16-le") + b"\0\0")
if at < 0:
    sys.exit(1)
rest = data[at + 2 * len(sys.argv[2]) + 2:]
rest = rest[2:] if rest[:2] == b"\0\0" else rest  # padding to a 32-bit boundary
print(rest.decode("utf-16-le", errors="replace").split("\0")[0])
PY
}
for exe in "Bản thảo.exe" banthao.exe; do
    check "$exe: ProductName «Bản thảo»" test "$(version_field "$DIST/$exe" ProductName)" = "Bản thảo"
    check "$exe: CompanyName «Bản thảo»" test "$(version_field "$DIST/$exe" CompanyName)" = "Bản thảo"
    check "$exe: ProductVersion $VERSION" test "$(version_field "$DIST/$exe" ProductVersion)" = "$VERSION"
done

echo "==> banthao.exe against the Linux banthao"
n=0
for f in tests/fixtures/*.txt tests/fixtures/*.docx; do
    case "$(basename "$f")" in bad_*) continue ;; esac
    n=$((n + 1))
    name="Văn bản $n $(basename "$f")"
    cp "$f" "$DOCS_UNIX/$name"
    "$LINUX" parse --json "$f" > "$WORK/linux.json"
    win parse --json "$DOCS\\$name" > "$WORK/win.json" 2> "$WORK/win.err"
    check "parse --json «$name»" same_json "$WORK/linux.json" "$WORK/win.json"
done
scaffold=(scaffold --parent 45-NQ/TW --province "Quảng Ninh" --issuer tinh-uy --type CTr --year 2026 --date 2026-03-15 --signer "Nguyễn Văn An")
"$LINUX" "${scaffold[@]}" -o "$WORK/linux-draft.json"
win "${scaffold[@]}" -o "$DOCS\\Dự thảo lần 2.json"
check "scaffold" same_json "$WORK/linux-draft.json" "$DOCS_UNIX/Dự thảo lần 2.json"
win export "$DOCS\\Dự thảo lần 2.json" -o "$DOCS\\Dự thảo lần 2.docx" 2> "$WORK/win.err"
check "export to «Dự thảo lần 2.docx»" test -s "$DOCS_UNIX/Dự thảo lần 2.docx" || cat "$WORK/win.err"
"$LINUX" export "$WORK/linux-draft.json" -o "$WORK/linux-draft.docx"
"$LINUX" parse --json "$WORK/linux-draft.docx" > "$WORK/linux.json"
win parse --json "$DOCS\\Dự thảo lần 2.docx" > "$WORK/win.json"
check "export then parse back" same_json "$WORK/linux.json" "$WORK/win.json"
A=tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt; B=tests/fixtures/cao-bang_kh_ban-thuong-vu.txt
cp "$A" "$DOCS_UNIX/Hà Giang.txt"; cp "$B" "$DOCS_UNIX/Cao Bằng.txt"
cp tests/fixtures/lam-dong_ctrhd_tinh-uy.txt "$DOCS_UNIX/Lâm Đồng.txt"
"$LINUX" diff --json "$A" "$B" > "$WORK/linux.json"
win diff --json "$DOCS\\Hà Giang.txt" "$DOCS\\Cao Bằng.txt" > "$WORK/win.json"
check "diff --json" same_json "$WORK/linux.json" "$WORK/win.json"
corpus=(tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt tests/fixtures/cao-bang_kh_ban-thuong-vu.txt tests/fixtures/lam-dong_ctrhd_tinh-uy.txt)
"$LINUX" corpus add --db "$WORK/linux.db" "${corpus[@]}" > /dev/null
win corpus add --db "$DOCS\\Kho văn bản.db" "$DOCS\\Hà Giang.txt" "$DOCS\\Cao Bằng.txt" "$DOCS\\Lâm Đồng.txt" > /dev/null
check "corpus add (SQLite under a Vietnamese path)" test -s "$DOCS_UNIX/Kho văn bản.db"
suggest=(suggest --section "45-NQ/TW#III.3" --province "Quảng Ninh" --json)
"$LINUX" "${suggest[@]}" --db "$WORK/linux.db" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([[s["text"], s["provinces"], s["count"]] for s in d], ensure_ascii=False))' > "$WORK/linux.json"
win "${suggest[@]}" --db "$DOCS\\Kho văn bản.db" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([[s["text"], s["provinces"], s["count"]] for s in d], ensure_ascii=False))' > "$WORK/win.json"
check "suggest (same clauses, provinces and counts)" same_json "$WORK/linux.json" "$WORK/win.json"
check "suggest finds the state-management clause" grep -q "ử lý nghiêm hành vi vi phạm" "$WORK/win.json"
win parse "$DOCS\\không có tệp này.txt" > /dev/null 2> "$WORK/win.err"; code=$?
check "a missing file: exit 2" test "$code" = 2
check "a missing file: Vietnamese message" grep -q 'không tìm thấy tệp' "$WORK/win.err"

echo "==> installer ($(basename "$SETUP"))"
INSTDIR="$USERDIR/AppData/Local/Programs/Bản thảo"
LINK="$APPDATA_UNIX/Microsoft/Windows/Start Menu/Programs/Bản thảo.lnk"
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\vn.banthao.app'
# A registry key's values as JSON (reg export writes UTF-16).
reg_json() {
    rm -f "$WORK/key.reg"
    wine reg export "$1" 'Z:'"$(echo "$WORK" | tr / '\\')"'\key.reg' /y >/dev/null 2>&1 || { echo '{}'; return; }
    python3 - "$WORK/key.reg" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-16").read()
vals = {}
for m in re.finditer(r'^"([^"]+)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]+)|hex\(2\):([0-9a-f,\\\s]+))', text, re.M):
    name, s, dw, hx = m.groups()
    if s is not None:
        vals[name] = re.sub(r'\\(.)', r'\1', s)
    elif dw is not None:
        vals[name] = int(dw, 16)
    else:
        b = bytes(int(x, 16) for x in re.findall(r'[0-9a-f]{2}', hx))
        vals[name] = b.decode("utf-16-le").rstrip("\0")
print(json.dumps(vals, ensure_ascii=False))
PY
}
value_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], ""))' "$1" "$2"; }
# The uninstaller runs a copy of itself from the temporary folder and returns at
# once: wait for the program's folder to go.
uninstall() {
    wine "$INSTDIR/Gỡ cài đặt.exe" "$@"
    for _ in $(seq 60); do [ -e "$INSTDIR" ] || break; sleep 0.5; done
    wineserver -w
}
# An older version first, as a user who upgrades would have it.
makensis -V1 -DVERSION=0.0.1 -DDIST="$(realpath "$DIST")" -DOUTFILE="$WORK/old-setup.exe" packaging/windows/banthao.nsi
wine "$WORK/old-setup.exe" /S; wineserver -w
check "older version installed" test -f "$INSTDIR/banthao.exe"
check "older version in the installed programs" test "$(value_of "$(reg_json "$KEY")" DisplayVersion)" = 0.0.1
wine "$INSTDIR/banthao.exe" corpus add "$DOCS\\Hà Giang.txt" > /dev/null
mkdir -p "$APPDATA_UNIX/vn.banthao.app" && echo "dữ liệu của cửa sổ" > "$APPDATA_UNIX/vn.banthao.app/banthao.db"
check "the user's library exists (%APPDATA%\\banthao)" test -s "$APPDATA_UNIX/banthao/banthao.db"
wine "$SETUP" /S /PATH; wineserver -w
reg=$(reg_json "$KEY")
check "upgrade: version $VERSION in the installed programs" test "$(value_of "$reg" DisplayVersion)" = "$VERSION"
check "installed programs: name «Bản thảo»" test "$(value_of "$reg" DisplayName)" = "Bản thảo"
quiet=$(value_of "$reg" QuietUninstallString)
check "installed programs: quiet uninstall string" test "$quiet" = '"C:\users\'"$(id -un)"'\AppData\Local\Programs\Bản thảo\Gỡ cài đặt.exe" /S'
for f in "Bản thảo.exe" banthao.exe WebView2Loader.dll icon.ico "Gỡ cài đặt.exe"; do check "installed: $f" test -f "$INSTDIR/$f"; done
check "Start-menu shortcut «Bản thảo»" test -f "$LINK"
check "no administrator rights needed (nothing under Program Files)" bash -c "! ls '$WINEPREFIX/drive_c/Program Files' | grep -qi 'bản thảo'"
path=$(value_of "$(reg_json 'HKCU\Environment')" Path)
check "/PATH: the folder is on the user's PATH" grep -qF 'Programs\Bản thảo' <<<"$path"
check "upgrade kept the library" test -s "$APPDATA_UNIX/banthao/banthao.db"
out=$(wine "$INSTDIR/banthao.exe" corpus list 2>&1)
check "installed banthao.exe runs and reads the kept library" grep -q "Hà Giang" <<<"$out"
uninstall /S
check "uninstall: program folder removed" test ! -e "$INSTDIR"
check "uninstall: shortcut removed" test ! -e "$LINK"
check "uninstall: installed-programs entry removed" test "$(reg_json "$KEY")" = '{}'
path=$(value_of "$(reg_json 'HKCU\Environment')" Path)
check "uninstall: PATH entry removed" bash -c '! grep -qF "Bản thảo" <<<"$0"' "$path"
check "uninstall kept the library" test -s "$APPDATA_UNIX/banthao/banthao.db"
check "uninstall kept the window's data" test -s "$APPDATA_UNIX/vn.banthao.app/banthao.db"
wine "$SETUP" /S; wineserver -w
uninstall /S /XOADULIEU
check "uninstall /XOADULIEU: data removed" bash -c "[ ! -e '$APPDATA_UNIX/banthao' ] && [ ! -e '$APPDATA_UNIX/vn.banthao.app' ]"

echo "==> «Bản thảo.exe» without WebView2"
cp "$DIST/Bản thảo.exe" "$WORK/app.exe"; cp "$DIST/WebView2Loader.dll" "$WORK/"
xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
    wine "$0/app.exe" & pid=$!
    win=""
    for _ in $(seq 60); do win=$(xdotool search --name "thiếu WebView2" 2>/dev/null | head -1); [ -n "$win" ] && break; sleep 0.5; done
    echo "$win" > "$0/msgbox-window"
    if [ -n "$win" ]; then
        sleep 1; import -window root "$0/webview2-missing.png" 2>/dev/null
        xdotool windowactivate --sync "$win" key Return 2>/dev/null || xdotool key Return
    fi
    for _ in $(seq 20); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
    kill $pid 2>/dev/null
    wait $pid; echo $? > "$0/app-exit"
' "$WORK"
check "a message box «Bản thảo — thiếu WebView2» is shown" test -s "$WORK/msgbox-window"
check "the app exits with code 3 after it" test "$(cat "$WORK/app-exit")" = 3
echo "Screenshot: $WORK/webview2-missing.png"
wineserver -k 2>/dev/null || true

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

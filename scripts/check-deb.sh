#!/usr/bin/env bash
# Checks the Debian package made by `scripts/package.sh deb` as a Linux user meets it:
# installed with apt-get (its declared dependencies resolve), the command line runs,
# the desktop entry and icon are in place, the window opens on the library under Xvfb,
# and apt-get removes it all. Prints "N passed, M failed"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_install xvfb xauth xdotool imagemagick
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' src-tauri/Cargo.toml | head -1)
DEB=$(realpath "target/dist/banthao_${VERSION}_amd64.deb")
[ -f "$DEB" ] || { echo "Thiếu $DEB: chạy scripts/package.sh deb trước." >&2; exit 1; }
WORK=$(realpath -m target/deb-check)
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed + 1)); echo "  ok: $what"; else failed=$((failed + 1)); echo "  LỖI: $what"; fi; }

echo "==> apt-get install ./$(basename "$DEB")"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" > "$WORK/install.log" 2>&1
check "installs with its dependencies" dpkg -s banthao
check "package version $VERSION" test "$(dpkg-query -W -f '${Version}' banthao)" = "$VERSION"
check "banthao on PATH" test -x /usr/bin/banthao
check "banthao-app on PATH" test -x /usr/bin/banthao-app
check "desktop entry" grep -q '^Name=Bản thảo$' /usr/share/applications/vn.banthao.app.desktop
check "icon" test -s /usr/share/icons/hicolor/256x256/apps/vn.banthao.app.png
out=$(banthao parse tests/fixtures/cao-bang_kh_ban-thuong-vu.txt 2>&1)
check "the installed banthao parses a document" grep -q "Cao Bằng" <<<"$out"

echo "==> the installed window under Xvfb"
export BANTHAO_DATA_DIR="$WORK/data"
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    banthao-app > "$0/app.log" 2>&1 & pid=$!
    win=""
    for _ in $(seq 60); do win=$(xdotool search --onlyvisible --name "^Bản thảo$" 2>/dev/null | head -1); [ -n "$win" ] && break; sleep 0.5; done
    echo "$win" > "$0/window"
    sleep 4; import -window root "$0/library.png" 2>/dev/null
    kill -TERM $pid; wait $pid 2>/dev/null
' "$WORK"
check "the window «Bản thảo» opens" test -s "$WORK/window"
check "first run made the library" test -s "$WORK/data/banthao.db"
echo "Screenshot: $WORK/library.png"

echo "==> apt-get remove banthao"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq banthao > "$WORK/remove.log" 2>&1
check "removed" bash -c '! dpkg -s banthao >/dev/null 2>&1'
check "binaries gone" test ! -e /usr/bin/banthao -a ! -e /usr/bin/banthao-app
check "desktop entry gone" test ! -e /usr/share/applications/vn.banthao.app.desktop
check "the user's data kept" test -s "$WORK/data/banthao.db"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

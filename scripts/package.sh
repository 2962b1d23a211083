#!/usr/bin/env bash
# Builds what users install, on this Debian/Ubuntu machine, installing the tools it needs:
#   scripts/package.sh windows   the Windows installer, «Bản thảo.exe» (the window) and
#                                banthao.exe (the command line) → target/dist/windows/
#   scripts/package.sh deb       the Debian/Ubuntu package (window + command line)
#                                → target/dist/banthao_VERSION_amd64.deb
# Prints each file's size and the time the build took.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' src-tauri/Cargo.toml | head -1)
started=$(date +%s)

size_of() { printf '%s: %s bytes (%s)\n' "$1" "$(stat -c %s "$1")" "$(du -h "$1" | cut -f1)"; }

windows() {
    apt_install mingw-w64 nsis
    rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
    build_ui
    local t=x86_64-pc-windows-gnu
    echo "==> cross-compiling banthao.exe and Bản thảo.exe (release, $t)"
    cargo build --release --locked --target $t --bin banthao
    cargo build --release --locked --target $t -p banthao-app --features custom-protocol
    local out=target/dist/windows
    rm -rf "$out" && mkdir -p "$out"
    cp "target/$t/release/banthao-app.exe" "$out/Bản thảo.exe"
    cp "target/$t/release/banthao.exe" "$out/banthao.exe"
    # The window's executable loads WebView2Loader.dll (Microsoft's, shipped in the
    # webview2-com-sys crate) at start: with the GNU toolchain it is a DLL beside it.
    cp "target/$t/release/WebView2Loader.dll" "$out/WebView2Loader.dll"
    cp src-tauri/icons/icon.ico "$out/icon.ico"
    # Shipped without symbol tables (half the size).
    x86_64-w64-mingw32-strip "$out/Bản thảo.exe" "$out/banthao.exe"
    local setup="$out/Bản-thảo-$VERSION-cai-dat.exe"
    # makensis works from the script's folder: absolute paths.
    makensis -V2 -DVERSION="$VERSION" -DDIST="$(realpath "$out")" -DOUTFILE="$(realpath -m "$setup")" packaging/windows/banthao.nsi
    size_of "$out/Bản thảo.exe"; size_of "$out/banthao.exe"; size_of "$setup"
}

deb() {
    apt_install "${APP_PACKAGES[@]}" dpkg-dev
    build_ui
    echo "==> building banthao and banthao-app (release)"
    build_cli_linux
    cargo build --release --locked -p banthao-app --features custom-protocol
    local root=target/dist/deb-root deb="target/dist/banthao_${VERSION}_amd64.deb"
    rm -rf "$root" target/dist/shlibdeps && mkdir -p "$root/DEBIAN" "$root/usr/bin" \
        "$root/usr/share/applications" "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/banthao"
    install -m 755 -s target/release/banthao-app "$root/usr/bin/banthao-app"
    install -m 755 -s "$CLI_LINUX" "$root/usr/bin/banthao"
    install -m 644 src-tauri/icons/icon.png "$root/usr/share/icons/hicolor/256x256/apps/vn.banthao.app.png"
    install -m 644 packaging/linux/vn.banthao.app.desktop "$root/usr/share/applications/vn.banthao.app.desktop"
    install -m 644 packaging/linux/copyright "$root/usr/share/doc/banthao/copyright"
    # The libraries the binaries link against, as package dependencies.
    mkdir -p target/dist/shlibdeps/debian
    printf 'Source: banthao\n\nPackage: banthao\nArchitecture: amd64\n' > target/dist/shlibdeps/debian/control
    local depends
    depends=$(cd target/dist/shlibdeps && dpkg-shlibdeps -O "../deb-root/usr/bin/banthao-app" "../deb-root/usr/bin/banthao" \
        2>/dev/null | sed -n 's/^shlibs:Depends=//p')
    [ -n "$depends" ] || { echo "dpkg-shlibdeps gave no dependencies" >&2; exit 1; }
    local kb
    kb=$(du -sk "$root/usr" | cut -f1)
    sed -e "s/@VERSION@/$VERSION/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$kb/" \
        packaging/linux/control.in > "$root/DEBIAN/control"
    dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
    size_of "$deb"
}

case "${1:-}" in
    windows) windows ;;
    deb) deb ;;
    *) echo "Dùng: scripts/package.sh windows|deb" >&2; exit 2 ;;
esac
echo "Đóng gói xong trong $(( $(date +%s) - started )) s."

#!/usr/bin/env bash
# Sets up and runs every test of the project on a fresh Debian/Ubuntu machine: the
# library crates, the CLI, the app's bindings, and the end-to-end tests of the real
# window (tauri-driver + WebKitWebDriver under Xvfb; screenshots in
# target/e2e-screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
# Independent readers of our .docx files (pandoc, LibreOffice, poppler), the window's
# build dependencies, and the window test tools.
# IBus with the Unikey engine, xdotool and a session bus type Telex and VNI into the
# window through the system input method; a small GTK window (python3-gi) drags files
# into it.
apt_install "${APP_PACKAGES[@]}" pandoc libreoffice-writer-nogui poppler-utils \
    xvfb xauth webkit2gtk-driver procps imagemagick ibus ibus-unikey ibus-gtk3 xdotool dbus-x11 \
    python3-gi gir1.2-gtk-3.0
echo "==> UI (TypeScript)"
build_ui
echo "==> tidy gate: formatting, lints, docs, strict types"
# Each fails the run: rustfmt's and prettier's formatting, any clippy warning, any
# rustdoc warning in the library crates (which also deny missing docs), a type error.
cargo fmt --all --check
(cd ui && npm run --silent check)
cargo clippy --locked --workspace --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p banthao-core -p banthao-docx -p banthao-store \
    -p banthao-doc -p banthao-pdf -p banthao-import
echo "==> UI tests (node --test)"
(cd ui && npm test --silent)
echo "==> cargo test (library crates and CLI)"
cargo test --locked
echo "==> app: build and bindings"
# The end-to-end tests start target/debug/banthao-app: build the binary itself
# (`cargo test` alone builds only its test harness).
cargo build --locked -p banthao-app
cargo test --locked -p banthao-app
need_tauri_driver
echo "==> end-to-end tests in the real window"
pkill -f target/debug/banthao-app 2>/dev/null || true
xvfb-run -a -s "-screen 0 1366x768x24" cargo test --locked -p banthao-e2e -- --test-threads=1
echo "Screenshots: target/e2e-screenshots/"
echo "==> packages users install: the .deb and the Windows installer, built and checked"
# The .deb's release build also gives the Linux banthao that banthao.exe is compared with.
scripts/package.sh deb
scripts/check-deb.sh
scripts/package.sh windows
scripts/check-windows.sh

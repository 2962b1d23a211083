#!/usr/bin/env bash
# Prints the desktop app's figures: launch → editable draft, keystroke latency in a
# 30-page draft, memory, autosave cost (tests/e2e/src/bin/bench-app.rs says how each is
# measured). Builds the release app as scripts/run.sh does and drives it in a real
# window under Xvfb through tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
apt_install "${APP_PACKAGES[@]}" libreoffice-writer-nogui poppler-utils xvfb xauth webkit2gtk-driver
build_ui
cargo build --release --locked -p banthao-app --features custom-protocol
cargo build --locked -p banthao-e2e --bin bench-app
need_tauri_driver
BANTHAO_APP="$PWD/target/release/banthao-app" \
    xvfb-run -a -s "-screen 0 1366x768x24" ./target/debug/bench-app

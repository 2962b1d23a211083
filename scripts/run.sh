#!/usr/bin/env bash
# Sets up and starts Bản thảo on a fresh Debian/Ubuntu machine: system packages for
# the window, the UI's packages, a release build; then opens the window. The data
# (library, drafts, versions, daily backups) lives in ~/.local/share/vn.banthao.app/
# unless BANTHAO_DATA_DIR says otherwise.
#   scripts/run.sh            the app
#   scripts/run.sh cli ARGS   the `banthao` command line (batch work)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
if [ "${1:-}" = cli ]; then
    shift
    apt_install build-essential pkg-config
    build_cli_linux
    exec "$CLI_LINUX" "$@"
fi
apt_install "${APP_PACKAGES[@]}"
build_ui
cargo build --release --locked -p banthao-app --features custom-protocol
exec ./target/release/banthao-app

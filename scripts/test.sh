#!/usr/bin/env bash
# Sets up and runs every test of the project on a fresh Debian/Ubuntu machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
# Independent readers of our .docx files (pandoc, LibreOffice, poppler) and the
# metric-compatible stand-in for Times New Roman that LibreOffice renders with.
apt_install build-essential pkg-config pandoc libreoffice-writer-nogui poppler-utils fonts-liberation
echo "==> cargo test (workspace)"
cargo test --workspace --locked

#!/usr/bin/env bash
# Sets up and runs Bản thảo. Until the desktop window lands, the product is the
# `banthao` command line. With no arguments: builds it, starts a draft of the
# programme implementing 45-NQ/TW for a province and exports it to Word
# (target/demo/); with arguments: runs `banthao` with them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
apt_install build-essential pkg-config
cargo build --release --locked --bin banthao
B=./target/release/banthao
if [ $# -gt 0 ]; then exec "$B" "$@"; fi
mkdir -p target/demo
"$B" scaffold --parent 45-NQ/TW --province "Quảng Ninh" --issuer ban-thuong-vu --type KH \
    --year "$(date +%Y)" -o target/demo/ke-hoach-45-quang-ninh.json
"$B" export target/demo/ke-hoach-45-quang-ninh.json -o target/demo/ke-hoach-45-quang-ninh.docx
"$B" parse target/demo/ke-hoach-45-quang-ninh.docx
echo
echo "Bản thảo đã tạo: target/demo/ke-hoach-45-quang-ninh.docx (mở bằng Word hoặc LibreOffice)."
echo "Các lệnh khác: $B --help"

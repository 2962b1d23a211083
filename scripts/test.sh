#!/usr/bin/env bash
# Sets up and runs every test of the project on a fresh Debian/Ubuntu machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
apt_install build-essential pkg-config
echo "==> cargo test (workspace)"
cargo test --workspace --locked

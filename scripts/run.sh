#!/usr/bin/env bash
# Sets up and runs Bản thảo. Until the desktop window lands, the product is the
# `banthao` command line: with no arguments this builds it and reads the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
apt_install build-essential pkg-config
cargo build --release --locked --bin banthao
if [ $# -eq 0 ]; then
    for f in tests/fixtures/*.txt tests/fixtures/synth_*.docx; do
        echo "=================== $f"
        ./target/release/banthao parse "$f"
    done
else
    exec ./target/release/banthao "$@"
fi

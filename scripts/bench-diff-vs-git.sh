#!/usr/bin/env bash
# Whole-process timing: `banthao diff A B` against `git diff --no-index --word-diff A B`
# on the same pair of 30+ page texts (Hà Giang's and Cao Bằng's bodies, four times).
# Prints the mean wall time per run of each.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_cargo
cargo build -q --release --locked --bin banthao
d=target/bench && mkdir -p "$d"
# Header of the Hà Giang text, then a province's body four times, then its tail.
body() { sed -n '/^I- /,/Nơi nhận/{/Nơi nhận/!p}' "$1"; }
tail_of() { sed -n '/Nơi nhận/,$p' "$1"; }
for f in ha-giang_ctr_tinh-uy_du-thao_2024 cao-bang_kh_ban-thuong-vu; do
    src="tests/fixtures/$f.txt"
    { head -16 tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt; for _ in 1 2 3 4; do body "$src"; done; tail_of "$src"; } > "$d/$f.txt"
done
A="$d/ha-giang_ctr_tinh-uy_du-thao_2024.txt"; B="$d/cao-bang_kh_ban-thuong-vu.txt"
echo "A: $(wc -c < "$A") bytes, B: $(wc -c < "$B") bytes"
N=${N:-20}
time_it() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$N"); do "$@" > /dev/null || true; done
    end=$(date +%s%N)
    echo "$(( (end - start) / N / 1000000 )) ms"
}
echo "banthao diff (align + diff, whole process): $(time_it ./target/release/banthao diff "$A" "$B")"
echo "git diff --no-index --word-diff:            $(time_it git diff --no-index --word-diff "$A" "$B")"

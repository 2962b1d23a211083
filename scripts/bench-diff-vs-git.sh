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
N=${N:-40}
# Runs the two commands alternately (so machine load affects both alike) and prints
# the median and the minimum wall time of each, in milliseconds.
declare -a tb tg
run_once() {
    local s e
    s=$(date +%s%N); "$@" > /dev/null || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
}
for _ in $(seq "$N"); do
    tb+=("$(run_once ./target/release/banthao diff "$A" "$B")")
    tg+=("$(run_once git diff --no-index --word-diff "$A" "$B")")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, min %.1f ms", a[int((NR+1)/2)]/1000, a[1]/1000}'; }
echo "banthao diff (parse + align + diff, whole process): $(stats "${tb[@]}")"
echo "git diff --no-index --word-diff:                    $(stats "${tg[@]}")"

#!/usr/bin/env bash
# Whole-process timing of `banthao diff A B` against `git diff --no-index --word-diff A B`,
# run in pairs (A B A B …, so that the machine's load falls on both alike), on
#   corpus  the two 26 KB provincial texts of the fixtures (Hà Giang's and Cao Bằng's);
#   long    the same pair with each body four times (about 100 KB each).
# Prints, for each, the median CPU time (user + system, from the kernel's accounting of
# each finished process) and wall time of both, and the median of the per-pair ratios,
# with their minimum and maximum. Also the floor: `banthao --version` and `/bin/true`.
# BANTHAO=path/to/banthao uses that binary instead of building one; N=runs (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
if [ -z "${BANTHAO:-}" ]; then
    need_cargo
    build_cli_linux -q
    BANTHAO=$CLI_LINUX
fi
d=target/bench && mkdir -p "$d"
# Header of the Hà Giang text, then a province's body four times, then its tail.
body() { sed -n '/^I- /,/Nơi nhận/{/Nơi nhận/!p}' "$1"; }
tail_of() { sed -n '/Nơi nhận/,$p' "$1"; }
for f in ha-giang_ctr_tinh-uy_du-thao_2024 cao-bang_kh_ban-thuong-vu; do
    src="tests/fixtures/$f.txt"
    { head -16 tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt; for _ in 1 2 3 4; do body "$src"; done; tail_of "$src"; } > "$d/long-$f.txt"
done
python3 - "$BANTHAO" "${N:-200}" <<'PY'
import os, statistics, subprocess, sys, time

banthao, n = sys.argv[1], int(sys.argv[2])
fx = "tests/fixtures/"
pairs = {
    "corpus": (fx + "ha-giang_ctr_tinh-uy_du-thao_2024.txt", fx + "cao-bang_kh_ban-thuong-vu.txt"),
    "long": ("target/bench/long-ha-giang_ctr_tinh-uy_du-thao_2024.txt", "target/bench/long-cao-bang_kh_ban-thuong-vu.txt"),
}
devnull = os.open(os.devnull, os.O_WRONLY)


def run(cmd):
    """One whole process: (cpu ms, wall ms)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=devnull, stderr=devnull)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    return (ru.ru_utime + ru.ru_stime) * 1000, wall * 1000


def med(v):
    return statistics.median(v)


def paired(a, b, runs):
    ra, rb = [], []
    for _ in range(5):  # warm-up: page cache, binaries
        run(a), run(b)
    for _ in range(runs):
        ra.append(run(a))
        rb.append(run(b))
    return ra, rb


def show(name, a, b, ra, rb):
    ca, wa = [x[0] for x in ra], [x[1] for x in ra]
    cb, wb = [x[0] for x in rb], [x[1] for x in rb]
    rc = sorted(x / y for x, y in zip(ca, cb) if y > 0)
    rw = sorted(x / y for x, y in zip(wa, wb))
    print(f"{name}: {len(ra)} pairs")
    print(f"  {'banthao diff':<32} cpu {med(ca):6.2f} ms  wall {med(wa):6.2f} ms")
    print(f"  {'git diff --no-index --word-diff':<32} cpu {med(cb):6.2f} ms  wall {med(wb):6.2f} ms")
    print(f"  ratio banthao/git, median (min–max): cpu {med(rc):.3f} ({rc[0]:.3f}–{rc[-1]:.3f}), "
          f"wall {med(rw):.3f} ({rw[0]:.3f}–{rw[-1]:.3f})")


for name, (a, b) in pairs.items():
    print(f"{name}: A {os.path.getsize(a)} bytes, B {os.path.getsize(b)} bytes")
    ra, rb = paired([banthao, "diff", a, b], ["git", "diff", "--no-index", "--word-diff", a, b], n)
    show(name, a, b, ra, rb)
fa, fb = paired([banthao, "--version"], ["/bin/true"], n)
print(f"floor: banthao --version cpu {med([x[0] for x in fa]):.2f} ms, /bin/true cpu {med([x[0] for x in fb]):.2f} ms")
PY

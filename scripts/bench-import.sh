#!/usr/bin/env bash
# Import speed: `banthao parse` of a 30-page PDF and a 30-page Word 97–2003 .doc, side by
# side with poppler's pdftotext and antiword on the same files (wall time, peak memory),
# and how soon the hostile inputs are refused: a 10,000-page PDF, a decompression bomb.
#
# Targets (issue 12): the 30-page PDF under 150 ms, the 30-page .doc under 50 ms; the
# hostile PDFs refused with a message within 5 s, in bounded memory.
#
# BANTHAO=path/to/banthao uses that binary instead of building one; RUNS=n runs each
# command n times (default 5) and prints the median.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
[ -x /usr/bin/time ] || apt_install time
command -v pdftotext >/dev/null || apt_install poppler-utils
command -v antiword >/dev/null || apt_install antiword
if [ -z "${BANTHAO:-}" ]; then
    need_cargo
    build_cli_linux -q
    BANTHAO=$CLI_LINUX
fi
RUNS=${RUNS:-5}
d=target/bench-import && mkdir -p "$d"

python3 - "$d" <<'PY'
import sys, zlib
out = sys.argv[1]
def build(bodies):
    b = bytearray(b"%PDF-1.7\n")
    offs = []
    for k, body in enumerate(bodies):
        offs.append(len(b))
        b += b"%d 0 obj\n" % (k + 1) + body + b"\nendobj\n"
    x = len(b)
    b += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    for o in offs:
        b += b"%010d 00000 n \n" % o
    b += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, x)
    return bytes(b)
def stream(data, extra=b""):
    return b"<< %s /Length %d >>\nstream\n" % (extra, len(data)) + data + b"\nendstream"
n = 10000
kids = b" ".join(b"%d 0 R" % (k + 5) for k in range(n))
font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
open(f"{out}/10000-pages.pdf", "wb").write(build([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
    stream(b"BT /F1 12 Tf 72 760 Td (Trang) Tj ET"), font] + [page] * n))
bomb = zlib.compress(b" " * (512 << 20), 9)
open(f"{out}/bomb.pdf", "wb").write(build([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream(bomb, b"/Filter /FlateDecode")]))
PY

# Median of RUNS runs: "wall s, peak MB" (the largest process) from /usr/bin/time.
measure() {
    local f=$d/time.out all=()
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -o "$f" -f "%e %M" "$@" > /dev/null 2>&1 || true
        all+=("$(tail -n 1 "$f")")
    done
    printf '%s\n' "${all[@]}" | sort -n | awk '{w[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); printf "%6.3f s %6.0f MB", w[i], m[i]/1024}'
}

pdf=tests/fixtures/variants/long_ha-giang.pdf
doc=tests/fixtures/variants/long_ha-giang.doc
printf '%-40s %-20s   %s\n' case "banthao parse" "reference"
printf '%-40s %s   %s (pdftotext)\n' "PDF, $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages, $(($(stat -c %s "$pdf") / 1024)) KB" \
    "$(measure "$BANTHAO" parse "$pdf")" "$(measure pdftotext "$pdf" -)"
printf '%-40s %s   %s (antiword)\n' "Word 97–2003 .doc, $(($(stat -c %s "$doc") / 1024)) KB" \
    "$(measure "$BANTHAO" parse "$doc")" "$(measure antiword "$doc")"
for f in 10000-pages bomb; do
    printf '%-40s %s   %s (pdftotext)\n' "$f.pdf (refused)" "$(measure "$BANTHAO" parse "$d/$f.pdf")" \
        "$(measure pdftotext "$d/$f.pdf" -)"
    "$BANTHAO" parse "$d/$f.pdf" 2>&1 >/dev/null | sed 's/^/    /' || true
done

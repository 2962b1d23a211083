#!/usr/bin/env bash
# Scale check: `banthao diff` and `banthao compare` on large or many inputs, side by side
# with `git diff --no-index --word-diff` on the same files (wall time, peak memory).
#
# Inputs are generated deterministically into target/bench-scale/:
#   wide-a/b    two unrelated 2 MB texts of bullets, no headings, words drawn from the
#               corpus texts' vocabulary (a long appendix or a compilation);
#   narrow-a/b  2 MB each, words drawn from 50 corpus words, bullets near-duplicates of
#               one another;
#   small-a/b   the narrow kind, 3,300 bullets;
#   sections-a/b  1 MB each, 60 chapters of 50 numbered items (3,000 subsections);
#   draft.txt + others/*.txt  a corpus text against 100 variants of the three corpus
#               texts (province names replaced, some sentences permuted).
#
# BANTHAO=path/to/banthao uses that binary instead of building one (e.g. an older build);
# RUNS=n runs each command n times (default 1) and prints every run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
[ -x /usr/bin/time ] || apt_install time
if [ -z "${BANTHAO:-}" ]; then
    need_cargo
    build_cli_linux -q
    BANTHAO=$CLI_LINUX
fi
RUNS=${RUNS:-1}
d=target/bench-scale && mkdir -p "$d"

python3 - "$d" <<'PY'
import os, random, re, sys
out = sys.argv[1]
fx = "tests/fixtures"
corpus = ["ha-giang_ctr_tinh-uy_du-thao_2024.txt", "cao-bang_kh_ban-thuong-vu.txt", "lam-dong_ctrhd_tinh-uy.txt"]
texts = [open(os.path.join(fx, n), encoding="utf-8").read() for n in corpus]
# Every word (syllable) of the corpus texts, lower case, in order of first use.
tokens = [w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t)]
vocab = list(dict.fromkeys(tokens))
freq = {}
for w in tokens:
    freq[w] = freq.get(w, 0) + 1
common = sorted(vocab, key=lambda w: (-freq[w], vocab.index(w)))[:50]

def write(name, lines):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("".join(lines))

def bullet(words):
    s = " ".join(words)
    return "- " + s[0].upper() + s[1:] + ".\n"

def fill(rng, size, make):
    lines, n = [], 0
    while n < size:
        l = make(rng)
        lines.append(l)
        n += len(l.encode())
    return lines

SIZE = 2 * 1024 * 1024
# Wide: unrelated texts, words drawn as often as the corpus uses them.
for name, seed in (("wide-a.txt", 1), ("wide-b.txt", 2)):
    write(name, fill(random.Random(seed), SIZE,
                     lambda r: bullet(r.choices(tokens, k=r.randint(20, 42)))))

# Narrow: 50 words; every bullet is one of 12 variants of a single sentence with a few
# words changed, so nearly every bullet is like nearly every other (the worst case for
# paragraph matching: most pairs of bullets are over half alike).
base_rng = random.Random(3)
root = [base_rng.choice(common) for _ in range(32)]
bases = []
for _ in range(12):
    b = list(root)
    for _ in range(6):
        b[base_rng.randrange(len(b))] = base_rng.choice(common)
    bases.append(b)
def near(r):
    w = list(r.choice(bases))
    for _ in range(r.randint(0, 5)):
        w[r.randrange(len(w))] = r.choice(common)
    return bullet(w)
for name, seed in (("narrow-a.txt", 4), ("narrow-b.txt", 5)):
    write(name, fill(random.Random(seed), SIZE, near))
for name, seed in (("small-a.txt", 6), ("small-b.txt", 7)):
    r = random.Random(seed)
    write(name, [near(r) for _ in range(3300)])

# Many sections: 60 chapters of 50 numbered items, each with two bullets (3,000
# sections on the second level; section alignment compares them with each other).
def roman(n):
    out = ""
    for v, c in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += c
            n -= v
    return out
for name, seed in (("sections-a.txt", 8), ("sections-b.txt", 9)):
    r = random.Random(seed)
    lines = []
    for c in range(1, 61):
        lines.append(f"{roman(c)}- " + " ".join(r.choices(tokens, k=5)).upper() + "\n")
        for k in range(1, 51):
            lines.append(f"{k}. " + " ".join(r.choices(tokens, k=6)).capitalize() + "\n")
            lines += [bullet(r.choices(tokens, k=25)) for _ in range(2)]
    write(name, lines)

# 100 documents of normal size: the corpus texts under other province names, with the
# sentences of some lines in another order.
provinces = ["Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng",
             "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
             "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long",
             "Đồng Tháp", "Cà Mau", "An Giang", "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La",
             "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"]
write("draft.txt", [texts[0]])
os.makedirs(os.path.join(out, "others"), exist_ok=True)
os.makedirs(os.path.join(out, "drafts"), exist_ok=True)
split = re.compile(r"(?<=[.;]) (?=[A-ZĐÀ-Ỹ])")
for i in range(100):
    r = random.Random(100 + i)
    p = provinces[i % len(provinces)]
    t = texts[i % 3]
    for old in ("Hà Giang", "Cao Bằng", "Lâm Đồng"):
        t = t.replace(old, p)
    lines = t.split("\n")
    for k, line in enumerate(lines):
        parts = split.split(line)
        if len(parts) > 1 and r.random() < 0.3:
            r.shuffle(parts)
            lines[k] = " ".join(parts)
    name = f"{i:03d}.txt"
    write(os.path.join("others", name), ["\n".join(lines)])
    write(os.path.join("drafts", name), [texts[0]])  # for git: the draft against each
PY

# Runs a command, prints "wall s, peak MB" (the largest process) from /usr/bin/time.
measure() {
    local f=$d/time.out
    /usr/bin/time -o "$f" -f "%e %M" "$@" > /dev/null 2>&1 || true
    awk 'END {printf "%7.2f s %7.0f MB", $1, $2 / 1024}' "$f"
}
row() { # label, banthao command..., then -- git command...
    local label=$1; shift
    local b=() g=()
    while [ "$1" != -- ]; do b+=("$1"); shift; done; shift; g=("$@")
    for _ in $(seq "$RUNS"); do
        printf '%-34s %s   %s\n' "$label" "$(measure "${b[@]}")" "$(measure "${g[@]}")"
    done
}
for p in wide narrow small sections; do
    echo "$p: A $(wc -c < "$d/$p-a.txt") bytes, $(wc -l < "$d/$p-a.txt") bullets; B $(wc -c < "$d/$p-b.txt") bytes"
done
printf '%-34s %-20s   %s\n' case "banthao (wall, peak)" "git --word-diff (wall, peak)"
for p in wide narrow small sections; do
    row "diff $p" "$BANTHAO" diff "$d/$p-a.txt" "$d/$p-b.txt" \
        -- git diff --no-index --word-diff "$d/$p-a.txt" "$d/$p-b.txt"
done
row "compare draft vs 100 documents" "$BANTHAO" compare "$d/draft.txt" "$d"/others/*.txt \
    -- git diff --no-index --word-diff "$d/drafts" "$d/others"

#!/usr/bin/env bash
# Crash-safe writes (issue 17, item 3): each path that writes is killed with SIGKILL
# at a random moment, N times, and what it left is checked:
#   - PRAGMA integrity_check is ok, and the FTS5 integrity checks (document_fts,
#     clause_fts) pass;
#   - every imported document has its sentences (and so its clauses) or none;
#   - no half-written user file under the user's chosen name: an export target is
#     absent, the old file, or a complete .docx whose parts a strict XML parser accepts;
#   - the store opens normally afterwards, and finishing the interrupted work gives the
#     same corpus as a run that was never killed.
# Paths: corpus import of 50 files with mining (`banthao corpus add`), named version
# save, the daily backup, a migration on open (from schema version 2), the review
# import of reviewers' Word copies, export.
#
# Usage: scripts/kill-loops.sh [N]   (N kills per path, default 10, about 3 minutes; KILL_LOOPS_N too)
# Uses target/{release,debug}/banthao when built (BANTHAO_BIN overrides) and builds
# the store's kill_target example. Needs python3 and bash. Exit 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-${KILL_LOOPS_N:-10}}"

echo "==> building banthao and the store's kill_target example"
cargo build -q -p banthao-cli
cargo build -q -p banthao-store --example kill_target
T="${CARGO_TARGET_DIR:-target}"
BIN="${BANTHAO_BIN:-$T/debug/banthao}"
KT="$T/debug/examples/kill_target"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/banthao-kill-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# 50 distinct documents: the text fixtures, each copied with a note of its own.
mkdir -p "$WORK/files"
mapfile -t SOURCES < <(ls tests/fixtures/*.txt tests/fixtures/variants/*.pdftotext.txt | sort)
for i in $(seq 1 50); do
  src="${SOURCES[$(( (i - 1) % ${#SOURCES[@]} ))]}"
  { cat "$src"; printf '\nBản sao số %d.\n' "$i"; } > "$WORK/files/$(printf '%02d' "$i")-$(basename "$src")"
done
FILES=("$WORK"/files/*.txt)

# Random delay in seconds (3 decimals) up to $1 milliseconds.
delay() { awk -v max="$1" -v r="$RANDOM$RANDOM" 'BEGIN { srand(r); printf "%.3f", rand() * max / 1000 }'; }

# Runs a command in the background, kills it with SIGKILL after a random delay up to
# $1 ms (or lets it end first); prints "killed" or "finished".
kill_run() {
  local max="$1"; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(delay "$max")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo killed
  else
    wait "$pid" 2>/dev/null || true
    echo finished
  fi
}

# Milliseconds a command takes.
duration_ms() {
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

fail() { echo "   FAIL ($1, run $2): $3"; FAILED=1; }

report() { echo "   $1: $2 runs, killed mid-way $3 times, checks passed after $4 of the $2"; }

# ---- corpus import of 50 files with mining ------------------------------------
echo "==> corpus add: 50 files with mining"
REF="$WORK/ref-corpus.db"
ms=$(duration_ms "$BIN" corpus add "${FILES[@]}" --db "$REF")
ref_counts=$("$KT" check "$REF")
echo "   one uninterrupted run: ${ms} ms; $ref_counts"
killed=0; ok=0
for run in $(seq 1 "$N"); do
  db="$WORK/corpus-$run.db"
  r=$(kill_run "$ms" "$BIN" corpus add "${FILES[@]}" --db "$db")
  [ "$r" = killed ] && killed=$((killed + 1))
  if [ ! -e "$db" ]; then ok=$((ok + 1)); continue; fi
  if ! out=$("$KT" check "$db" 2>&1); then fail corpus "$run" "$out"; continue; fi
  # Finishing the import gives what the uninterrupted run gave.
  "$BIN" corpus add "${FILES[@]}" --db "$db" >/dev/null 2>&1 || { fail corpus "$run" "re-import failed"; continue; }
  if ! out=$("$KT" check "$db" 2>&1) || [ "$out" != "$ref_counts" ]; then
    fail corpus "$run" "after finishing: $out (expected $ref_counts)"; continue
  fi
  ok=$((ok + 1)); rm -f "$db" "$db"-wal "$db"-shm
done
report "corpus add" "$N" "$killed" "$ok"

# ---- named version save -------------------------------------------------------
echo "==> version save (draft autosave and named versions, in a loop)"
killed=0; ok=0
db="$WORK/versions.db"
for run in $(seq 1 "$N"); do
  r=$(kill_run 1500 "$KT" versions "$db")
  [ "$r" = killed ] && killed=$((killed + 1))
  if out=$("$KT" check "$db" 2>&1); then ok=$((ok + 1)); else fail versions "$run" "$out"; fi
done
echo "   last: $out"
report "version save" "$N" "$killed" "$ok"

# ---- daily backup -------------------------------------------------------------
echo "==> daily backup"
killed=0; ok=0
cp "$REF" "$WORK/backup-src.db"
for run in $(seq 1 "$N"); do
  r=$(kill_run 1500 "$KT" backup "$WORK/backup-src.db" "$WORK/backups")
  [ "$r" = killed ] && killed=$((killed + 1))
  if ! out=$("$KT" check-backups "$WORK/backups" 2>&1); then fail backup "$run" "$out"; continue; fi
  if ! out2=$("$KT" check "$WORK/backup-src.db" 2>&1); then fail backup "$run" "source: $out2"; continue; fi
  ok=$((ok + 1))
done
echo "   last: $out; partial copies left by kills: $(ls "$WORK/backups" | grep -c '\.partial$' || true)"
report "daily backup" "$N" "$killed" "$ok"

# ---- migration on open --------------------------------------------------------
echo "==> migration on open (schema version 2 with 20 documents to mine)"
"$KT" old "$WORK/old.db" "${FILES[@]:0:20}"
cp "$WORK/old.db" "$WORK/old-ref.db"
ms=$(duration_ms "$BIN" corpus list --db "$WORK/old-ref.db")
ref_counts=$("$KT" check "$WORK/old-ref.db")
echo "   one uninterrupted open: ${ms} ms; $ref_counts"
killed=0; ok=0
for run in $(seq 1 "$N"); do
  db="$WORK/old-$run.db"
  cp "$WORK/old.db" "$db"
  r=$(kill_run "$ms" "$BIN" corpus list --db "$db")
  [ "$r" = killed ] && killed=$((killed + 1))
  if ! out=$("$KT" check "$db" 2>&1) || [ "$out" != "$ref_counts" ]; then
    fail migration "$run" "$out (expected $ref_counts)"; continue
  fi
  ok=$((ok + 1)); rm -f "$db" "$db"-wal "$db"-shm
done
report "migration on open" "$N" "$killed" "$ok"

# ---- review import of reviewers' copies ---------------------------------------
echo "==> review import: reviewers' .docx copies of a draft"
COPIES=(tests/fixtures/review/*.docx)
DRAFT_TXT=tests/fixtures/review/draft_v2.txt
REF="$WORK/review-ref.db"
ms=$(duration_ms "$KT" review "$REF" "$DRAFT_TXT" "${COPIES[@]}")
ref_counts=$("$KT" check "$REF")
echo "   one uninterrupted run (${#COPIES[@]} copies): ${ms} ms; $ref_counts"
killed=0; ok=0
for run in $(seq 1 "$N"); do
  db="$WORK/review-$run.db"
  r=$(kill_run "$ms" "$KT" review "$db" "$DRAFT_TXT" "${COPIES[@]}")
  [ "$r" = killed ] && killed=$((killed + 1))
  if [ ! -e "$db" ]; then ok=$((ok + 1)); continue; fi
  if ! out=$("$KT" check "$db" 2>&1); then fail review "$run" "$out"; continue; fi
  # Finishing the import gives what the uninterrupted run gave (a copy stored without
  # all its items would be taken as already imported and the counts would differ).
  "$KT" review "$db" "$DRAFT_TXT" "${COPIES[@]}" >/dev/null 2>&1 || { fail review "$run" "re-import failed"; continue; }
  if ! out=$("$KT" check "$db" 2>&1) || [ "$out" != "$ref_counts" ]; then
    fail review "$run" "after finishing: $out (expected $ref_counts)"; continue
  fi
  ok=$((ok + 1)); rm -f "$db" "$db"-wal "$db"-shm
done
report "review import" "$N" "$killed" "$ok"

# ---- export -------------------------------------------------------------------
echo "==> export over an existing .docx"
CHECK_DOCX='
import sys, zipfile, xml.parsers.expat
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    names = z.namelist()
    assert "word/document.xml" in names, names
    for n in names:
        if n.endswith(".xml") or n.endswith(".rels"):
            xml.parsers.expat.ParserCreate().Parse(z.read(n), True)
'
mkdir -p "$WORK/export"
SRC=tests/fixtures/cao-bang_kh_ban-thuong-vu.txt
OLD="$WORK/old-export.docx"
"$BIN" export tests/fixtures/lam-dong_ctrhd_tinh-uy.txt -o "$OLD" >/dev/null
ms=$(duration_ms "$BIN" export "$SRC" -o "$WORK/export-ref.docx")
echo "   one uninterrupted export: ${ms} ms"
killed=0; ok=0; old_kept=0; new=0
for run in $(seq 1 "$N"); do
  target="$WORK/export/Kế hoạch.docx"
  cp "$OLD" "$target"
  r=$(kill_run "$ms" "$BIN" export "$SRC" -o "$target")
  [ "$r" = killed ] && killed=$((killed + 1))
  if [ ! -e "$target" ]; then
    ok=$((ok + 1))
  elif cmp -s "$target" "$OLD"; then
    ok=$((ok + 1)); old_kept=$((old_kept + 1))
  elif err=$(python3 -c "$CHECK_DOCX" "$target" 2>&1); then
    ok=$((ok + 1)); new=$((new + 1))
  else
    fail export "$run" "half-written file under the user's name: $err"
  fi
done
echo "   the old file kept $old_kept times, a complete new file $new times; temporary files left beside it by kills: $(ls -A "$WORK/export" | grep -vc '^Kế hoạch.docx$' || true)"
report "export" "$N" "$killed" "$ok"

if [ "$FAILED" -ne 0 ]; then
  echo "kill loops: FAILED"
  exit 1
fi
echo "kill loops: all checks passed"

#!/usr/bin/env bash
# Compares the clause groups of two versions of mining on the corpus. Make each dump
# with the version checked out:
#   cargo test -p banthao-core --test clauses dump_groups -- --ignored --nocapture \
#     | sed -n 's/^GROUP //p' > before.jsonl
# (for a version older than the test, check out only its crates/core/src), then:
#   scripts/compare-clause-groups.sh before.jsonl after.jsonl
# Prints the numbers of groups, every group of AFTER whose units come from two or more
# groups of BEFORE (a merge), and the provinces of the state-management clause
# («xử lý nghiêm hành vi vi phạm…», 45-NQ/TW#III.3) in each.
set -euo pipefail
python3 - "$1" "$2" <<'PY'
import json,sys
def load(p): return [json.loads(l) for l in open(p)]
before, after = load(sys.argv[1]), load(sys.argv[2])
def norm(t): return t.rstrip('.;').strip()
idx = {}
for gi,g in enumerate(before):
    for d,s,t in g['occ']:
        idx.setdefault((d,s),[]).append((t,gi))
print(f"groups shared by 2+ provinces: before {len(before)}, after {len(after)}")
merges=0
for g in after:
    src=set()
    for d,s,t in g['occ']:
        for (bt,gi) in idx.get((d,s),[]):
            if norm(t) in bt: src.add(gi)
    if len(src)>1:
        merges+=1
        print("MERGED into", g['parent'], g['provinces'], '|', g['template'][:90])
        for gi in sorted(src): print("    from", before[gi]['parent'], before[gi]['provinces'], '|', before[gi]['template'][:90])
print("merges:", merges)
for name,lst in (("before",before),("after",after)):
    for g in lst:
        if 'xử lý nghiêm hành vi vi phạm' in g['template']:
            print(name, "state-management clause:", len(g['provinces']), g['provinces'])
            print("   ", g['template'])
PY

#!/usr/bin/env bash
# Rebuilds rules/junk/furniture.model.toml, the page-furniture model of
# junk.page-furniture, from public web pages whose main text was marked by
# hand. The same sources give the same bytes. CI never trains.
#
#   scripts/train-furniture.sh READABILITY_GIT MERGED_GIT [WORK_DIR]
#
# READABILITY_GIT: a clone (bare or not) of github.com/mozilla/readability
#   (test/test-pages: pages and their hand-checked main text).
# MERGED_GIT: a clone of github.com/j-szulc/html-cleaning-dataset-merged,
#   of which the L3S-GN1 (page-signal-master/) and Dragnet (dragnet_data/)
#   folders are read. Never train on the scrapinghub
#   article-extraction-benchmark or a bundle that holds it: mtlint is
#   evaluated on it.
# WORK_DIR (default target/furniture): where the labelled pages go. They
#   are third-party text: keep them out of the repository.
#
# Then measure the build on the test split, beside jusText:
#   python3 scripts/junk_eval.py --data WORK_DIR/pages.jsonl --split test --bin target/release/mtlint
#   python3 scripts/junk_eval.py --data WORK_DIR/pages.jsonl --split test --justext READABILITY_GIT MERGED_GIT
set -euo pipefail
cd "$(dirname "$0")/.."
readability=${1:?usage: scripts/train-furniture.sh READABILITY_GIT MERGED_GIT [WORK_DIR]}
merged=${2:?usage: scripts/train-furniture.sh READABILITY_GIT MERGED_GIT [WORK_DIR]}
work=${3:-target/furniture}
mkdir -p "$work"
commit() { git --git-dir "$1" rev-parse --short=12 HEAD 2>/dev/null || git -C "$1" rev-parse --short=12 HEAD; }
gitdir() { if [ -d "$1/.git" ]; then echo "$1/.git"; else echo "$1"; fi; }
readability=$(gitdir "$readability")
merged=$(gitdir "$merged")
python3 scripts/junk_dataset.py --readability "$readability" --l3s "$merged" --dragnet "$merged" \
  --out "$work/pages.jsonl" 2>"$work/dropped.txt"
trained_on="train split of mozilla/readability@$(commit "$readability") test pages and of L3S-GN1 and Dragnet in j-szulc/html-cleaning-dataset-merged@$(commit "$merged")"
# The threshold keeps false positives on held-out training pages at or
# under 6 per 1,000 article lines.
cargo run --release --locked --quiet --example train_furniture -- \
  "$work/pages.jsonl" rules/junk/furniture.model.toml "$trained_on" 6

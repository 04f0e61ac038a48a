#!/usr/bin/env bash
# Byte-identical output check for refactors: runs two mtlint builds over the
# fixtures and over N articles generated from them (default 3000), in every
# output format, with and without --fix, with house spellings, and through
# batch, the rules listing and every rule's --explain, then compares the
# outputs.
#
#   scripts/golden.sh BASELINE_BINARY [N]
#
# Builds the current tree in release mode first. Exits 1 on any difference,
# printing the first lines of the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
base="$(realpath "$1")"
n="${2:-3000}"
cargo build --release --quiet
new="$PWD/target/release/mtlint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 scripts/corpus.py "$n" "$work" --seed 7 --min 1024 --max 6144 --dates

cat >"$work/house.toml" <<'TOML'
spellings = ["Kiev", "Sergei Lavrov", "Izyum", "Kharkov", "Antonio Guterres"]
allow = ["Dynamo Kiev"]
TOML

run() {  # tag binary
  local tag="$1" bin="$2" out="$work/$1"
  mkdir -p "$out"
  for fmt in human json jsonl sarif github; do
    "$bin" check --format "$fmt" fixtures/ >"$out/fixtures.$fmt" 2>&1 || echo "exit $?" >>"$out/fixtures.$fmt"
  done
  "$bin" check --format json --config fixtures/seeds/mtlint.toml fixtures/seeds/ >"$out/seeds.json" 2>&1 || echo "exit $?" >>"$out/seeds.json"
  "$bin" check --diff --unsafe-fixes fixtures/ >"$out/fixtures.diff" 2>&1 || echo "exit $?" >>"$out/fixtures.diff"
  "$bin" check --format jsonl "$work/corpus" 2>&1 | sed "s#$work##g" >"$out/corpus.jsonl" || true
  "$bin" check --diff --unsafe-fixes "$work/corpus" 2>&1 | sed "s#$work##g" >"$out/corpus.diff" || true
  "$bin" batch --date-field date --fix <"$work/corpus.jsonl" >"$out/batch.jsonl" 2>&1 || echo "exit $?" >>"$out/batch.jsonl"
  # House spellings and an allow-list over the knowledge base.
  "$bin" check --format jsonl --config "$work/house.toml" "$work/corpus" 2>&1 | sed "s#$work##g" >"$out/house.jsonl" || true
  "$bin" check --diff --unsafe-fixes --config "$work/house.toml" fixtures/ 2>&1 | sed "s#$work##g" >"$out/house.diff" || true
  "$bin" rules >"$out/rules.txt" 2>&1 || true
  # Every rule's documentation, as `mtlint rules --explain` prints it.
  for id in $("$bin" rules --format json | python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["rules"]))'); do
    "$bin" rules --explain "$id" >>"$out/explain.txt" 2>&1 || true
  done
}
run base "$base"
run new "$new"
if diff -r "$work/base" "$work/new" >"$work/diff"; then
  echo "golden: identical ($(cat "$work"/new/* | wc -c) bytes of output, $n generated articles)"
else
  head -40 "$work/diff"
  echo "golden: DIFFERENT" >&2
  exit 1
fi

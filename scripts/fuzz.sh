#!/usr/bin/env bash
# Runs one of mtlint's fuzz targets under libFuzzer.
#
#   scripts/fuzz.sh <lint|fix|rule_file> [seconds]    (default 1800)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# The corpus starts from the seeds (fuzz/corpus/, and the fixtures or the
# built-in rule files) and grows in target/fuzz/<target>/, outside git; a
# crash is saved in fuzz/artifacts/<target>/ and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh <lint|fix|rule_file> [seconds]}
seconds=${2:-1800}
work=target/fuzz/$target
mkdir -p "$work" "fuzz/artifacts/$target"

case $target in
  lint | fix)
    seeds=(fuzz/corpus/text fixtures)
    max_len=65536
    ;;
  rule_file)
    seeds=(fuzz/corpus/rule_file rules)
    max_len=16384
    ;;
  *)
    echo "unknown target: $target" >&2
    exit 2
    ;;
esac
# libFuzzer takes files, not trees: the seeds are copied flat.
find "${seeds[@]}" -type f -size -64k -print0 | while IFS= read -r -d '' file; do
  cp "$file" "$work/seed-$(printf '%s' "$file" | tr '/' '_')"
done

cd fuzz
exec cargo +nightly fuzz run --release --debug-assertions "$target" "../$work" -- \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="artifacts/$target/" -print_final_stats=1

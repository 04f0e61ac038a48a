#!/usr/bin/env bash
# End-to-end throughput of mtlint, and of typos on the same files when it
# is installed (cargo install typos-cli), on a corpus generated from the
# fixtures: N articles of 2-10 KB as a folder of files and as JSON Lines.
#
#   scripts/bench.sh [N]        (default N = 20000)
#   MTLINT=path/to/mtlint scripts/bench.sh   (time another build)
#   MTLINT_RULE_COSTS=1 scripts/bench.sh     (also each rule's cost, over
#                                             the first 2,000 articles)
#   MTLINT_CATEGORY_COSTS=1 scripts/bench.sh (also the folder with each
#                                             category's rules alone)
#
# Besides the cold latency of one article (process start included), it
# prints the warm one, inside a running language server, when Python has
# pygls (scripts/lsp_latency.py --warm).
#
# Prints the wall time, MB/s and peak memory of each run. Needs python3 and
# GNU time (/usr/bin/time); builds mtlint in release mode first.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${MTLINT:-}" ]; then
  cargo build --release --quiet
fi
mtlint="${MTLINT:-$PWD/target/release/mtlint}"

python3 scripts/corpus.py "$n" "$work" --nested

bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $n articles, $((bytes / 1000000)) MB, $(nproc) cores"

measure() {  # name, bytes, command...
  local name="$1" size="$2"; shift 2
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
  local out
  out=$(tail -1 "$work/time")
  local secs="${out% *}" rss="${out#* }"
  python3 -c "import sys; s=float(sys.argv[2]); print(f'{sys.argv[1]:<28} {s:7.2f} s  {int(sys.argv[3])/s/1e6:7.1f} MB/s  peak RSS {int(sys.argv[4])//1024} MB')" \
    "$name" "$secs" "$size" "$rss"
}

# Each command exits 1 when it finds something; the time is what counts.
# One large file (the folder's articles end to end, up to 100 MB) and one
# line of 10 MB (the paragraphs joined by spaces): time must stay linear.
python3 - "$work" <<'PY'
import pathlib, sys
work = pathlib.Path(sys.argv[1])
parts, size = [], 0
for path in sorted((work / "corpus").rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    if size + len(text.encode()) > 100_000_000:
        break
    parts.append(text)
    size += len(text.encode())
text = "".join(parts)
(work / "large.txt").write_text(text, encoding="utf-8")
line = " ".join(text.split())[:10_000_000]
(work / "line.txt").write_text(line + "\n", encoding="utf-8")
# A scraper's repeated cell: one word two million times on one line.
(work / "repeated.txt").write_text("word " * 2_000_000 + "\n", encoding="utf-8")
PY

measure "mtlint check (folder)" "$bytes" bash -c "'$mtlint' check --format jsonl '$work/corpus' || [ \$? -eq 1 ]"
measure "mtlint batch (JSONL)" "$bytes" bash -c "'$mtlint' batch < '$work/corpus.jsonl'"
# Latency: one article of the corpus, process start included, 20 times;
# and the same article once mtlint has fixed it (an article with nothing
# to report, as most are before publication).
one="$work/corpus/000/000000.txt"
clean="$work/clean.txt"
cp "$one" "$clean"
"$mtlint" check --fix --unsafe-fixes "$clean" >/dev/null 2>&1 || true
latency() {  # name, file
  /usr/bin/time -o "$work/time" -f "%e %M" bash -c "for i in \$(seq 20); do '$mtlint' check '$2' >/dev/null 2>&1; done" || true
  python3 -c "import sys; s, rss = open(sys.argv[1]).read().split()[-2:]; print(f'{sys.argv[3]:<28} {float(s) / 20 * 1000:7.1f} ms each ({sys.argv[2]} bytes, mean of 20)  peak RSS {int(rss) // 1024} MB')" "$work/time" "$(stat -c %s "$2")" "$1"
}
latency "mtlint check (one article)" "$one"
latency "mtlint check (same, fixed)" "$clean"
measure "mtlint check (one 100 MB file)" "$(stat -c %s "$work/large.txt")" bash -c "'$mtlint' check --format jsonl '$work/large.txt' || [ \$? -eq 1 ]"
measure "mtlint check (one 10 MB line)" "$(stat -c %s "$work/line.txt")" bash -c "'$mtlint' check --format jsonl '$work/line.txt' || [ \$? -eq 1 ]"
measure "mtlint check (repeated word)" "$(stat -c %s "$work/repeated.txt")" bash -c "'$mtlint' check --format jsonl '$work/repeated.txt' || [ \$? -eq 1 ]"
measure "mtlint --fix (repeated word)" "$(stat -c %s "$work/repeated.txt")" bash -c "'$mtlint' check --fix '$work/repeated.txt' || [ \$? -eq 1 ]"
if [ -n "${MTLINT_CATEGORY_COSTS:-}" ]; then
  for category in encoding name title junk translation typography; do
    measure "mtlint check --select $category" "$bytes" bash -c "'$mtlint' check --format jsonl --select $category '$work/corpus' || [ \$? -eq 1 ]"
  done
  measure "mtlint check --ignore junk" "$bytes" bash -c "'$mtlint' check --format jsonl --ignore junk '$work/corpus' || [ \$? -eq 1 ]"
fi
if command -v typos >/dev/null 2>&1; then
  measure "typos (folder)" "$bytes" bash -c "typos --format brief '$work/corpus' || true"
  measure "typos (one 100 MB file)" "$(stat -c %s "$work/large.txt")" bash -c "typos --format brief '$work/large.txt' || true"
else
  echo "typos is not installed (cargo install typos-cli): no comparison"
fi

# Warm latency: an ordinary article edited in a running language server.
if python3 -c 'import pygls' >/dev/null 2>&1; then
  python3 scripts/lsp_latency.py --warm --bin "$mtlint" | sed 's/^/mtlint lsp (warm): /'
else
  echo "pygls is not installed (pip install pygls==2.1.1): no warm latency"
fi

# What each rule costs, one thread, over part of the folder (the example is
# built from this tree, whatever MTLINT names).
if [ -n "${MTLINT_RULE_COSTS:-}" ]; then
  mkdir -p "$work/costs"
  find "$work/corpus" -name '*.txt' | sort | head -2000 | xargs cp -t "$work/costs"
  cargo run --release --quiet --example rule_costs -- "$work/costs"
fi

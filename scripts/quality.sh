#!/usr/bin/env bash
# The quality report: builds mtlint in release mode, then measures every rule
# on real text (../shared/eval/wild/, clean news fetched from public
# packages into a cache outside the repository, and the fixtures).
#
#   scripts/quality.sh                  print the table and the unjudged findings
#   scripts/quality.sh --check          fail on unjudged findings or more false positives
#   scripts/quality.sh --write-readme   regenerate the README's Quality section
#   MTLINT=path/to/mtlint scripts/quality.sh   (measure another build)
#
# See scripts/quality.py --help for the rest. Needs python3 with pip (to
# fetch the corpora once).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MTLINT:-}" ]; then
  cargo build --release --locked --quiet
fi
exec python3 scripts/quality.py --bin "${MTLINT:-$PWD/target/release/mtlint}" "$@"

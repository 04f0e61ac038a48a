#!/usr/bin/env python3
"""Two builds of mtlint compared on the same machine in the same minutes.

The machine's speed drifts by a sixth or more within an hour, so two
builds timed in separate runs of scripts/bench.sh cannot be compared.
This script alternates them: each round runs the first build, then the
second, over the same folder and on the same article, and it prints the
medians and the ratio.

    python3 scripts/compare.py OLD_MTLINT NEW_MTLINT [--articles N] [--rounds R]

It generates its corpus with scripts/corpus.py (N articles, 2,000 by
default) in a temporary directory. The folder is linted with
`check --format jsonl`; the article (the corpus's first) is linted ten
times a round, process start included.
"""

import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time


def seconds(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    builds = [str(pathlib.Path(b).resolve()) for b in (args.old, args.new)]
    here = pathlib.Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [sys.executable, str(here / "corpus.py"), str(args.articles), work, "--nested"],
            check=True,
        )
        folder = pathlib.Path(work) / "corpus"
        article = sorted(folder.rglob("*.txt"))[0]
        size = article.stat().st_size
        folders = {b: [] for b in builds}
        articles = {b: [] for b in builds}
        for _ in range(args.rounds):
            for build in builds:
                folders[build].append(seconds([build, "check", "--format", "jsonl", str(folder)]))
                for _ in range(10):
                    articles[build].append(1000 * seconds([build, "check", str(article)]))
    rows = [
        ("folder", folders, "s", 2),
        (f"one article ({size} bytes)", articles, "ms", 2),
    ]
    print(f"{args.articles} articles, {args.rounds} alternated rounds (medians)")
    for name, times, unit, digits in rows:
        old, new = (statistics.median(times[b]) for b in builds)
        print(
            f"{name:<28} old {old:8.{digits}f} {unit}  new {new:8.{digits}f} {unit}"
            f"  new/old {new / old:5.3f}"
        )


if __name__ == "__main__":
    main()

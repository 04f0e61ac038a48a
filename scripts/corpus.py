#!/usr/bin/env python3
"""Generates a corpus of articles from the paragraphs of fixtures/, for
scripts/bench.sh and scripts/golden.sh: N articles of MIN to MAX bytes as
files under OUT/corpus/ and as JSON Lines in OUT/corpus.jsonl.

    scripts/corpus.py N OUT [--seed S] [--min B] [--max B] [--nested] [--dates]

--nested puts a thousand articles a folder (corpus/000/000000.txt);
--dates gives each record a random `date` field. Same arguments, same
corpus: the generator is seeded.
"""
import argparse
import json
import pathlib
import random


def paragraphs():
    found = []
    for path in sorted(pathlib.Path("fixtures").rglob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [p for p in text.split("\n\n") if p.strip() and not p.startswith(("#", "=="))]
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min", type=int, default=2048)
    parser.add_argument("--max", type=int, default=10240)
    parser.add_argument("--nested", action="store_true")
    parser.add_argument("--dates", action="store_true")
    args = parser.parse_args()
    pool = paragraphs()
    rng = random.Random(args.seed)
    corpus = args.out / "corpus"
    corpus.mkdir(parents=True)
    with open(args.out / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
        for i in range(args.n):
            size, parts = rng.randint(args.min, args.max), []
            while sum(len(p) + 2 for p in parts) < size:
                parts.append(rng.choice(pool))
            text = "\n\n".join(parts) + "\n"
            if args.nested:
                folder = corpus / f"{i // 1000:03}"
                folder.mkdir(exist_ok=True)
                path = folder / f"{i:06}.txt"
            else:
                path = corpus / f"{i:05}.txt"
            path.write_text(text, encoding="utf-8")
            record = {"id": i, "text": text}
            if args.dates:
                record["date"] = f"20{rng.randint(18, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            jsonl.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()

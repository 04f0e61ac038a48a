#!/usr/bin/env python3
"""Score a junk detector line by line on the dataset that junk_dataset.py builds.

    python3 scripts/junk_eval.py --data PAGES.jsonl --split test --bin target/release/mtlint
    python3 scripts/junk_eval.py --data PAGES.jsonl --split test --justext GITDIR [GITDIR ...]

Scored: the lines labelled junk true/false (null lines are skipped). Reported:
precision, recall and F1 of the junk class, and false positives (content lines
flagged as junk) per 1,000 content lines; overall and per source. -v lists the
false positives and a sample of the misses.

--bin: each page's lines are joined with a blank line between them (as scraped
articles look), written to one .txt file per page in one temp dir, and
`BIN check --format json --select junk DIR` runs once; a line counts as flagged
when a diagnostic of category junk overlaps its bytes.

--justext: the jusText baseline (pip install justext), default settings with the
English stoplist, run on each page's HTML (read from the git dir through
html_ref); a line is predicted content when it aligns (junk_dataset.label_lines)
with jusText's good paragraphs, else junk.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import junk_dataset  # noqa: E402


def load(path, split):
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    return [r for r in recs if split == "all" or r["split"] == split]


# ---------------------------------------------------------------- predictors


def predict_mtlint(recs, binary):
    """{page id: [(flagged: bool, rules: [str])] per line}"""
    out = {}
    with tempfile.TemporaryDirectory(prefix="junk-eval-") as d:
        names = {}
        spans = {}
        for k, r in enumerate(recs):
            name = f"{k:04d}.txt"
            names[name] = r["id"]
            pos, sp, parts = 0, [], []
            for i, line in enumerate(r["lines"]):
                b = line["text"].encode("utf-8")
                sp.append((pos, pos + len(b)))
                parts.append(b)
                pos += len(b) + 2
            spans[r["id"]] = sp
            with open(os.path.join(d, name), "wb") as f:
                f.write(b"\n\n".join(parts) + b"\n")
        p = subprocess.run(
            [binary, "check", "--format", "json", "--select", "junk", d],
            capture_output=True,
        )
        if p.returncode not in (0, 1):
            sys.exit(f"{binary} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        report = json.loads(p.stdout)
        for r in recs:
            out[r["id"]] = [[False, []] for _ in r["lines"]]
        for fobj in report["files"]:
            pid = names[os.path.basename(fobj["path"])]
            sp = spans[pid]
            for dg in fobj["diagnostics"]:
                if dg["category"] != "junk":
                    continue
                ds, de = dg["start"]["offset"], dg["end"]["offset"]
                for i, (s, e) in enumerate(sp):
                    if (ds < e and de > s) or (ds == de and s <= ds < e):
                        out[pid][i][0] = True
                        out[pid][i][1].append(dg["rule"])
    return out


def git_show(gitdirs, commit, path):
    for gd in gitdirs:
        p = subprocess.run(["git", "--git-dir", gd, "show", f"{commit}:{path}"], capture_output=True)
        if p.returncode == 0:
            return p.stdout
    sys.exit(f"{commit}:{path} is in none of the git dirs {gitdirs}")


def predict_justext(recs, gitdirs):
    import justext

    stop = justext.get_stoplist("English")
    out = {}
    for r in recs:
        html = git_show(gitdirs, r.get("html_commit", "HEAD"), r["html_ref"])
        paras = justext.justext(html, stop)
        gold = junk_dataset.Gold([p.text for p in paras if not p.is_boilerplate])
        labels = junk_dataset.label_lines([l["text"] for l in r["lines"]], gold)
        out[r["id"]] = [[lab is not False, []] for lab in labels]
    return out


# ---------------------------------------------------------------- scoring


def score(recs, pred):
    c = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for r in recs:
        for line, (flag, _) in zip(r["lines"], pred[r["id"]]):
            if line["junk"] is None:
                continue
            if line["junk"]:
                c["tp" if flag else "fn"] += 1
            else:
                c["fp" if flag else "tn"] += 1
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    rc = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    content = c["fp"] + c["tn"]
    fpk = 1000 * c["fp"] / content if content else 0.0
    return dict(c, p=p, r=rc, f1=f1, fp_per_1k=fpk, junk=c["tp"] + c["fn"], content=content)


def fmt(name, s):
    return (f"{name:<14} {s['junk']:>6} {s['content']:>7} {s['tp']:>6} {s['fp']:>5} "
            f"{s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f} {s['fp_per_1k']:>8.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--split", choices=["train", "test", "all"], default="test")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--bin", metavar="MTLINT")
    g.add_argument("--justext", nargs="+", metavar="GITDIR")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--misses", type=int, default=30, help="misses to sample with -v")
    args = ap.parse_args(argv)

    recs = load(args.data, args.split)
    if not recs:
        sys.exit("no pages in that split")
    pred = predict_mtlint(recs, args.bin) if args.bin else predict_justext(recs, args.justext)
    system = "mtlint" if args.bin else "jusText"

    print(f"{system} on {args.data} split={args.split}: {len(recs)} pages")
    print(f"{'source':<14} {'junk':>6} {'content':>7} {'tp':>6} {'fp':>5} {'P':>6} {'R':>6} {'F1':>6} {'FP/1k':>8}")
    for src in sorted({r["source"] for r in recs}):
        print(fmt(src, score([r for r in recs if r["source"] == src], pred)))
    print(fmt("ALL", score(recs, pred)))

    if args.verbose:
        fps, misses = [], []
        for r in recs:
            for i, (line, (flag, rules)) in enumerate(zip(r["lines"], pred[r["id"]])):
                if line["junk"] is False and flag:
                    fps.append((r["id"], i + 1, ",".join(sorted(set(rules))), line["text"]))
                elif line["junk"] is True and not flag:
                    misses.append((r["id"], i + 1, line["text"]))
        print(f"\nfalse positives ({len(fps)}):")
        for pid, n, rules, text in fps:
            print(f"  {pid}:{n} [{rules}] {text[:160]}")
        sample = random.Random(0).sample(misses, min(args.misses, len(misses)))
        print(f"\nmisses: {len(misses)}, a sample of {len(sample)}:")
        for pid, n, text in sorted(sample):
            print(f"  {pid}:{n} {text[:160]}")


if __name__ == "__main__":
    main()

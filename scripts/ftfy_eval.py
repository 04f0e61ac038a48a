#!/usr/bin/env python3
"""Score encoding.mojibake on ftfy's own public test cases.

    python3 scripts/ftfy_eval.py --bin target/release/mtlint [-v] [--ftfy] [--check]

ftfy's source distribution carries `tests/test_cases.json`: text found in
the wild (and some made up) with mojibake, each with what ftfy makes of it.
The script fetches that distribution from PyPI once into the cache that
scripts/quality.py uses (MTLINT_CACHE, else ~/.cache/mtlint), and never
into the repository.

A case's target is its `fixed-encoding` text when it has one, else its
`fixed` text. A case is damaged when its original differs from the target,
and clean when they are the same. `mtlint batch --select
encoding.mojibake,encoding.control-character --fix --unsafe-fixes` runs over all
cases at once (the second rule puts back what C1 controls stood for in
Windows-1252, as ftfy's fix_c1_controls does):

- detected: a rule reported on the case;
- exact: the fixed text is the target;
- false alarm: a rule reported on a clean case (counted by rule: ftfy's
  clean cases include C0 controls it keeps on purpose, which
  encoding.control-character reports by design).

Precision, recall and F1 are over cases. `--ftfy` scores ftfy itself (pip
install ftfy) on the same cases, with `ftfy.fix_encoding`. Cases ftfy marks
`"expect": "fail"` are kept: they are damage too.
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tarfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import quality  # noqa: E402  (the shared PyPI cache)

PACKAGE = "ftfy==6.3.1"
# What --check holds mtlint to on these cases (the targets of the encoding
# work, met in full; a change that falls below them fails CI).
MIN_F1 = 0.98
MIN_EXACT = 0.95


def cases():
    where = quality.cache_dir().parent / "ftfy"
    archive = quality.pip_download(PACKAGE, "sdist", where / "package")
    with tarfile.open(archive) as t:
        member = next(n for n in t.getnames() if n.endswith("/tests/test_cases.json"))
        data = json.load(t.extractfile(member))
    out = []
    for i, case in enumerate(data):
        target = case.get("fixed-encoding", case["fixed"])
        out.append({
            "id": i,
            "label": case["label"],
            "original": case["original"],
            "target": target,
            "damaged": case["original"] != target,
            "expect": case.get("expect", "pass"),
        })
    return out


def run_mtlint(binary, cs):
    """{case id: (rules reported, fixed text)}: one run for what is
    reported, one with the fixes applied."""
    records = "".join(json.dumps({"id": c["id"], "text": c["original"]}) + "\n" for c in cs)
    out = {}
    for fix in (False, True):
        cmd = [binary, "batch", "--select", "encoding.mojibake,encoding.control-character"]
        if fix:
            cmd += ["--fix", "--unsafe-fixes"]
        p = subprocess.run(cmd, input=records.encode("utf-8"), capture_output=True)
        if p.returncode != 0:
            sys.exit("mtlint batch exited %d: %s" % (p.returncode, p.stderr.decode(errors="replace")))
        # Records are split on newlines only: a U+2028 inside a string is text.
        for line in p.stdout.decode("utf-8").split("\n"):
            if not line:
                continue
            r = json.loads(line)
            if "error" in r:
                sys.exit("mtlint batch: %s" % r["error"])
            if fix:
                out[r["id"]] = (out[r["id"]][0], r["text"])
            else:
                out[r["id"]] = (sorted({d["rule"] for d in r["diagnostics"]}), None)
    return out


def run_ftfy(cs):
    import ftfy
    out = {}
    for c in cs:
        fixed = ftfy.fix_encoding(c["original"])
        out[c["id"]] = (["ftfy"] if fixed != c["original"] else [], fixed)
    return out


def score(cs, pred):
    tp = fp = fn = exact = 0
    alarms, misses, wrong = [], [], []
    for c in cs:
        rules, fixed = pred[c["id"]]
        detected = bool(rules)
        if c["damaged"]:
            if detected:
                tp += 1
                if fixed == c["target"]:
                    exact += 1
                else:
                    wrong.append((c, fixed))
            else:
                fn += 1
                misses.append(c)
        elif detected:
            fp += 1
            alarms.append((c, fixed, rules))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    damaged = tp + fn
    return {
        "damaged": damaged, "clean": len(cs) - damaged, "tp": tp, "fp": fp, "fn": fn,
        "p": p, "r": r, "f1": f1, "exact": exact / damaged if damaged else 0.0,
        "exact_n": exact, "alarms": alarms, "misses": misses, "wrong": wrong,
        "alarm_rules": sorted(r for _, _, rules in alarms for r in rules),
    }


def show(name, s):
    by_rule = {r: s["alarm_rules"].count(r) for r in s["alarm_rules"]}
    print("%-8s damaged %d, clean %d: P %.3f R %.3f F1 %.3f, exact repair %d/%d = %.3f, false alarms %d %s"
          % (name, s["damaged"], s["clean"], s["p"], s["r"], s["f1"], s["exact_n"], s["damaged"],
             s["exact"], s["fp"], by_rule))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, metavar="MTLINT")
    ap.add_argument("--ftfy", action="store_true", help="score ftfy too")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false alarms, misses and wrong repairs")
    ap.add_argument("--check", action="store_true",
                    help="fail below F1 %.2f or exact repair %.2f, or on a false alarm from encoding.mojibake"
                    % (MIN_F1, MIN_EXACT))
    args = ap.parse_args(argv)
    cs = cases()
    s = score(cs, run_mtlint(args.bin, cs))
    show("mtlint", s)
    if args.check:
        failed = []
        if s["f1"] < MIN_F1:
            failed.append("F1 %.3f < %.2f" % (s["f1"], MIN_F1))
        if s["exact"] < MIN_EXACT:
            failed.append("exact repair %.3f < %.2f" % (s["exact"], MIN_EXACT))
        if "encoding.mojibake" in s["alarm_rules"]:
            failed.append("encoding.mojibake flags a clean case")
        if failed:
            sys.exit("ftfy cases check failed: " + "; ".join(failed) + " (run with -v)")
        print("ftfy cases check passed")
    if args.ftfy:
        show("ftfy", score(cs, run_ftfy(cs)))
    if args.verbose:
        alarms = [(c, fixed) for c, fixed, _ in s["alarms"]]
        for title, rows in [("false alarms", alarms), ("wrong repairs", s["wrong"])]:
            print("\n%s (%d):" % (title, len(rows)))
            for c, fixed in rows:
                print("  [%s] %r\n      -> %r\n    want %r" % (c["label"], c["original"][:100], fixed[:100], c["target"][:100]))
        print("\nmisses (%d):" % len(s["misses"]))
        for c in s["misses"]:
            print("  [%s] %r\n    want %r" % (c["label"], c["original"][:100], c["target"][:100]))


if __name__ == "__main__":
    main()

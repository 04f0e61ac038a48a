#!/usr/bin/env python3
"""mtlint's quality report: every rule measured on real text nobody on the
project wrote, like ruff's ecosystem check.

    scripts/quality.sh [--check] [--write-readme] [--unjudged FILE] [--prune]
    python3 scripts/quality.py --bin target/release/mtlint [...]

Three measures, per rule:
  (a) wild: ../shared/eval/wild/ (labelled machine-translated excerpts),
      scored by its own score.py: expectations found and false positives;
  (b) clean: professionally edited news from public packages, fetched at run
      time into a cache outside the repository (MTLINT_CACHE, default
      ~/.cache/mtlint/quality); every finding there is matched against the
      verdicts judged by hand in tests/quality/verdicts.jsonl;
  (c) fixtures: the findings on fixtures/ (what the rules were written for).

--check fails (exit 1) when a clean-corpus finding has no verdict, or when
the clean corpus has more false positives than the committed verdicts, and
lists the findings to judge. --unjudged FILE writes those findings as
verdict lines with "verdict": "?" to fill in and append. --prune drops the
verdicts of findings that are gone. --write-readme puts the table into the
README's Quality section.

The corpora's text never enters the repository: a verdict keeps the rule,
the article's id and the first characters of the flagged span.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WILD = SHARED / "eval" / "wild"
VERDICTS = ROOT / "tests" / "quality" / "verdicts.jsonl"
README = ROOT / "README.md"
SPAN_CHARS = 48
CATEGORIES = ["encoding", "name", "title", "junk", "translation", "typography"]

# The clean corpora: where each comes from, and the date its articles were
# published (for the rules that judge offices at the article's date).
CORPORA = [
    {
        "name": "lee",
        "what": "Lee corpus: 350 ABC (Australia) news articles, 2001-2002",
        "package": "gensim==4.4.0",
        "kind": "wheel",
        "members": ["gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor"],
        # The articles carry no dates; the corpus was collected from ABC
        # Online in 2001-2002 (Lee, Pincombe and Welsh, 2005).
        "date": "2002-01-01",
    },
    {
        "name": "newspaper4k",
        "what": "newspaper4k's test articles in English (CNN, Time, Wired, Fox 13, cleveland.com), 2013-2023",
        "package": "newspaper4k==0.9.6",
        "kind": "sdist",
    },
]


def cache_dir():
    base = os.environ.get("MTLINT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mtlint")
    return pathlib.Path(base) / "quality"


def pip_download(spec, kind, dest):
    dest.mkdir(parents=True, exist_ok=True)
    found = [p for p in dest.iterdir() if p.name.endswith((".whl", ".tar.gz"))]
    if found:
        return found[0]
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(dest), spec]
    cmd += ["--only-binary", ":all:"] if kind == "wheel" else ["--no-binary", ":all:"]
    subprocess.run(cmd, check=True)
    found = [p for p in dest.iterdir() if p.name.endswith((".whl", ".tar.gz"))]
    if not found:
        sys.exit("quality: pip downloaded nothing for %s" % spec)
    return found[0]


def lee_articles(archive, corpus):
    with zipfile.ZipFile(archive) as z:
        for member in corpus["members"]:
            stem = pathlib.PurePosixPath(member).stem
            # The files are in Latin-1 ("\xa3" for the pound sign).
            lines = z.read(member).decode("latin-1").splitlines()
            for i, line in enumerate(l for l in lines if l.strip()):
                yield "%s-%03d" % (stem, i), line.strip() + "\n", corpus["date"]


def newspaper4k_articles(archive, _corpus):
    with tarfile.open(archive) as t:
        names = t.getnames()
        for name in sorted(names):
            m = re.search(r"/tests/data/metadata/([^/]+)\.json$", name)
            if not m:
                continue
            meta = json.load(t.extractfile(name))
            txt = [n for n in names if n.endswith("/tests/data/txt/%s.txt" % m.group(1))]
            if meta.get("language") != "en" or not txt:
                continue
            date = (meta.get("publish_date") or "")[:10] or None
            text = t.extractfile(txt[0]).read().decode("utf-8")
            yield m.group(1), text.rstrip("\n") + "\n", date


def fetch_corpora():
    """Lays each corpus out as one .txt per article; returns
    {corpus: [(doc id, path, date)]}."""
    out = {}
    for corpus in CORPORA:
        where = cache_dir() / corpus["name"]
        archive = pip_download(corpus["package"], corpus["kind"], where / "package")
        texts = where / "articles"
        texts.mkdir(parents=True, exist_ok=True)
        reader = lee_articles if corpus["name"] == "lee" else newspaper4k_articles
        docs = []
        for doc, text, date in reader(archive, corpus):
            path = texts / (doc + ".txt")
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            docs.append((doc, path, date))
        out[corpus["name"]] = docs
    return out


def lint(binary, paths, date=None):
    cmd = [binary, "check", "--format", "jsonl", "--fail-on", "error"]
    if date:
        cmd += ["--date", date]
    p = subprocess.run(cmd + [str(x) for x in paths], capture_output=True)
    if p.returncode >= 2:
        sys.exit("quality: mtlint failed (%d): %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[:500]))
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]


def clean_findings(binary, corpora):
    """Every finding on the clean corpora, with its article's id; and the
    size of each corpus (articles, non-blank lines)."""
    findings, sizes = [], {}
    for name, docs in corpora.items():
        by_path = {str(path): doc for doc, path, _ in docs}
        by_date = collections.defaultdict(list)
        for doc, path, date in docs:
            by_date[date].append(path)
        for date, paths in sorted(by_date.items(), key=lambda kv: kv[0] or ""):
            for d in lint(binary, paths, date):
                d["corpus"], d["doc"] = name, by_path[d["path"]]
                findings.append(d)
        lines = sum(sum(1 for l in p.read_text(encoding="utf-8").splitlines() if l.strip()) for _, p, _ in docs)
        sizes[name] = (len(docs), lines)
    findings.sort(key=lambda d: (d["corpus"], d["doc"], d["start"]["offset"], d["rule"]))
    return findings, sizes


def span_of(text):
    return text[:SPAN_CHARS]


def key(d):
    return (d["corpus"], d["doc"], d["rule"], span_of(d["text"]) if "text" in d else d["span"])


def load_verdicts():
    if not VERDICTS.exists():
        return []
    out = []
    for n, line in enumerate(VERDICTS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        v = json.loads(line)
        if v.get("verdict") not in ("true", "false"):
            sys.exit("quality: %s:%d: verdict must be \"true\" or \"false\"" % (VERDICTS, n))
        if not v.get("reason"):
            sys.exit("quality: %s:%d: a verdict needs its reason" % (VERDICTS, n))
        out.append(v)
    return out


def judge(findings, verdicts):
    """Pairs each finding with a verdict of the same key, one verdict a
    finding; returns (judged [(finding, verdict)], unjudged, stale verdicts)."""
    pool = collections.defaultdict(list)
    for v in verdicts:
        pool[key(v)].append(v)
    judged, unjudged = [], []
    for d in findings:
        vs = pool.get(key(d))
        if vs:
            judged.append((d, vs.pop(0)))
        else:
            unjudged.append(d)
    stale = [v for vs in pool.values() for v in vs]
    return judged, unjudged, stale


def wild_report(binary):
    """Runs the eval set's own scorer; returns per-rule matches, per-rule
    false positives and its summary line."""
    if not (WILD / "score.py").exists():
        return None
    env = dict(os.environ, MIN_RECALL="0", MAX_FP="1000000")
    p = subprocess.run([sys.executable, str(WILD / "score.py"), binary, "-v"],
                       capture_output=True, env=env)
    out = p.stdout.decode("utf-8")
    if p.returncode != 0:
        sys.exit("quality: score.py failed: %s" % p.stderr.decode("utf-8", "replace")[:500])
    found = collections.Counter()
    fps = collections.Counter()
    fp_lines = []
    section = None
    for line in out.splitlines():
        if line.startswith("matched ("):
            section = "matched"
        elif line.startswith("false positives ("):
            section = "fp"
        elif not line.startswith("  "):
            section = None
        elif section == "matched" and "<-" in line:
            for rule in line.rsplit("<-", 1)[1].split(","):
                found[rule.strip()] += 1
        elif section == "fp":
            parts = line.split()
            if len(parts) >= 3:
                fps[parts[2]] += 1
                fp_lines.append(line.strip())
    summary = [l for l in out.splitlines() if l.startswith("wild: ")]
    return {"found": found, "fp": fps, "fp_lines": fp_lines, "summary": summary[-1] if summary else ""}


def fixture_counts(binary):
    counts = collections.Counter()
    for d in lint(binary, [ROOT / "fixtures"]):
        counts[d["rule"]] += 1
    return counts


def rule_ids(binary):
    p = subprocess.run([binary, "rules", "--format", "json"], capture_output=True, check=True)
    data = json.loads(p.stdout)
    rules = data["rules"] if isinstance(data, dict) else data
    return [r["id"] for r in rules]


def table(rules, judged, sizes, wild, fixtures):
    total_lines = sum(l for _, l in sizes.values())
    total_docs = sum(n for n, _ in sizes.values())
    false = collections.Counter(d["rule"] for d, v in judged if v["verdict"] == "false")
    true = collections.Counter(d["rule"] for d, v in judged if v["verdict"] == "true")
    fp_docs = {(d["corpus"], d["doc"]) for d, v in judged if v["verdict"] == "false"}
    rows = ["| rule | clean: false | clean: true | clean: false per 1,000 lines | wild: found | wild: false | fixtures |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    shown = [r for r in rules if false[r] or true[r] or (wild and (wild["found"][r] or wild["fp"][r])) or fixtures[r]]
    for r in shown:
        rows.append("| `%s` | %d | %d | %.2f | %s | %s | %d |" % (
            r, false[r], true[r], 1000.0 * false[r] / total_lines if total_lines else 0.0,
            wild["found"][r] if wild else "-", wild["fp"][r] if wild else "-", fixtures[r]))
    nfalse = sum(false.values())
    rows.append("| **all rules** | **%d** | **%d** | **%.2f** | | **%s** | **%d** |" % (
        nfalse, sum(true.values()), 1000.0 * nfalse / total_lines if total_lines else 0.0,
        sum(wild["fp"].values()) if wild else "-", sum(fixtures.values())))
    clean_docs = total_docs - len(fp_docs)
    lines = [
        "Clean news: %s; %d articles, %d non-blank lines. False positives: %d (%.2f per 1,000 lines); "
        "articles with none: %d of %d (%.1f%%)." % (
            "; ".join("%s %d articles, %d lines" % (n, a, l) for n, (a, l) in sizes.items()),
            total_docs, total_lines, nfalse, 1000.0 * nfalse / total_lines if total_lines else 0.0,
            clean_docs, total_docs, 100.0 * clean_docs / total_docs if total_docs else 0.0),
    ]
    if wild:
        lines.append("")
        lines.append("Wild (`../shared/eval/wild/`): " + wild["summary"].replace("wild: ", "", 1).split(" -> ")[0] + ".")
    lines.append("")
    lines += rows
    return "\n".join(lines)


def write_readme(text):
    readme = README.read_text(encoding="utf-8")
    start, end = "<!-- quality:start -->", "<!-- quality:end -->"
    if start not in readme or end not in readme:
        sys.exit("quality: README.md has no %s ... %s section" % (start, end))
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(head + start + "\n" + text + "\n" + end + tail, encoding="utf-8")


def describe(d):
    return "%s/%s  %s  %r  (%s)" % (d["corpus"], d["doc"], d["rule"], span_of(d["text"]), d["message"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "mtlint"))
    ap.add_argument("--check", action="store_true", help="fail on unjudged findings or more false positives")
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument("--unjudged", metavar="FILE", help="write the unjudged findings as verdict lines to fill in")
    ap.add_argument("--prune", action="store_true", help="drop the verdicts of findings that are gone")
    ap.add_argument("--no-wild", action="store_true", help="skip ../shared/eval/wild/")
    args = ap.parse_args()

    corpora = fetch_corpora()
    findings, sizes = clean_findings(args.bin, corpora)
    verdicts = load_verdicts()
    judged, unjudged, stale = judge(findings, verdicts)
    wild = None if args.no_wild else wild_report(args.bin)
    report = table(rule_ids(args.bin), judged, sizes, wild, fixture_counts(args.bin))
    print(report)
    if wild and wild["fp_lines"]:
        print("\nWild false positives:")
        for l in wild["fp_lines"]:
            print("  " + l)
    false_now = sum(1 for _, v in judged if v["verdict"] == "false")
    false_committed = sum(1 for v in verdicts if v["verdict"] == "false")
    if stale:
        print("\n%d verdicts match no finding any more (run with --prune to drop them):" % len(stale))
        for v in stale:
            print("  %s/%s  %s  %r  [%s]" % (v["corpus"], v["doc"], v["rule"], v["span"], v["verdict"]))
    if args.prune and stale:
        gone = {id(v) for v in stale}
        keep = [v for v in verdicts if id(v) not in gone]
        VERDICTS.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in keep), encoding="utf-8")
    if unjudged:
        print("\n%d findings on the clean corpus have no verdict; judge each in context and add it to %s:"
              % (len(unjudged), VERDICTS.relative_to(ROOT)))
        for d in unjudged:
            print("  " + describe(d))
    if args.unjudged:
        with open(args.unjudged, "w", encoding="utf-8") as f:
            for d in unjudged:
                f.write(json.dumps({"corpus": d["corpus"], "doc": d["doc"], "rule": d["rule"],
                                    "span": span_of(d["text"]), "verdict": "?", "reason": ""},
                                   ensure_ascii=False) + "\n")
    if args.write_readme:
        write_readme(report)
    if args.check:
        failed = False
        if unjudged:
            print("\nquality check FAILED: %d unjudged findings (listed above)." % len(unjudged))
            failed = True
        if false_now > false_committed:
            print("\nquality check FAILED: %d false positives on the clean corpus, %d in the committed verdicts."
                  % (false_now, false_committed))
            failed = True
        if failed:
            return 1
        print("\nquality check passed: every finding judged, %d false positives (committed: %d)."
              % (false_now, false_committed))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader left early (| head)
        sys.exit(0)

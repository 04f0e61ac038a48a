//! Tests of `junk.scraper-line` and `junk.teaser-block`: the signals and
//! their examples, the gates, the matcher, and the rules on whole articles.

use regex::Regex;

use super::signals::signal_matcher;
use crate::embedded::SIGNAL_GATES;

use super::*;
use crate::rules::junk::signal_gate::gate;
use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

#[test]
fn signals_load_and_their_examples_pass() {
    assert!(!signals().is_empty());
    // Every signal builds as a screen: no line falls back on the regexes.
    assert!(signal_matcher().all_screened(signals()));
    for s in signals() {
        for text in &s.flag {
            assert!(
                s.applies_to(text),
                "signal `{}` must match {text:?}",
                s.name
            );
        }
        for text in &s.allow {
            assert!(
                !s.applies_to(text),
                "signal `{}` must not match {text:?}",
                s.name
            );
        }
    }
    // A Unicode word boundary would send the whole set to the slow
    // engine (see the header of lines.signals.toml).
    for s in signals() {
        let pattern = s.pattern.replace("(?-u:\\b)", "");
        assert!(
            !pattern.contains("\\b") && !pattern.contains("\\B"),
            "signal `{}`: write a word boundary as (?-u:\\b)",
            s.name
        );
    }
    // The set raises on every example just the signals that match it
    // one by one.
    for text in signals().iter().flat_map(|s| s.flag.iter().chain(&s.allow)) {
        let one_by_one: Vec<&str> = signals()
            .iter()
            .filter(|s| s.applies_to(text.trim()))
            .map(|s| s.name.as_str())
            .collect();
        let names: Vec<&str> = raised(text).iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, one_by_one, "{text:?}");
    }
}

#[test]
fn gates_only_anchored_patterns_by_their_leading_literals() {
    let lits = |p: &str| {
        gate(p).map(|g| {
            g.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        lits(r"^By (?:The )?\p{Lu}\p{L}*$"),
        Some(vec!["by ".to_owned()])
    );
    assert_eq!(
        lits(r"(?i)^(?:photo|image|picture)(?: credit)?:"),
        Some(vec![
            "image".to_owned(),
            "photo".to_owned(),
            "picture".to_owned()
        ])
    );
    assert_eq!(
        lits("^(?:https?://|www\\.)\\S+$"),
        Some(vec![
            "www.".to_owned(),
            "http://".to_owned(),
            "https://".to_owned()
        ])
    );
    // An optional word gives both starts.
    assert_eq!(
        lits(r"^(?:Read )?more$"),
        Some(vec!["more".to_owned(), "read more".to_owned()])
    );
    // A leading class, a start that may be empty or no anchor: no gate.
    assert_eq!(lits(r"^\p{Lu}[\p{Lu} ]{2,}$"), None);
    assert_eq!(lits(r"^\d+ comments$"), None);
    assert_eq!(lits(r"^x?"), None);
    assert_eq!(lits(r"(?:^|\s)Home"), None);
    assert_eq!(lits(r"Home$"), None);
}

/// The gates build.rs embedded are the ones the signals' patterns give
/// now.
#[test]
fn embedded_gates_are_those_of_the_patterns() {
    assert_eq!(SIGNAL_GATES.len(), signals().len());
    for (signal, embedded) in signals().iter().zip(SIGNAL_GATES) {
        let embedded = embedded.map(|g| g.iter().map(|l| l.to_vec()).collect::<Vec<_>>());
        assert_eq!(embedded, gate(&signal.pattern), "signal `{}`", signal.name);
    }
    assert!(SIGNAL_GATES.iter().any(Option::is_some));
}

/// Every line of the fixtures, and each line cut to a few lengths,
/// raises through the gates, the loose set and the exact screens just the
/// signals that match it one by one.
#[test]
fn gated_signals_agree_with_each_pattern_alone() {
    let compiled: Vec<Regex> = signals()
        .iter()
        .map(|s| Regex::new(&s.pattern).unwrap())
        .collect();
    let mut lines = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                lines.extend(text.lines().map(str::to_owned));
            }
        }
    }
    assert!(lines.len() > 500, "{} fixture lines", lines.len());
    let mut indices = Vec::new();
    let mut raised_somewhere = 0;
    for line in &lines {
        for cut in [usize::MAX, 40, 12, 3] {
            let end = line.char_indices().nth(cut).map_or(line.len(), |(i, _)| i);
            let text = line[..end].trim();
            if text.is_empty() {
                continue;
            }
            signal_matcher().raised(signals(), text, &mut indices);
            let one_by_one: Vec<usize> = (0..compiled.len())
                .filter(|&i| compiled[i].is_match(text))
                .collect();
            assert_eq!(indices, one_by_one, "{text:?}");
            raised_somewhere += usize::from(!indices.is_empty());
        }
    }
    assert!(
        raised_somewhere > 50,
        "{raised_somewhere} lines raise a signal"
    );
}

#[test]
fn flags_page_furniture() {
    assert_fixes(
        &ScraperLine,
        "The talks ended.\n\nComments / 0\n\nThe next day began.\n",
        "The talks ended.\n\n\nThe next day began.\n",
    );
    assert_flags(
        &ScraperLine,
        "Article text ends here.\n\nRelated\nnewschain\n\nPOLITICS\nRELATED PEOPLE\n",
        &["Related", "newschain", "POLITICS", "RELATED PEOPLE"],
    );
}

#[test]
fn flags_the_teasers_after_a_tail_marker() {
    let text = "The article ends here, she said.\n\nRelated\n\nRussia pounds Ukrainian cities\n\nRussian forces launched new strikes on cities as votes continued...\nPOLITICS\n\nEvidence found of war crimes\n";
    let found = crate::rules::test::diagnostics(&ScraperLine, text);
    let block: Vec<_> = found
        .iter()
        .filter(|d| d.rule == "junk.teaser-block")
        .collect();
    assert_eq!(block.len(), 1);
    assert!(text[block[0].range.to_std()].starts_with("Russia pounds"));
}

#[test]
fn keeps_article_paragraphs_after_a_marker() {
    let text = "Related\n\nThe talks went on for hours, officials said.\n\nThe ministers met again on Friday and agreed on a statement.\n\nA third meeting is planned for next week in Geneva.\n";
    let found = crate::rules::test::diagnostics(&ScraperLine, text);
    assert!(
        found.iter().all(|d| d.rule != "junk.teaser-block"),
        "{found:?}"
    );
}

#[test]
fn keeps_a_list_that_a_colon_introduces() {
    let prose = "The band announced a tour of twelve cities on Monday, its first in five years, and tickets go on sale next week.\n\nThe singer said the new songs were written during a long winter in a cabin by the sea.\n\n";
    for list in [
            "The dates announced so far:\n\nGlasgow Barrowland on March 3\n\nManchester Apollo on March 5\n\nBristol Beacon on March 8\n",
            "Teams that have qualified:\nReal Madrid of Spain\nBayern Munich of Germany\nInter Milan of Italy\n",
        ] {
            let text = format!("{prose}{list}");
            let found = crate::rules::test::diagnostics(&ScraperLine, &text);
            assert!(
                found.iter().all(|d| d.rule != "junk.teaser-block"),
                "{found:?}"
            );
        }
}

#[test]
fn a_block_never_takes_in_prose_after_an_in_article_marker() {
    let text = "The council met on Monday.\n\nRead also\n\nThe mayor said the vote on the new bridge would go ahead in spring, whatever the cost of steel turns out to be by then.\n\nResidents have asked for a public meeting before the vote, and the council agreed to hold one in the town hall.\n\nCity budget cut again\n\nNew bus lanes open in March\n\nWhy the old pier is closing\n";
    let found = crate::rules::test::diagnostics(&ScraperLine, text);
    let block: Vec<_> = found
        .iter()
        .filter(|d| d.rule == "junk.teaser-block")
        .collect();
    assert_eq!(block.len(), 1, "{found:?}");
    assert!(text[block[0].range.to_std()].starts_with("City budget"));
}

#[test]
fn keeps_a_link_in_the_articles_fact_box() {
    assert_clean(
            &ScraperLine,
            "The play runs at the Lyceum until 14 June, the theatre said.\n\nTickets: from 18 pounds\nhttps://www.example-theatre.org/tickets\n",
        );
    assert_clean(
        &ScraperLine,
        "The fair opens on Saturday.\n\nwww.example-fair.org\nVenue: Town Hall, Market Street\n",
    );
    // A link alone, or beside another line of furniture, is junk.
    assert_flags(
        &ScraperLine,
        "The talks ended, he said.\n\nhttps://www.example-news.com\n",
        &["https://www.example-news.com"],
    );
    assert!(is_fact_line("Box office: 0131 555 0100"));
    assert!(!is_fact_line("Tickets:") && !is_fact_line("Call 0131 555 0100: ask for Ann"));
}

#[test]
fn leaves_article_lines_alone() {
    assert_clean(
        &ScraperLine,
        "NATO\n\nThe talks ended late, he said.\n\nnewschain reported it first.\n\nPolitics\n",
    );
}

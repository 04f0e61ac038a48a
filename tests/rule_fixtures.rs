//! Per-rule fixtures: `fixtures/<category>/<name>.txt` holds cases the rule
//! `<category>.<name>` must flag and look-alikes it must leave alone.
//!
//! Format: comment lines (`#`) at the top, then sections that start with a
//! line `== flag` or `== allow`. In a section, a line `--` separates cases,
//! so a case may span several lines and paragraphs. Each case is linted
//! alone with only that rule selected, and with the settings of the
//! fixture's `# config: <toml line>` header lines, if any. A line `~~~`
//! splits a case into the articles of one run, for the rules that compare
//! articles (`junk.recurring-line`): their lines are counted together,
//! each is linted with the counts, and the case is flagged when one of its
//! articles is. The snapshot records, for every
//! flagged case, what was flagged and the text after all its fixes.

use std::fmt::Write;
use std::fs;
use std::path::Path;

use mtlint::config::Config;
use mtlint::lint::{Article, Linter};
use mtlint::recurring::LineCounts;
use mtlint::rules::Registry;

use crate::root;

#[derive(Debug, PartialEq)]
enum Expect {
    Flag,
    Allow,
}

struct Case {
    expect: Expect,
    line: usize,
    text: String,
}

fn parse(source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut expect = None;
    let mut current: Option<Case> = None;
    for (i, line) in source.lines().enumerate() {
        let section = match line {
            "== flag" => Some(Expect::Flag),
            "== allow" => Some(Expect::Allow),
            _ => None,
        };
        if section.is_some() || line == "--" {
            cases.extend(current.take());
            if section.is_some() {
                expect = section;
            }
            continue;
        }
        let Some(kind) = &expect else {
            assert!(
                line.is_empty() || line.starts_with('#'),
                "line {}: text before the first section",
                i + 1
            );
            continue;
        };
        let case = current.get_or_insert_with(|| Case {
            expect: if *kind == Expect::Flag {
                Expect::Flag
            } else {
                Expect::Allow
            },
            line: i + 1,
            text: String::new(),
        });
        case.text.push_str(line);
        case.text.push('\n');
    }
    cases.extend(current);
    cases
}

/// A linter running only `id`, with the settings of the fixture's
/// `# config: <toml>` header lines (for rules that read `mtlint.toml`).
fn linter_for(id: &str, source: &str) -> Linter {
    let registry = Registry::builtin().unwrap();
    let enabled = registry.select(&[id.to_owned()], &[]).unwrap();
    let config: String = source
        .lines()
        .filter_map(|l| l.strip_prefix("# config: "))
        .map(|l| format!("{l}\n"))
        .collect();
    let settings = Config::parse(Path::new("fixture"), &config)
        .and_then(|c| c.settings())
        .unwrap_or_else(|e| panic!("{id}: the fixture's config: {e}"));
    Linter::new(registry, enabled, settings)
}

#[test]
fn every_builtin_detector_has_a_fixture() {
    let registry = Registry::builtin().unwrap();
    for rule in registry.rules().filter(|r| r.origin == "built-in") {
        let (category, name) = rule.id.split_once('.').unwrap();
        let path = root()
            .join("fixtures")
            .join(category)
            .join(format!("{name}.txt"));
        assert!(
            path.exists(),
            "{} has no fixture {}",
            rule.id,
            path.display()
        );
    }
}

#[test]
fn rule_fixtures() {
    let registry = Registry::builtin().unwrap();
    let mut failures = Vec::new();
    let mut seen = 0;
    for rule in registry.rules() {
        let (category, name) = rule.id.split_once('.').unwrap();
        let relative = format!("fixtures/{category}/{name}.txt");
        let Ok(source) = fs::read_to_string(root().join(&relative)) else {
            continue;
        };
        seen += 1;
        let linter = linter_for(&rule.id, &source);
        let cases = parse(&source);
        assert!(
            cases.iter().any(|c| c.expect == Expect::Flag)
                && cases.iter().any(|c| c.expect == Expect::Allow),
            "{relative} needs cases on both sides"
        );
        let mut snapshot = String::new();
        for case in &cases {
            let articles: Vec<&str> = case.text.split("~~~\n").collect();
            let mut counts = LineCounts::new();
            for article in &articles {
                counts.add(article);
            }
            let article = Article {
                recurring: (articles.len() > 1).then_some(&counts),
                ..Article::default()
            };
            let mut flagged = false;
            for (n, text) in articles.iter().enumerate() {
                let found = linter.lint_with(text, &article);
                flagged |= !found.is_empty();
                match case.expect {
                    Expect::Allow if !found.is_empty() => {
                        let texts: Vec<_> = found.iter().map(|d| &text[d.range.to_std()]).collect();
                        failures.push(format!("{relative}:{}: flagged {texts:?}", case.line));
                    }
                    Expect::Flag if !found.is_empty() => {
                        let which = if article.recurring.is_some() {
                            format!(", article {}", n + 1)
                        } else {
                            String::new()
                        };
                        writeln!(snapshot, "line {}{which}:", case.line).unwrap();
                        for d in &found {
                            writeln!(
                                snapshot,
                                "  flag {:?}: {}",
                                &text[d.range.to_std()],
                                d.message
                            )
                            .unwrap();
                        }
                        let fixed = linter.fix_with(text, true, &article);
                        if fixed.fixed > 0 {
                            writeln!(snapshot, "  fixed {:?}", fixed.text).unwrap();
                        }
                    }
                    _ => {}
                }
            }
            // A case of several articles is flagged when one of them is;
            // the snapshot shows which.
            if case.expect == Expect::Flag && !flagged {
                failures.push(format!("{relative}:{}: not flagged", case.line));
            }
        }
        insta::with_settings!({ snapshot_suffix => rule.id.to_string(), description => relative.clone() }, {
            insta::assert_snapshot!("rule_fixture", snapshot);
        });
    }
    assert!(seen > 0, "no rule fixture was found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fixture case gives the same findings with Windows line ends: a
/// rule that looks at a line's last characters must see them past "\r".
#[test]
fn rule_fixtures_find_the_same_with_crlf_line_ends() {
    let registry = Registry::builtin().unwrap();
    let mut failures = Vec::new();
    for rule in registry.rules() {
        let (category, name) = rule.id.split_once('.').unwrap();
        let relative = format!("fixtures/{category}/{name}.txt");
        let Ok(source) = fs::read_to_string(root().join(&relative)) else {
            continue;
        };
        let linter = linter_for(&rule.id, &source);
        for case in parse(&source) {
            if case.text.contains("~~~\n") {
                continue;
            }
            let crlf = case.text.replace('\n', "\r\n");
            let texts = |text: &str| -> Vec<String> {
                linter
                    .lint_with(text, &Article::default())
                    .iter()
                    .map(|d| text[d.range.to_std()].replace('\r', ""))
                    .collect()
            };
            let (lf, windows) = (texts(&case.text), texts(&crlf));
            if lf != windows {
                failures.push(format!(
                    "{relative}:{}: LF finds {lf:?}, CRLF finds {windows:?}",
                    case.line
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

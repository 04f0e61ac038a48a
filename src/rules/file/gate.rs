//! The literals a pattern rule's matches must contain, so that an article
//! without them skips the rule, and a process never compiles its regex.
//! Computed at build time (`build.rs` includes this file) for the built-in
//! rule files, because parsing their patterns at start-up would cost what
//! it saves; the tests compute them again and compare.
//!
//! A gate is a list of sets of literals: every match contains at least one
//! literal of each set. Literals are folded to ASCII lower case and are
//! looked for without regard to ASCII case, so a case-insensitive group
//! (`(?i:read also)`) gives a literal too; a character whose case folds
//! outside ASCII (the Kelvin sign for `k`, the long s for `s`) ends one.
//! Sets with a literal shorter than [`MIN_LEN`] bytes are dropped: they
//! would be in every article.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The shortest literal worth a gate.
pub const MIN_LEN: usize = 3;

/// The gate of `pattern`, or `None` when no set of literals is required.
pub fn gate(pattern: &str) -> Option<Vec<Vec<Vec<u8>>>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut sets = required(&hir);
    sets.retain(|set| !set.is_empty() && set.iter().all(|l| l.len() >= MIN_LEN));
    for set in &mut sets {
        set.sort();
        set.dedup();
    }
    sets.sort();
    sets.dedup();
    (!sets.is_empty()).then_some(sets)
}

/// Sets of literals each of which every match of `hir` contains one of.
fn required(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        HirKind::Concat(children) => concat(children),
        HirKind::Alternation(children) => {
            // Each branch must give a set; the gate is their union.
            let mut union = Vec::new();
            for child in children {
                match best(required(child)) {
                    Some(set) => union.extend(set),
                    None => return Vec::new(),
                }
            }
            vec![union]
        }
        _ => match literal_char(hir) {
            Some(bytes) => vec![vec![bytes]],
            None => Vec::new(),
        },
    }
}

/// A concatenation: each run of literal characters is a literal it
/// requires, and so is what each other part requires.
fn concat(children: &[Hir]) -> Vec<Vec<Vec<u8>>> {
    let mut sets = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for child in children {
        match literal_char(child) {
            Some(bytes) => run.extend(bytes),
            None => {
                if !run.is_empty() {
                    sets.push(vec![std::mem::take(&mut run)]);
                }
                sets.extend(required(child));
            }
        }
    }
    if !run.is_empty() {
        sets.push(vec![run]);
    }
    sets
}

/// The set whose shortest literal is the longest: the rarest in text.
fn best(sets: Vec<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    sets.into_iter()
        .filter(|set| !set.is_empty())
        .max_by_key(|set| set.iter().map(Vec::len).min().unwrap_or(0))
}

/// The bytes of `hir` folded to ASCII lower case if it is a literal, or a
/// class of one ASCII letter in both cases (what `(?i)` makes of it).
fn literal_char(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(literal.0.to_ascii_lowercase()),
        HirKind::Class(Class::Unicode(class)) => {
            let chars: Vec<char> = class
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .take(3)
                .collect();
            match chars.as_slice() {
                [upper, lower]
                    if upper.is_ascii_uppercase() && upper.to_ascii_lowercase() == *lower =>
                {
                    Some(vec![*lower as u8])
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sets: &[Vec<Vec<u8>>]) -> Vec<Vec<String>> {
        sets.iter()
            .map(|set| {
                set.iter()
                    .map(|l| String::from_utf8(l.clone()).unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn literals_every_match_needs() {
        let gate = |p: &str| gate(p).map(|sets| texts(&sets));
        assert_eq!(
            gate("(?:Writes|Reports|Informs) about (?:it|this) [A-Z]"),
            Some(vec![
                vec![" about ".to_owned()],
                vec![
                    "informs".to_owned(),
                    "reports".to_owned(),
                    "writes".to_owned()
                ],
            ])
        );
        // A case-insensitive group gives literals; `k` and `s`, whose case
        // folds outside ASCII, end them.
        assert_eq!(
            gate("(?i:read also|kyiv)"),
            Some(vec![vec!["read al".to_owned(), "yiv".to_owned()]])
        );
        // A branch without a literal, or only short ones: no gate.
        assert_eq!(gate("(?:Read also|[A-Z]+)"), None);
        assert_eq!(gate(r"[\p{L}](?P<target>[ \t]+)[,;]"), None);
        assert_eq!(
            gate("(?:my|our) page"),
            Some(vec![vec![" page".to_owned()]])
        );
        // Optional parts require nothing.
        assert_eq!(
            gate("(?:Before )?said"),
            Some(vec![vec!["said".to_owned()]])
        );
        assert_eq!(gate("(?:Before )?(?:Mr|Ms)"), None);
        assert_eq!(
            gate("(?:Before )+said"),
            Some(vec![vec!["before ".to_owned()], vec!["said".to_owned()]])
        );
    }

    /// The gates build.rs embedded are what this module computes now, and
    /// every built-in pattern that matches a fixture or an example has the
    /// literals of its gate there: a gate never hides a finding.
    #[test]
    fn built_in_gates_are_current_and_sound() {
        use crate::embedded::{PATTERN_GATES, RULE_FILES};
        use crate::rules::test::{fixture_texts, rule_file_examples};
        let mut texts = fixture_texts();
        texts.extend(rule_file_examples(&["flag"]));
        let mut patterns = Vec::new();
        for (_, contents) in RULE_FILES {
            let table: toml::Table = contents.parse().unwrap();
            for rule in table["rule"].as_array().unwrap() {
                if let Some(pattern) = rule.get("pattern").and_then(toml::Value::as_str) {
                    patterns.push(pattern.to_owned());
                }
            }
        }
        assert_eq!(crate::embedded::BUILTIN_PATTERNS, patterns.as_slice());
        let mut gated = 0;
        for pattern in &patterns {
            let embedded = PATTERN_GATES.iter().find(|(p, _)| p == pattern);
            let computed = gate(pattern);
            let embedded_sets = embedded.map(|(_, sets)| {
                sets.iter()
                    .map(|set| set.iter().map(|l| l.to_vec()).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            });
            assert_eq!(embedded_sets, computed, "{pattern}");
            let Some(sets) = computed else { continue };
            gated += 1;
            let regex = regex::Regex::new(pattern).unwrap();
            for text in texts.iter().filter(|t| regex.is_match(t)) {
                let lower = text.to_ascii_lowercase();
                for set in &sets {
                    assert!(
                        set.iter()
                            .any(|l| lower.as_bytes().windows(l.len()).any(|w| w == l.as_slice())),
                        "{pattern} matches {text:?} without any of {:?}",
                        texts_of(set)
                    );
                }
            }
        }
        assert!(gated >= 10, "only {gated} built-in patterns have a gate");
    }

    fn texts_of(set: &[Vec<u8>]) -> Vec<String> {
        set.iter()
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect()
    }
}

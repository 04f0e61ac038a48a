//! The evaluation set of the mojibake detector, generated from correct
//! text: every line of `fixtures/encoding/eval/clean.txt` is damaged with
//! each chain below, and the detector must find the damage and give the
//! line back exactly, while the clean lines themselves come through
//! untouched.
//!
//! `cargo test` checks the figures against a floor
//! (`tests/mojibake_eval.rs`); `cargo run --release --example
//! mojibake_eval` prints them. Both include this file as a module: it is
//! no part of the library, and it reads the detector only through its
//! public API.

#![allow(
    dead_code,
    reason = "shared by the test and the example, each of which uses part of it"
)]

use std::collections::BTreeMap;

use mtlint::mojibake::{find, CodePage};

/// A way to damage a text.
#[derive(Clone, Debug)]
pub enum Damage {
    /// UTF-8 bytes read as these code pages in turn.
    Utf8As(Vec<CodePage>),
    /// UTF-8 read as Windows-1251, then a translation engine sets the
    /// characters it takes for punctuation apart with spaces.
    Translated,
    /// A text in `was` read as `read_as`.
    SingleByte { was: CodePage, read_as: CodePage },
    /// The first words of the line damaged as `Utf8As([page])`, quoted in an
    /// English sentence.
    Quoted(CodePage),
}

impl Damage {
    /// Every chain the evaluation uses.
    pub fn all() -> Vec<Damage> {
        let mut all: Vec<Damage> = CodePage::ALL
            .iter()
            .map(|&p| Damage::Utf8As(vec![p]))
            .collect();
        all.push(Damage::Utf8As(vec![
            CodePage::Windows1252,
            CodePage::Windows1252,
        ]));
        all.push(Damage::Utf8As(vec![
            CodePage::Windows1251,
            CodePage::Windows1252,
        ]));
        all.push(Damage::Translated);
        all.push(Damage::SingleByte {
            was: CodePage::Windows1251,
            read_as: CodePage::Windows1252,
        });
        all.push(Damage::SingleByte {
            was: CodePage::Koi8R,
            read_as: CodePage::Windows1252,
        });
        all.push(Damage::Quoted(CodePage::Windows1252));
        all.push(Damage::Quoted(CodePage::Windows1251));
        all
    }

    pub fn name(&self) -> String {
        match self {
            Damage::Utf8As(pages) => {
                let names: Vec<&str> = pages.iter().map(|p| p.name()).collect();
                format!("UTF-8 as {}", names.join(" as "))
            }
            Damage::Translated => "UTF-8 as Windows-1251, spaced by a translator".to_owned(),
            Damage::SingleByte { was, read_as } => {
                format!("{} as {}", was.name(), read_as.name())
            }
            Damage::Quoted(page) => format!("a quoted phrase, UTF-8 as {}", page.name()),
        }
    }

    /// The damaged text and the text a perfect repair gives back, or `None`
    /// when this chain cannot damage this text (nothing changes, or a
    /// character has no byte in the code page).
    pub fn apply(&self, text: &str) -> Option<(String, String)> {
        let damaged = match self {
            Damage::Utf8As(pages) => {
                let mut current = text.to_owned();
                for &page in pages {
                    current = current.bytes().map(|b| page.decode_byte(b)).collect();
                }
                current
            }
            Damage::Translated => {
                let damaged = Damage::Utf8As(vec![CodePage::Windows1251]).apply(text)?.0;
                return Some((translator_spacing(&damaged), text.to_owned()));
            }
            Damage::SingleByte { was, read_as } => {
                let bytes: Vec<u8> = text
                    .chars()
                    .map(|c| was.byte_of(c))
                    .collect::<Option<Vec<u8>>>()?;
                bytes.iter().map(|&b| read_as.decode_byte(b)).collect()
            }
            Damage::Quoted(page) => {
                let phrase: Vec<&str> = text.split_whitespace().take(3).collect();
                let phrase = phrase.join(" ");
                let phrase = phrase.trim_end_matches(|c: char| c.is_ascii_punctuation());
                if phrase.is_ascii() {
                    return None;
                }
                let damaged: String = phrase.bytes().map(|b| page.decode_byte(b)).collect();
                let frame = |p: &str| format!("The report quoted \"{p}\" on Monday.");
                return Some((frame(&damaged), frame(phrase)));
            }
        };
        (damaged != text && !damaged.contains('\u{fffd}')).then(|| (damaged, text.to_owned()))
    }
}

/// What a translation engine does to the characters it takes for
/// punctuation: a symbol gets a space on both sides (`Р ° РЅ`), a
/// guillemet `»` a space before and none after (`Р »РІ`).
fn translator_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let punctuation = !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii();
        if !punctuation {
            out.push(c);
            continue;
        }
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
        if c == '»' {
            // The word space after it moves in front of it.
            while chars.peek() == Some(&' ') {
                chars.next();
            }
        } else if chars.peek().is_some_and(|&n| n != ' ') {
            out.push(' ');
        }
    }
    out
}

/// Applies every finding's repair.
pub fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for f in find(text) {
        out.push_str(&text[last..f.start]);
        out.push_str(&f.repaired);
        last = f.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Counts for one chain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Damaged lines.
    pub cases: usize,
    /// Damaged lines with at least one finding.
    pub detected: usize,
    /// Damaged lines repaired to the original exactly.
    pub exact: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    pub by_chain: BTreeMap<String, Tally>,
    pub clean_lines: usize,
    /// Clean lines with any finding.
    pub clean_flagged: Vec<String>,
    /// Damaged lines that were not repaired exactly, for inspection.
    pub misses: Vec<(String, String, String)>,
}

impl Report {
    pub fn total(&self) -> Tally {
        self.by_chain.values().fold(Tally::default(), |a, t| Tally {
            cases: a.cases + t.cases,
            detected: a.detected + t.detected,
            exact: a.exact + t.exact,
        })
    }

    /// Of all lines flagged, the share that were damaged.
    pub fn precision(&self) -> f64 {
        let total = self.total();
        let flagged = total.detected + self.clean_flagged.len();
        if flagged == 0 {
            return 1.0;
        }
        total.detected as f64 / flagged as f64
    }

    pub fn recall(&self) -> f64 {
        let total = self.total();
        total.detected as f64 / total.cases.max(1) as f64
    }

    pub fn exact_rate(&self) -> f64 {
        let total = self.total();
        total.exact as f64 / total.cases.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The lines of an evaluation file: `#` comments and blank lines skipped.
pub fn lines(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

pub fn evaluate(clean: &[&str]) -> Report {
    let mut report = Report {
        clean_lines: clean.len(),
        ..Report::default()
    };
    for line in clean {
        if !find(line).is_empty() {
            report.clean_flagged.push((*line).to_owned());
        }
    }
    for damage in Damage::all() {
        let tally = report.by_chain.entry(damage.name()).or_default();
        for line in clean {
            let Some((damaged, expected)) = damage.apply(line) else {
                continue;
            };
            tally.cases += 1;
            if !find(&damaged).is_empty() {
                tally.detected += 1;
            }
            let repaired = repair(&damaged);
            if repaired == expected {
                tally.exact += 1;
            } else {
                report.misses.push((damage.name(), damaged, repaired));
            }
        }
    }
    report
}

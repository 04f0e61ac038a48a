//! `junk.scraper-line`: a line of page furniture (a follow counter, a
//! comment widget, a page timer, a bare link, a "Read also" marker, a
//! section label) found by scoring line signals, not by one pattern per
//! phrase. The signals and their weights are data
//! (`rules/junk/*.signals.toml`); the scoring is here:
//!
//! - each signal that matches the trimmed line adds its weight;
//! - a line with some signal gets 1 more when the nearest non-blank line
//!   before or after it is junk, because furniture comes in clusters;
//! - a line scoring [`THRESHOLD`] or more is junk;
//! - a bare link in the article's own fact box, next to a "Tickets: from
//!   £18" or "Venue: City Hall" line, is the article's: it tells readers
//!   where to go.
//!
//! The fix deletes the line; it is safe only when every signal that
//! matched is marked safe (counters, widgets, timers).
//!
//! `junk.teaser-block` (same file, one pass): after the first tail marker
//! ("Read also", a comment widget), the rest of the page when most of it
//! looks like teasers; and, with no marker, a run of three or more
//! headline-like lines that ends the page after the article's prose
//! (credit lines such as "Reporting by …" stop the run). A block never
//! takes in the article's prose (on a full page, a "Read also" marker may
//! stand in the middle of the article: the block starts after the last two
//! paragraphs of prose in a row, where a teaser has one blurb), nor the
//! items of a list that a line ending in a colon introduces (tour dates,
//! qualified teams). The fix deletes the block and is unsafe.

use std::sync::OnceLock;

use regex::{Regex, RegexSet};
use serde::Deserialize;

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::embedded::{SIGNAL_FILES, SIGNAL_GATES};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{TextRange, TextSize};

pub struct ScraperLine;

static METAS: [RuleMeta; 2] = [
    RuleMeta::builtin(
        "junk.scraper-line",
        Category::Junk,
        Severity::Warning,
        "A line of page furniture carried in by the scraper: a counter, a widget, a timer, a link, a section label.",
        true,
    ),
    RuleMeta::builtin(
        "junk.teaser-block",
        Category::Junk,
        Severity::Warning,
        "The teasers for other articles at the end of the page, after a \"Related\" or \"Read also\" marker or as a run of headlines.",
        true,
    ),
];
const META: &RuleMeta = &METAS[0];
const TEASERS: &RuleMeta = &METAS[1];

/// Signals that end the article: what follows them is the page's.
const TAIL_MARKERS: [&str; 2] = ["read-also marker", "comment widget"];

/// The signal of a line that is one link and nothing else.
const BARE_LINK: &str = "bare link";

/// A line of a fact box: a short label, a colon and its value ("Tickets:
/// from £18", "Box office: 0131 555 0100").
fn is_fact_line(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, value)| {
        let words = label.split_whitespace().count();
        (1..=3).contains(&words)
            && label.starts_with(char::is_uppercase)
            && label.chars().all(|c| c.is_alphabetic() || c == ' ')
            && !value.trim().is_empty()
    })
}

/// The share of lines after a tail marker that must look like teasers
/// (junk, or short lines without a full stop) for the rest to go too.
const TEASER_SHARE: f64 = 0.6;

/// The score at which a line is junk: one strong signal, or a weak one
/// inside a cluster.
pub const THRESHOLD: u32 = 3;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalFile {
    signal: Vec<RawSignal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignal {
    name: String,
    weight: u32,
    safe: bool,
    pattern: String,
    /// The longest line, in characters, the signal applies to: a limit the
    /// pattern would otherwise write as a counted repetition of a Unicode
    /// class, which compiles into that many copies of the class.
    #[serde(default)]
    max_chars: Option<usize>,
    flag: Vec<String>,
    allow: Vec<String>,
}

pub struct Signal {
    pub name: String,
    pub weight: u32,
    pub safe: bool,
    /// Compiled as [`SignalMatcher`] decides: alone or in a set.
    pub pattern: String,
    pub max_chars: Option<usize>,
    pub flag: Vec<String>,
    pub allow: Vec<String>,
}

impl Signal {
    /// Whether the signal alone is raised by a trimmed line: its pattern
    /// compiled apart, for the tests that hold the set to it.
    #[cfg(test)]
    fn applies_to(&self, line: &str) -> bool {
        self.max_chars.is_none_or(|max| line.chars().count() <= max)
            && Regex::new(&self.pattern)
                .expect("the pattern compiles")
                .is_match(line)
    }
}

/// The built-in signals, compiled once.
pub fn signals() -> &'static [Signal] {
    static SIGNALS: OnceLock<Vec<Signal>> = OnceLock::new();
    SIGNALS.get_or_init(|| {
        let mut out = Vec::new();
        for (path, contents) in SIGNAL_FILES {
            // Checked by `tests::signals_load_and_their_examples_pass`.
            let file: SignalFile = toml::from_str(contents)
                .unwrap_or_else(|e| panic!("{path}: invalid signal file: {e}"));
            for raw in file.signal {
                out.push(Signal {
                    name: raw.name,
                    weight: raw.weight,
                    safe: raw.safe,
                    pattern: raw.pattern,
                    max_chars: raw.max_chars,
                    flag: raw.flag,
                    allow: raw.allow,
                });
            }
        }
        out
    })
}

/// The signals, ready to test a line against: a signal whose every match
/// starts with one of a few literals (`By `, `Read`, `#`) is gated by them
/// and compiled the first time a line starts so; the rest run as one set.
///
/// A one-article run then compiles only the set of ungated signals (the
/// gated ones' Unicode classes made the whole set most of the start-up
/// work), and a line is scanned by the set and by the few gated signals its
/// first bytes let through.
pub(crate) struct SignalMatcher {
    /// For each signal, the literals a line must start with (compared
    /// without regard to ASCII case), or `None` for an ungated signal.
    gates: &'static [Option<&'static [&'static [u8]]>],
    /// The gated signals each first byte of a line can open.
    by_first_byte: Vec<Vec<usize>>,
    gated: Vec<OnceLock<Regex>>,
    ungated: Vec<usize>,
    set: OnceLock<RegexSet>,
}

impl SignalMatcher {
    /// `gates`: for each signal, its literals (see `signal_gate.rs`).
    fn new(signals: &[Signal], gates: &'static [Option<&'static [&'static [u8]]>]) -> Self {
        assert_eq!(signals.len(), gates.len(), "a gate for each signal");
        let mut by_first_byte = vec![Vec::new(); 256];
        for (i, gate) in gates.iter().enumerate() {
            for literal in gate.iter().copied().flatten() {
                for byte in [
                    literal[0].to_ascii_lowercase(),
                    literal[0].to_ascii_uppercase(),
                ] {
                    let openers: &mut Vec<usize> = &mut by_first_byte[usize::from(byte)];
                    if openers.last() != Some(&i) {
                        openers.push(i);
                    }
                }
            }
        }
        Self {
            ungated: (0..signals.len()).filter(|&i| gates[i].is_none()).collect(),
            gated: signals.iter().map(|_| OnceLock::new()).collect(),
            gates,
            by_first_byte,
            set: OnceLock::new(),
        }
    }

    /// The set of the ungated signals.
    fn set(&self, signals: &[Signal]) -> &RegexSet {
        self.set.get_or_init(|| {
            // Checked by `tests::signals_load_and_their_examples_pass`.
            RegexSet::new(self.ungated.iter().map(|&i| &signals[i].pattern))
                .unwrap_or_else(|e| panic!("the scraper-line signals: {e}"))
        })
    }

    /// The indices of the signals a trimmed, non-empty line raises, in the
    /// order of the signals.
    fn raised(&self, signals: &[Signal], line: &str, out: &mut Vec<usize>) {
        out.clear();
        let bytes = line.as_bytes();
        for &i in &self.by_first_byte[usize::from(bytes[0])] {
            let literals = self.gates[i].unwrap_or_default();
            let opens = literals
                .iter()
                .any(|l| bytes.len() >= l.len() && bytes[..l.len()].eq_ignore_ascii_case(l));
            if opens && self.regex(signals, i).is_match(line) {
                out.push(i);
            }
        }
        if !self.ungated.is_empty() {
            out.extend(
                self.set(signals)
                    .matches(line)
                    .iter()
                    .map(|k| self.ungated[k]),
            );
        }
        out.sort_unstable();
    }

    fn regex(&self, signals: &[Signal], i: usize) -> &Regex {
        self.gated[i].get_or_init(|| {
            Regex::new(&signals[i].pattern)
                .unwrap_or_else(|e| panic!("signal `{}`: {e}", signals[i].name))
        })
    }
}

pub(crate) fn signal_matcher() -> &'static SignalMatcher {
    static MATCHER: OnceLock<SignalMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| SignalMatcher::new(signals(), SIGNAL_GATES))
}

/// Builds what every line needs: the set of the ungated signals.
pub(crate) fn warm_up() {
    signal_matcher().set(signals());
}

/// Compiles the gated signals, which a line may need ("By …", "Read
/// also"): called last on a start-up thread, so that an article with such
/// a line finds them built, and one without loses nothing but idle time.
pub(crate) fn warm_up_gated() {
    let matcher = signal_matcher();
    for (i, gate) in matcher.gates.iter().enumerate() {
        if gate.is_some() {
            matcher.regex(signals(), i);
        }
    }
}

/// The signals a line raises.
fn raised(line: &str) -> Vec<&'static Signal> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return Vec::new();
    }
    let signals = signals();
    let mut indices = Vec::new();
    signal_matcher().raised(signals, trimmed, &mut indices);
    indices
        .into_iter()
        .map(|i| &signals[i])
        .filter(|s| s.max_chars.is_none_or(|max| trimmed.chars().count() <= max))
        .collect()
}

impl Check for ScraperLine {
    fn rules(&self) -> &[RuleMeta] {
        &METAS
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let lines: Vec<(usize, Vec<&Signal>)> = doc
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.blank)
            .map(|(i, l)| (i, raised(doc.slice(l.range))))
            .collect();
        let text_of = |k: usize| doc.slice(doc.lines[lines[k].0].range).trim();
        let base: Vec<u32> = lines
            .iter()
            .enumerate()
            .map(|(k, (_, s))| {
                let only_link = !s.is_empty() && s.iter().all(|s| s.name == BARE_LINK);
                let box_line = |j: usize| lines[j].1.is_empty() && is_fact_line(text_of(j));
                let in_box = (k > 0 && box_line(k - 1)) || (k + 1 < lines.len() && box_line(k + 1));
                if only_link && in_box {
                    0
                } else {
                    s.iter().map(|s| s.weight).sum()
                }
            })
            .collect();
        // Clusters: a weak line next to junk is junk; repeat until settled.
        let mut junk: Vec<bool> = base.iter().map(|&s| s >= THRESHOLD).collect();
        for _ in 0..lines.len() {
            let mut changed = false;
            for i in 0..lines.len() {
                if junk[i] || base[i] == 0 {
                    continue;
                }
                let near = (i > 0 && junk[i - 1]) || junk.get(i + 1).copied().unwrap_or(false);
                if near && base[i] + 1 >= THRESHOLD {
                    junk[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        self.teaser_block(doc, cx, &lines, &junk);
        for (k, (index, signals)) in lines.iter().enumerate() {
            if !junk[k] {
                continue;
            }
            let line = &doc.lines[*index];
            let names: Vec<&str> = signals.iter().map(|s| s.name.as_str()).collect();
            // The line and its line break go; the flagged range is the text.
            let full = doc.line_index.line_range(*index, doc.text);
            let end = doc.text[full.end().to_usize()..]
                .find('\n')
                .map_or(doc.text.len(), |n| full.end().to_usize() + n + 1);
            let delete = TextRange::from_usize(full.start().to_usize(), end);
            let trimmed_start = line.range.start().to_usize()
                + (doc.slice(line.range).len() - doc.slice(line.range).trim_start().len());
            let trimmed_end =
                line.range.start().to_usize() + doc.slice(line.range).trim_end().len();
            let shown = TextRange::from_usize(trimmed_start, trimmed_end.max(trimmed_start));
            let message = format!(
                "Scraper junk ({}), not part of the article",
                names.join(", ")
            );
            let edit = vec![Edit::delete(delete)];
            let fix = if signals.iter().all(|s| s.safe) {
                Fix::safe("Delete the line", edit)
            } else {
                Fix::unsafe_("Delete the line", edit)
            };
            cx.report(META.diagnostic(shown, message).with_fix(fix));
        }
    }
}

impl ScraperLine {
    /// After the first tail marker, the rest of the page when most of it
    /// looks like teasers: junk lines, headlines (short, no full stop) and
    /// blurbs cut off with an ellipsis.
    fn teaser_block(
        &self,
        doc: &Document,
        cx: &mut Context,
        lines: &[(usize, Vec<&Signal>)],
        junk: &[bool],
    ) {
        let Some(marker) = lines
            .iter()
            .position(|(_, s)| s.iter().any(|s| TAIL_MARKERS.contains(&s.name.as_str())))
        else {
            self.trailing_headlines(doc, cx, lines, junk);
            return;
        };
        // The article may go on after an in-article marker: the block
        // starts after its last two paragraphs of prose in a row. (A teaser
        // has one blurb between its headline and its section label.)
        let prose = |k: usize| !junk[k] && is_prose(doc.slice(doc.lines[lines[k].0].range));
        let after_prose = (marker + 1..lines.len().saturating_sub(1))
            .rev()
            .find(|&k| prose(k) && prose(k + 1))
            .map_or(marker + 1, |k| k + 2);
        let rest = &lines[after_prose..];
        if rest.len() < 2 || introduces_a_list(doc, lines, after_prose) {
            return;
        }
        let teaser_like = rest
            .iter()
            .enumerate()
            .filter(|(k, (index, _))| {
                let text = doc.slice(doc.lines[*index].range).trim();
                junk[after_prose + k]
                    || text.ends_with("...")
                    || text.ends_with('…')
                    || (text.split_whitespace().count() <= 15 && !text.ends_with('.'))
            })
            .count();
        // Nothing to add when every line is junk on its own.
        let all_junk = (after_prose..lines.len()).all(|k| junk[k]);
        if all_junk || (teaser_like as f64) < TEASER_SHARE * rest.len() as f64 {
            return;
        }
        let first = doc.lines[rest[0].0].range.start();
        let last = doc.lines[rest[rest.len() - 1].0].range.end();
        let range = TextRange::new(first, last);
        let marker_text = doc.slice(doc.lines[lines[marker].0].range).trim();
        cx.report(
            TEASERS
                .diagnostic(
                    range,
                    format!(
                        "{} lines after `{marker_text}` are teasers and widgets from the page, not the article",
                        rest.len()
                    ),
                )
                .with_fix(Fix::unsafe_(
                    "Delete the block",
                    vec![Edit::delete(TextRange::new(first, TextSize::from_usize(doc.text.len())))],
                )),
        );
    }
}

/// A paragraph of the article's prose: a long line that ends as a sentence
/// does (a teaser's blurb is cut off with an ellipsis).
fn is_prose(line: &str) -> bool {
    let text = line.trim();
    text.split_whitespace().count() >= 12
        && super::ends_sentence(text)
        && !text.ends_with("...")
        && !text.ends_with('…')
}

/// Whether the line before `lines[k]` introduces a list ("The qualified
/// teams:", "Tour dates:"): what follows is the article's own list.
fn introduces_a_list(doc: &Document, lines: &[(usize, Vec<&Signal>)], k: usize) -> bool {
    k > 0 && {
        let (index, signals) = &lines[k - 1];
        doc.slice(doc.lines[*index].range).trim_end().ends_with(':')
            && !signals
                .iter()
                .any(|s| TAIL_MARKERS.contains(&s.name.as_str()))
    }
}

/// The fewest headline-like lines that make a teaser list without a marker.
const MIN_TRAILING_HEADLINES: usize = 3;

/// Whether a line reads like a teaser headline: a few words, a capital
/// first letter, no sentence punctuation at its end, and no list bullet or
/// Markdown heading (an article's own list or section).
fn headline_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    // Mostly words: not a date, a signature with an address, or columns.
    let wordy = text
        .split_whitespace()
        .filter(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(char::is_alphabetic)
        })
        .count();
    (3..=15).contains(&words)
        && wordy * 10 >= words * 7
        && !text.contains(['@', '<', '>', '|', '\t', '/'])
        && !text.contains("  ")
        && first.is_some_and(char::is_uppercase)
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '»', ')', '…'])
        && !text.starts_with(['#', '-', '*', '•', '>'])
}

impl ScraperLine {
    /// Without a tail marker: a run of headline-like lines that ends the
    /// page after the article's prose, the teaser list of a page whose
    /// "Related" heading the scraper dropped.
    fn trailing_headlines(
        &self,
        doc: &Document,
        cx: &mut Context,
        lines: &[(usize, Vec<&Signal>)],
        junk: &[bool],
    ) {
        let text_of = |k: usize| doc.slice(doc.lines[lines[k].0].range).trim();
        let credits = cx.lexicons().get("credit-words");
        let credit = |text: &str| {
            let first = text
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            credits.is_some_and(|l| l.contains(first))
        };
        let run = (0..lines.len())
            .rev()
            .take_while(|&k| headline_like(text_of(k)) && !credit(text_of(k)))
            .count();
        if run < MIN_TRAILING_HEADLINES {
            return;
        }
        let start = lines.len() - run;
        if introduces_a_list(doc, lines, start) {
            return;
        }
        // The article before it: at least two lines of prose.
        let prose = (0..start)
            .filter(|&k| !junk[k] && text_of(k).ends_with(['.', '!', '?', '"', '”', '»']))
            .filter(|&k| text_of(k).split_whitespace().count() >= 8)
            .count();
        if prose < 2 || (start..lines.len()).all(|k| junk[k]) {
            return;
        }
        let first = doc.lines[lines[start].0].range.start();
        let last = doc.lines[lines[lines.len() - 1].0].range.end();
        cx.report(
            TEASERS
                .diagnostic(
                    TextRange::new(first, last),
                    format!(
                        "{run} headline-like lines end the page: teasers for other articles, not the article"
                    ),
                )
                .with_fix(Fix::unsafe_(
                    "Delete the block",
                    vec![Edit::delete(TextRange::new(first, TextSize::from_usize(doc.text.len())))],
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::signal_gate::gate;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn signals_load_and_their_examples_pass() {
        assert!(!signals().is_empty());
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
    /// raises through the gates and the set just the signals that match it
    /// one by one.
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
}

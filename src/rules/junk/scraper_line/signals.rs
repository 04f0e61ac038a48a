//! The line signals of `junk.scraper-line`, loaded from
//! `rules/junk/*.signals.toml`, and the matcher that tests a line against
//! them: ungated signals as one set, gated ones screened on first need.

use std::sync::OnceLock;

#[cfg(test)]
use regex::Regex;
use regex::RegexSet;
use serde::Deserialize;

use crate::rules::screen::{is_narrow, Screen, Syntax};

use crate::embedded::{SIGNAL_FILES, SIGNAL_GATES};

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
    /// Screened as [`SignalMatcher`] decides: alone or in a set.
    pub pattern: String,
    pub max_chars: Option<usize>,
    pub flag: Vec<String>,
    pub allow: Vec<String>,
}

impl Signal {
    /// Whether the signal alone is raised by a trimmed line: its pattern
    /// compiled apart, for the tests that hold the set to it.
    #[cfg(test)]
    pub(super) fn applies_to(&self, line: &str) -> bool {
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
/// and screened the first time a line starts so; the rest run as one set.
///
/// A one-article run then builds only the screen of the ungated signals
/// (the gated ones' Unicode classes made the whole set most of the
/// start-up work), and a line is scanned by the set and by the few gated
/// signals its first bytes let through. Both are screens ([`Screen`]): a
/// line only needs to know which signals it raises, never where.
///
/// The set is a loose screen, which costs a fraction of the exact one to
/// build: a line it lets through is asked again of the exact screen of
/// each signal it names, built the first time one does. Few lines of
/// prose get through, so a run builds few exact screens, and most of them
/// narrow ones ([`Screen::narrow`]).
pub(crate) struct SignalMatcher {
    /// For each signal, the literals a line must start with (compared
    /// without regard to ASCII case), or `None` for an ungated signal.
    gates: &'static [Option<&'static [&'static [u8]]>],
    /// The gated signals each first byte of a line can open.
    by_first_byte: Vec<Vec<usize>>,
    /// Each signal's own exact screen, and its narrow one, exact on the
    /// lines `is_narrow` accepts (most lines of news in English or
    /// Russian) and built in a fraction of the time.
    exact: Vec<OnceLock<Screen>>,
    narrow: Vec<OnceLock<Screen>>,
    ungated: Vec<usize>,
    set: OnceLock<Screen>,
    /// The regexes a screen that cannot answer falls back on; the tests
    /// hold that the built-in signals never need them.
    fallback: OnceLock<RegexSet>,
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
            exact: signals.iter().map(|_| OnceLock::new()).collect(),
            narrow: signals.iter().map(|_| OnceLock::new()).collect(),
            gates,
            by_first_byte,
            set: OnceLock::new(),
            fallback: OnceLock::new(),
        }
    }

    /// The loose screen of the ungated signals.
    fn set(&self, signals: &[Signal]) -> &Screen {
        self.set.get_or_init(|| {
            let patterns: Vec<&str> = self
                .ungated
                .iter()
                .map(|&i| signals[i].pattern.as_str())
                .collect();
            Screen::loose(&patterns, Syntax::Default)
        })
    }

    /// Every signal as one `RegexSet`, for a screen that cannot answer.
    fn fallback(&self, signals: &[Signal]) -> &RegexSet {
        self.fallback.get_or_init(|| {
            // Checked by `tests::signals_load_and_their_examples_pass`.
            RegexSet::new(signals.iter().map(|s| &s.pattern))
                .unwrap_or_else(|e| panic!("the scraper-line signals: {e}"))
        })
    }

    /// The indices of the signals a trimmed, non-empty line raises, in the
    /// order of the signals.
    pub(super) fn raised(&self, signals: &[Signal], line: &str, out: &mut Vec<usize>) {
        out.clear();
        let bytes = line.as_bytes();
        for &i in &self.by_first_byte[usize::from(bytes[0])] {
            let literals = self.gates[i].unwrap_or_default();
            let opens = literals
                .iter()
                .any(|l| bytes.len() >= l.len() && bytes[..l.len()].eq_ignore_ascii_case(l));
            if opens && self.matches(signals, i, line) {
                out.push(i);
            }
        }
        if !self.ungated.is_empty() {
            let mut which = Vec::new();
            if self.set(signals).which(line, &mut which).is_some() {
                let ungated = which.into_iter().map(|k| self.ungated[k]);
                out.extend(ungated.filter(|&i| self.matches(signals, i, line)));
            } else {
                let matches = self.fallback(signals).matches(line);
                out.extend(self.ungated.iter().filter(|&&i| matches.matched(i)));
            }
        }
        out.sort_unstable();
    }

    /// Signal `i`'s screen whose answer on `line` is exact: the narrow one
    /// when `is_narrow` accepts the line.
    fn exact_screen(&self, signals: &[Signal], i: usize, line: &str) -> &Screen {
        let pattern = signals[i].pattern.as_str();
        if is_narrow(line) {
            self.narrow[i].get_or_init(|| Screen::narrow(&[pattern], Syntax::Default))
        } else {
            self.exact[i].get_or_init(|| Screen::new(&[pattern], Syntax::Default))
        }
    }

    /// Whether signal `i` matches `line`, as its exact screen says, else
    /// the regexes. A gated signal is anchored at the line's start
    /// (`signal_gate.rs`), so its screen reads no further than a match
    /// could begin.
    fn matches(&self, signals: &[Signal], i: usize, line: &str) -> bool {
        let screen = self.exact_screen(signals, i, line);
        let answer = if self.gates[i].is_some() {
            screen.is_match_at_start(line)
        } else {
            screen.is_match(line)
        };
        answer.unwrap_or_else(|| self.fallback(signals).matches(line).matched(i))
    }

    /// Whether every signal builds as a screen (the tests hold they do).
    #[cfg(test)]
    pub(super) fn all_screened(&self, signals: &[Signal]) -> bool {
        self.set(signals).is_built()
            && (0..signals.len()).all(|i| {
                self.exact_screen(signals, i, "ascii").is_built()
                    && self.exact_screen(signals, i, "кириллица и ☺").is_built()
            })
    }
}

pub(crate) fn signal_matcher() -> &'static SignalMatcher {
    static MATCHER: OnceLock<SignalMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| SignalMatcher::new(signals(), SIGNAL_GATES))
}

/// Builds what every line needs: the set of the ungated signals. A gated
/// signal's screen is built the first time a line opens its gate. Built in
/// advance, the gated screens took the start-up thread about 2.8 ms that
/// the other threads needed (three threads share two cores), and a
/// one-article run was 0.7 ms slower.
pub(crate) fn warm_up() {
    signal_matcher().set(signals());
}

/// The signals a line raises.
pub(super) fn raised(line: &str) -> Vec<&'static Signal> {
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

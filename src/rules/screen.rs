//! Screens: forward-only lazy DFAs that say whether, and which, patterns
//! match a text, without saying where.
//!
//! A `regex::Regex` compiles a pattern twice (forward and reversed, so that
//! it can find where a match starts) and prepares engines for its groups.
//! Most built-in patterns never match an article, and a run of one article
//! paid for all of that before knowing. A screen compiles the forward half
//! alone, in about half the time (over the built-in rule files and line
//! signals: 8.6 ms against 17.6 ms, one thread). A caller then compiles the
//! whole regex only for a pattern the screen lets through.
//!
//! A screen is exact: its automaton is the pattern's own (the regex
//! crate's engine, `regex-automata`, with the same syntax). Where it cannot
//! answer (the pattern does not build as a lazy DFA, such as one with a
//! Unicode word boundary, or a search gives up) it says so, and the caller
//! falls back on the regex.
//!
//! A loose screen ([`Screen::loose`]) may say a pattern matches where it
//! does not, never the reverse: it screens for a caller that asks the
//! regex whenever the screen says yes. It reads its patterns more loosely
//! to build a smaller automaton, in a fraction of the time (see
//! [`reading`]). A narrow screen ([`Screen::narrow`]) is exact on a text
//! of Latin and Cyrillic letters and common punctuation ([`is_narrow`]),
//! and answers nothing that can be trusted on any other: it keeps only
//! those characters in its classes, which is most of the cost saved.
//!
//! Serialized DFAs built at compile time were measured too, and lost:
//! checking one as it loads costs about half of compiling it, and one line
//! signal (`newsletter`, a case-insensitive `.{0,60}`) makes an 85 MB DFA.
//! What build.rs does instead is parse each built-in pattern, read it as
//! its screens read it, and write its syntax tree out ([`reading`]): the
//! screen builds the tree from that, and compiles it, without parsing.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};
use regex_syntax::hir::Hir;

mod reading;

use reading::{Reading, NARROW};

/// One lazy DFA over one or more patterns, with a pool of the caches its
/// searches need (one per thread that searches at once).
pub(crate) struct Screen {
    dfa: Option<DFA>,
    caches: Pool<Option<Cache>, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> Option<Cache> + Send + Sync>;

/// How the screened patterns are read: as `regex::RegexBuilder` reads
/// them, with or without CRLF mode.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Syntax {
    Default,
    Crlf,
}

/// Whether a narrow screen's answer on `text` is exact: every character is
/// in [`NARROW`].
pub(crate) fn is_narrow(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| NARROW.iter().any(|&(from, to)| (from..=to).contains(&c)))
}

impl Screen {
    /// A screen over `patterns`; one that answers nothing when they do not
    /// build as a lazy DFA.
    pub(crate) fn new(patterns: &[&str], syntax: Syntax) -> Self {
        Self::with_dfa(build(patterns, syntax, Reading::Exact))
    }

    /// A loose screen over `patterns`: where it says no, none matches;
    /// where it says yes, one may.
    pub(crate) fn loose(patterns: &[&str], syntax: Syntax) -> Self {
        Self::with_dfa(build(patterns, syntax, Reading::Loose))
    }

    /// A narrow screen over `patterns`: its answer on a text [`is_narrow`]
    /// accepts is the patterns' own; on any other text it means nothing.
    pub(crate) fn narrow(patterns: &[&str], syntax: Syntax) -> Self {
        Self::with_dfa(build(patterns, syntax, Reading::Narrow))
    }

    fn with_dfa(dfa: Option<DFA>) -> Self {
        let for_caches = dfa.clone();
        Self {
            dfa,
            caches: Pool::new(Box::new(move || for_caches.as_ref().map(DFA::create_cache))),
        }
    }

    /// Whether the patterns built as a lazy DFA: else every question gets
    /// `None`.
    #[cfg(test)]
    pub(crate) fn is_built(&self) -> bool {
        self.dfa.is_some()
    }

    /// Whether any pattern matches somewhere in `text`; `None` when the
    /// screen cannot tell.
    pub(crate) fn is_match(&self, text: &str) -> Option<bool> {
        self.search(Input::new(text))
    }

    /// Whether any pattern matches at the start of `text`: for patterns
    /// whose every match starts there (`^` without multi-line mode), the
    /// same answer as [`Screen::is_match`], without reading past where a
    /// match could still begin.
    pub(crate) fn is_match_at_start(&self, text: &str) -> Option<bool> {
        self.search(Input::new(text).anchored(Anchored::Yes))
    }

    fn search(&self, input: Input<'_>) -> Option<bool> {
        let dfa = self.dfa.as_ref()?;
        let mut cache = self.caches.get();
        let input = input.earliest(true);
        dfa.try_search_fwd(cache.as_mut()?, &input)
            .ok()
            .map(|found| found.is_some())
    }

    /// The indices of the patterns that match somewhere in `text`, in
    /// order; `None` when the screen cannot tell.
    pub(crate) fn which(&self, text: &str, out: &mut Vec<usize>) -> Option<()> {
        out.clear();
        let dfa = self.dfa.as_ref()?;
        let mut cache = self.caches.get();
        let mut set = PatternSet::new(dfa.pattern_len());
        dfa.try_which_overlapping_matches(cache.as_mut()?, &Input::new(text), &mut set)
            .ok()?;
        out.extend(set.iter().map(|id| id.as_usize()));
        Some(())
    }
}

/// The prepared form of a built-in pattern read so (see [`reading`]),
/// made by build.rs.
fn prepared(pattern: &str, crlf: bool, reading: Reading) -> Option<&'static [u8]> {
    let key = reading::key(crlf, reading);
    let table = crate::embedded::SCREEN_PATTERNS;
    table
        .binary_search_by(|&(k, p, _)| (k, p).cmp(&(key, pattern)))
        .ok()
        .map(|i| table[i].2)
}

/// The lazy DFA of `patterns`. The automaton keeps no groups, which a
/// screen never reports. Like the regex crate's own lazy DFA, a search
/// gives up when the automaton's cache thrashes (cleared three times with
/// fewer than 10 bytes searched a state), and the caller asks the regex.
fn build(patterns: &[&str], syntax: Syntax, reading: Reading) -> Option<DFA> {
    let crlf = matches!(syntax, Syntax::Crlf);
    let hirs = patterns
        .iter()
        .map(|pattern| match prepared(pattern, crlf, reading) {
            Some(prepared) => reading::build(prepared),
            None => reading::read(pattern, crlf, reading),
        })
        .collect::<Option<Vec<Hir>>>()?;
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(WhichCaptures::None))
        .build_many_from_hir(&hirs)
        .ok()?;
    DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .minimum_cache_clear_count(Some(3))
                .minimum_bytes_per_state(Some(10)),
        )
        .build_from_nfa(nfa)
        .ok()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const TEXTS: &[&str] = &[
        "",
        "Read also: the talks",
        "read also",
        "line one\r\nline two\r\n",
        "Привет, мир. Read more",
        "12K+",
        "a\u{2028}b",
        "a\rb",
        "a\nb",
    ];

    /// A screen says what each regex alone says, in both syntaxes, on
    /// texts with CRLF line ends, non-ASCII letters and empty input.
    #[test]
    fn agrees_with_each_regex() {
        let patterns = [
            r"(?i)^read (?:also|more)$",
            r"a.b",
            r"(?m)^line \w+$",
            r"\p{Lu}\p{Ll}+, мир",
            r"^\d+[KMB]\+?$",
            r"x?",
            r"(?-u:\b)more(?-u:\b)",
        ];
        for syntax in [Syntax::Default, Syntax::Crlf] {
            let screen = Screen::new(&patterns, syntax);
            assert!(screen.is_built());
            let regexes: Vec<regex::Regex> = patterns
                .iter()
                .map(|p| {
                    regex::RegexBuilder::new(p)
                        .crlf(matches!(syntax, Syntax::Crlf))
                        .build()
                        .unwrap()
                })
                .collect();
            let mut which = Vec::new();
            for text in TEXTS {
                let expected: Vec<usize> = (0..patterns.len())
                    .filter(|&i| regexes[i].is_match(text))
                    .collect();
                screen.which(text, &mut which).unwrap();
                assert_eq!(which, expected, "{syntax:?} {text:?}");
                for (i, pattern) in patterns.iter().enumerate() {
                    let alone = Screen::new(&[pattern], syntax);
                    assert_eq!(
                        alone.is_match(text),
                        Some(regexes[i].is_match(text)),
                        "{pattern} {text:?}"
                    );
                }
            }
        }
    }

    /// Each prepared built-in pattern builds the tree its pattern reads
    /// as, and every screen of a built-in pattern or line signal has one.
    #[test]
    fn builtin_patterns_are_prepared_as_they_read() {
        let table = crate::embedded::SCREEN_PATTERNS;
        assert!(table
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        for &(key, pattern, prepared) in table {
            let (crlf, reading) = reading::from_key(key);
            let tree = reading::read(pattern, crlf, reading);
            assert_eq!(reading::build(prepared), tree, "{pattern}");
        }
        let signals = crate::rules::junk::scraper_line::signals();
        let screened = crate::embedded::BUILTIN_PATTERNS
            .iter()
            .map(|&p| (p, true, Reading::Loose))
            .chain(
                signals
                    .iter()
                    .zip(crate::embedded::SIGNAL_GATES)
                    .flat_map(|(s, gate)| {
                        let loose =
                            gate.is_none()
                                .then_some((s.pattern.as_str(), false, Reading::Loose));
                        loose
                            .into_iter()
                            .chain([(s.pattern.as_str(), false, Reading::Narrow)])
                    }),
            );
        for (pattern, crlf, reading) in screened {
            assert!(prepared(pattern, crlf, reading).is_some(), "{pattern}");
        }
    }

    /// An anchored search reads only where a match could begin: for a
    /// pattern anchored at the start, the unanchored answer.
    #[test]
    fn at_start_agrees_for_anchored_patterns() {
        for pattern in [
            r"(?i)^read (?:also|more)$",
            r"^\d+[KMB]\+?$",
            r"^By \p{Lu}\w+$",
        ] {
            let screen = Screen::new(&[pattern], Syntax::Default);
            let regex = regex::Regex::new(pattern).unwrap();
            for text in TEXTS.iter().chain(&["By Anna", "x By Anna", "READ MORE"]) {
                assert_eq!(
                    screen.is_match_at_start(text),
                    Some(regex.is_match(text)),
                    "{pattern} on {text:?}"
                );
            }
        }
    }

    /// A pattern that is no lazy DFA (a Unicode word boundary) gives a
    /// screen that answers nothing, never a wrong answer or a panic. A
    /// loose screen drops the boundary, and answers.
    #[test]
    fn a_pattern_it_cannot_build_leaves_the_answer_to_the_regex() {
        let screen = Screen::new(&[r"\bword\b"], Syntax::Default);
        assert!(!screen.is_built());
        assert_eq!(screen.is_match("a word"), None);
        assert_eq!(screen.which("a word", &mut Vec::new()), None);
        let loose = Screen::loose(&[r"\bword\b"], Syntax::Default);
        assert_eq!(loose.is_match("a word"), Some(true));
        assert_eq!(loose.is_match("a wordy ёж"), Some(true));
        assert_eq!(loose.is_match("a ward"), Some(false));
    }

    /// A loose screen says what the exact one says where the pattern's
    /// letters are ASCII and its repetitions within their bounds, and yes
    /// where only the loosening lets a text through.
    #[test]
    fn a_loose_screen_widens_only_classes_bounds_and_boundaries() {
        let loose = Screen::loose(&[r"^\p{Lu}\w{2,4}:$"], Syntax::Default);
        assert_eq!(loose.is_match("Read:"), Some(true));
        assert_eq!(loose.is_match("read:"), Some(false));
        assert_eq!(loose.is_match("Rea:"), Some(true));
        assert_eq!(loose.is_match("Re:"), Some(false));
        assert_eq!(loose.is_match("Readers:"), Some(true), "no maximum");
        assert_eq!(loose.is_match("ёread:"), Some(true), "ё is not upper case");
        assert_eq!(loose.is_match("Read: more"), Some(false));
    }

    const LOOSENED: &[&str] = &[
        r"(?i)\b(?:read|see) also:\s*\S[^()\n]{3,30}\)",
        r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2} said",
        r"(?m)^\w{2,5}$",
        r"\B[А-Яа-я]{2}\b",
        r"(?i)straße|\d{2,3}(?:\.\d)?%",
    ];

    /// Patterns as the line signals write them (no Unicode word boundary,
    /// which no lazy DFA searches).
    const NARROWED: &[&str] = &[
        r"(?i)^(?:read|see) also:\s*\S[^()\n]{3,30}\)",
        r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2} said",
        r"(?m)^\w{2,5}$",
        r"(?i)ёж|[А-Яа-я]{2}\d|straße|\d{2,3}(?:\.\d)?%",
        r"(?i)^(?:photo|фото)(?: credit)?\s*:\s*\S.{0,10}$",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// On a text of the characters it is exact for, a narrow screen
        /// says what the regex says; it tells such texts apart.
        #[test]
        fn a_narrow_screen_is_exact_on_narrow_texts(
            text in "(?s)[a-zA-Z0-9 :()\\n\\r.%ÉéСсаАßÜ’“”–€ſ\u{212A}ё☺]{0,40}"
        ) {
            each_case(NARROWED, &text, Screen::narrow, |pattern, screen, regex, text| {
                let narrow = !text.contains(['\u{212A}', '☺']);
                prop_assert_eq!(is_narrow(text), narrow, "{:?}", text);
                if narrow {
                    prop_assert_eq!(screen.is_match(text), Some(regex.is_match(text)), "{} on {:?}", pattern, text);
                }
                Ok(())
            })?;
        }

        /// Where a regex matches, its loose screen says yes, in both
        /// syntaxes, on any text of ASCII and other letters.
        #[test]
        fn a_loose_screen_lets_through_every_match(
            text in "(?s)[a-zA-Z0-9 :()\\n\\r.%ÉéСсаАß\u{212A}ſ’Ü]{0,40}"
        ) {
            each_case(LOOSENED, &text, Screen::loose, |pattern, screen, regex, text| {
                if regex.is_match(text) {
                    prop_assert_eq!(screen.is_match(text), Some(true), "{} on {:?}", pattern, text);
                }
                Ok(())
            })?;
        }
    }

    /// Calls `check` with each pattern in both syntaxes, its screen (made
    /// by `screen`), its regex, and `text` alone and in the contexts the
    /// patterns look for.
    fn each_case(
        patterns: &[&str],
        text: &str,
        screen: fn(&[&str], Syntax) -> Screen,
        mut check: impl FnMut(&str, &Screen, &regex::Regex, &str) -> Result<(), TestCaseError>,
    ) -> Result<(), TestCaseError> {
        let texts = [
            text.to_owned(),
            format!("Read also: {text})"),
            format!("Anna Ivanova {text} said"),
        ];
        for syntax in [Syntax::Default, Syntax::Crlf] {
            for pattern in patterns {
                let regex = regex::RegexBuilder::new(pattern)
                    .crlf(matches!(syntax, Syntax::Crlf))
                    .build()
                    .unwrap();
                let screen = screen(&[pattern], syntax);
                for text in &texts {
                    check(pattern, &screen, &regex, text)?;
                }
            }
        }
        Ok(())
    }
}

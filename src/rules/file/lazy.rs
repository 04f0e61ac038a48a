//! A pattern rule's regex, compiled on first use, and the screen that
//! spares most built-in patterns the compiling.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use regex::{Regex, RegexBuilder};

use crate::rules::screen::{Screen, Syntax};

/// A rule's regex and the index of its `target` group (the capture that
/// is flagged and replaced, else the whole match), compiled on first use:
/// the built-in rule files were checked by the tests, and a pattern whose
/// gate keeps it out of every article of a run is never compiled. A
/// user's rule file is compiled as it is loaded, to report its mistakes.
///
/// Before its regex is compiled, a built-in pattern is tried on an article
/// with its loose screen ([`Screen::loose`]), the forward half of the
/// regex read loosely, which costs a fraction as much to build and says no
/// only where the pattern cannot match: most patterns never match an
/// article, and a one-article run compiles the whole regex only for those
/// the screen lets through. A
/// run of many articles compiles it after [`SCREENED_ARTICLES`] of them,
/// and a text over [`SCREENED_BYTES`] is never screened: a screen reads
/// every byte, where the regex skips to its literals.
///
/// A built-in pattern is compiled once per process, whichever rule set
/// holds it: a start-up thread can build the screens of the ones every
/// article needs ([`warm_up_builtin`]) while the registry is still being
/// built. A user's pattern has a slot of its own, freed with its rule set
/// (the language server loads rule files again as they change).
#[derive(Clone, Debug)]
pub(super) struct LazyRegex {
    pattern: Arc<str>,
    compiled: Slot,
}

type Slot = Arc<Compiled>;

/// What a pattern compiles into: its screen, then its regex.
#[derive(Default)]
struct Compiled {
    screen: OnceLock<Screen>,
    /// How many articles the screen has been asked about.
    screened: AtomicUsize,
    regex: OnceLock<(Regex, Option<usize>)>,
}

/// The articles a pattern's screen answers for before its regex is
/// compiled whatever they say. Over a folder, screening every article cost
/// 5% more CPU than the regexes; a handful costs nothing measurable.
pub(super) const SCREENED_ARTICLES: usize = 4;

/// The longest text a screen answers for. Compiling a pattern costs what
/// screening some 100 KB does; on a 10 MB file, screens instead of the
/// regexes cost 9% more time.
pub(super) const SCREENED_BYTES: usize = 64 * 1024;

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("screen", &self.screen.get().is_some())
            .field("regex", &self.regex.get().map(|(regex, _)| regex.as_str()))
            .finish()
    }
}

/// The slot of a pattern: the process's for a built-in one, else a new
/// one.
fn slot(pattern: &str) -> Slot {
    static SLOTS: OnceLock<Mutex<crate::lexicon::FastMap<&'static str, Slot>>> = OnceLock::new();
    let Some(builtin) = crate::embedded::BUILTIN_PATTERNS
        .iter()
        .find(|p| **p == pattern)
    else {
        return Slot::default();
    };
    let mut slots = SLOTS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    slots.entry(builtin).or_default().clone()
}

/// Builds the screens of the built-in patterns that no gate keeps from an
/// article: what every article needs, built on a start-up thread. It
/// builds them for rules a run turns off too, which costs that thread a
/// millisecond or two.
pub fn warm_up_builtin() {
    use crate::embedded::{BUILTIN_PATTERNS, PATTERN_GATES};
    for pattern in BUILTIN_PATTERNS {
        if !PATTERN_GATES.iter().any(|(p, _)| p == pattern) {
            LazyRegex::new(pattern).screen();
        }
    }
}

impl LazyRegex {
    pub(super) fn new(pattern: &str) -> Self {
        Self {
            pattern: Arc::from(pattern),
            compiled: slot(pattern),
        }
    }

    /// A pattern compiled as its file loaded (a user's rule file).
    pub(super) fn compiled(regex: Regex) -> Self {
        let target = target_of(&regex);
        Self {
            pattern: Arc::from(regex.as_str()),
            compiled: Arc::new(Compiled {
                regex: OnceLock::from((regex, target)),
                ..Compiled::default()
            }),
        }
    }

    pub(super) fn pattern(&self) -> &str {
        &self.pattern
    }

    fn screen(&self) -> &Screen {
        self.compiled
            .screen
            .get_or_init(|| Screen::loose(&[&self.pattern], Syntax::Crlf))
    }

    /// Whether the pattern may match `text`: false only when its screen
    /// says it does not. A compiled regex, one the process has screened
    /// enough articles for, or a long text goes to the regex directly.
    pub(super) fn may_match(&self, text: &str) -> bool {
        self.compiled.regex.get().is_some()
            || text.len() > SCREENED_BYTES
            || self.compiled.screened.fetch_add(1, Ordering::Relaxed) >= SCREENED_ARTICLES
            || self.screen().is_match(text) != Some(false)
    }

    /// The regex and its target group.
    pub(super) fn get(&self) -> (&Regex, Option<usize>) {
        let (regex, target) = self.compiled.regex.get_or_init(|| {
            let regex = build(&self.pattern).expect("a built-in pattern compiles (see the tests)");
            let target = target_of(&regex);
            (regex, target)
        });
        (regex, *target)
    }
}

/// CRLF mode: `$` matches before "\r\n" too, so a rule that looks at a
/// line's end sees the same in Windows text.
pub(super) fn build(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).crlf(true).build()
}

fn target_of(regex: &Regex) -> Option<usize> {
    regex.capture_names().position(|n| n == Some("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start-up thread's work is the rule sets' own: a screen it built
    /// is built for every set that holds the pattern.
    #[test]
    fn warmed_up_patterns_are_the_rule_sets_own() {
        use crate::embedded::{BUILTIN_PATTERNS, PATTERN_GATES};
        let ungated: Vec<&str> = BUILTIN_PATTERNS
            .iter()
            .copied()
            .filter(|p| !PATTERN_GATES.iter().any(|(g, _)| g == p))
            .collect();
        assert!(!ungated.is_empty());
        warm_up_builtin();
        for pattern in ungated {
            let lazy = LazyRegex::new(pattern);
            let screen = lazy.compiled.screen.get();
            assert!(screen.is_some_and(Screen::is_built), "{pattern}");
        }
        // A pattern of no built-in rule (a user's) keeps a slot of its
        // own, which goes with its rule set.
        let user = LazyRegex::new("a pattern (?P<target>no rule) has");
        let again = LazyRegex::new("a pattern (?P<target>no rule) has");
        assert_eq!(again.get().1, Some(1));
        assert!(user.compiled.regex.get().is_none());
    }

    /// Every built-in pattern builds as a loose screen, which lets through
    /// every fixture and rule example its regex matches, and keeps out
    /// nearly all of those it does not: a screen that let them through
    /// would save no compiling.
    #[test]
    fn loose_screens_of_builtin_patterns_let_through_what_their_regexes_match() {
        use crate::rules::test::{fixture_texts, rule_file_examples};
        let mut texts = fixture_texts();
        texts.extend(rule_file_examples(&["flag", "allow"]));
        assert!(texts.len() > 150, "{} texts", texts.len());
        let (mut matched, mut kept_out, mut let_through) = (0, 0, 0);
        // The same texts with Windows line ends, which CRLF mode reads.
        let crlf: Vec<String> = texts.iter().map(|t| t.replace('\n', "\r\n")).collect();
        for pattern in crate::embedded::BUILTIN_PATTERNS {
            let screen = Screen::loose(&[pattern], Syntax::Crlf);
            assert!(screen.is_built(), "{pattern}");
            let regex = build(pattern).unwrap();
            for text in texts.iter().chain(&crlf) {
                let said = screen.is_match(text);
                if regex.is_match(text) {
                    assert_eq!(said, Some(true), "{pattern} on {text:?}");
                    matched += 1;
                } else if said == Some(false) {
                    kept_out += 1;
                } else {
                    let_through += 1;
                }
            }
        }
        assert!(matched > 50, "{matched} matches");
        assert!(
            let_through * 100 < kept_out,
            "{let_through} let through, {kept_out} kept out"
        );
    }

    /// A pattern's screen answers for the first articles of a run; after
    /// them the regex is compiled and asked, whatever the screen would say.
    #[test]
    fn a_long_run_stops_screening() {
        let lazy = LazyRegex::new("no (?P<target>such) pattern");
        for _ in 0..SCREENED_ARTICLES {
            assert!(!lazy.may_match("an article"));
        }
        assert!(lazy.compiled.regex.get().is_none());
        assert!(lazy.may_match("an article"));
        assert!(lazy.may_match("no such pattern"));
        // A Unicode word boundary, which no lazy DFA searches, is dropped
        // from the screen, not the screen from the pattern.
        let bounded = LazyRegex::new(r"\bno (?P<target>such)\b pattern");
        assert!(!bounded.may_match("an article"));
        assert!(bounded.may_match("no such pattern"));
        // A long text is never screened.
        let long = LazyRegex::new("no (?P<target>such) long pattern");
        assert!(long.may_match(&"word ".repeat(SCREENED_BYTES / 5 + 1)));
        assert!(!long.may_match("an article"));
    }
}

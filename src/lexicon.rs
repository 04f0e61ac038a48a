//! Word lists that detectors and the document parser consult, read from
//! `rules/lexicon/*.toml` (embedded in the binary).
//!
//! Data is not code: which abbreviations keep a sentence going, which words
//! Title Case leaves in lower case, which words may be doubled. Each list
//! is a `[[lexicon]]` entry with a name, a summary and its words.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::embedded::{LEXICON_FILES, WORD_LIST_FILES};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    lexicon: Vec<LexiconEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconEntry {
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub case_sensitive: bool,
    /// The language a list of function words belongs to, for messages.
    #[serde(default)]
    pub language: Option<String>,
    pub words: Vec<String>,
}

/// A hash set with foldhash, for the word lists and name indexes looked up
/// once or more per word of every article (SipHash was a tenth of all lint
/// time).
pub type FastSet<T> = HashSet<T, foldhash::fast::RandomState>;
/// A hash map with foldhash (see [`FastSet`]).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A word list. Lookups fold case unless the list is case-sensitive.
#[derive(Debug, Default)]
pub struct Lexicon {
    case_sensitive: bool,
    words: FastSet<String>,
    /// The language of a list of function words (`stopwords-*`).
    pub language: Option<String>,
}

impl Lexicon {
    /// The words, lower-cased unless the list is case-sensitive.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.case_sensitive || !word.chars().any(char::is_uppercase) {
            self.words.contains(word)
        } else {
            self.words.contains(&word.to_lowercase())
        }
    }
}

/// The lexicons of a run, by name; the three the document parser reads on
/// every article are fields.
#[derive(Debug)]
pub struct Lexicons {
    pub abbreviations: Lexicon,
    pub minor_words: Lexicon,
    pub repeatable_words: Lexicon,
    by_name: HashMap<String, Lexicon>,
}

impl Lexicons {
    pub fn get(&self, name: &str) -> Option<&Lexicon> {
        self.by_name.get(name)
    }

    /// The lists whose name starts with `prefix`, sorted by name.
    pub fn with_prefix<'a>(&'a self, prefix: &str) -> Vec<(&'a str, &'a Lexicon)> {
        let mut found: Vec<(&str, &Lexicon)> = self
            .by_name
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, lexicon)| (name.as_str(), lexicon))
            .collect();
        found.sort_unstable_by_key(|(name, _)| *name);
        found
    }
}

/// A plain word list (`rules/lexicon/**/<name>.txt`: one word a line, `#`
/// comments), parsed the first time a detector asks for it: the generated
/// lists are long, and only the detector that reads one should pay for it.
/// Lookups are exact; the lists are lower case.
pub fn builtin_word_list(name: &str) -> Option<&'static FastSet<&'static str>> {
    static LISTS: OnceLock<HashMap<&'static str, OnceLock<FastSet<&'static str>>>> =
        OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        WORD_LIST_FILES
            .iter()
            .map(|(path, _)| (list_name(path), OnceLock::new()))
            .collect()
    });
    let cell = lists.get(name)?;
    Some(cell.get_or_init(|| {
        let (_, contents) = WORD_LIST_FILES
            .iter()
            .find(|(path, _)| list_name(path) == name)
            .expect("the map holds only embedded lists");
        contents
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    }))
}

/// A long plain word list, sorted, searched where it lies in the binary:
/// no set is built, so the list costs nothing until a word is looked up,
/// and a lookup is a binary search over its lines. For the lists that a
/// detector reads for a few words of an article, where building a set of
/// ninety thousand words would cost more than the article's whole lint.
#[derive(Clone, Copy, Debug)]
pub struct SortedList {
    /// The words, one a line, in byte order, after the header comments.
    body: &'static str,
}

impl SortedList {
    /// Whether `word` is a line of the list.
    pub fn contains(&self, word: &str) -> bool {
        let bytes = self.body.as_bytes();
        // `lo` is at the start of a line (or past the end), `hi` at the
        // start of one or at the end.
        let (mut lo, mut hi) = (0, bytes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |p| lo + p + 1);
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| start + p);
            match self.body[start..end].cmp(word) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.body.lines()
    }
}

/// A built-in word list that is sorted in byte order, to search in place
/// (see [`SortedList`]); `None` if there is no list of that name.
pub fn builtin_sorted_list(name: &str) -> Option<SortedList> {
    static LISTS: OnceLock<HashMap<&'static str, SortedList>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        WORD_LIST_FILES
            .iter()
            .map(|(path, contents)| {
                let mut body = *contents;
                while body.starts_with('#') {
                    body = body.split_once('\n').map_or("", |(_, rest)| rest);
                }
                (list_name(path), SortedList { body })
            })
            .collect()
    });
    lists.get(name).copied()
}

/// `rules/lexicon/generated/usually-lowercase.txt` → `usually-lowercase`.
fn list_name(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".txt").unwrap_or(file)
}

/// Parses one lexicon file.
pub fn parse(contents: &str) -> Result<Vec<LexiconEntry>, toml::de::Error> {
    toml::from_str::<LexiconFile>(contents).map(|file| file.lexicon)
}

/// The built-in lexicons (`rules/lexicon/*.toml`), parsed once per process.
/// Only [`crate::knowledge::Knowledge`] calls it: code that reads a
/// lexicon is given one.
pub fn builtin() -> &'static Lexicons {
    static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let mut by_name = HashMap::new();
        for (path, contents) in LEXICON_FILES {
            // The embedded files are checked by `tests::builtin_lexicons_are_valid`.
            let entries = parse(contents).unwrap_or_else(|e| panic!("{path}: {e}"));
            for entry in entries {
                let words = entry
                    .words
                    .into_iter()
                    .map(|w| {
                        if entry.case_sensitive {
                            w
                        } else {
                            w.to_lowercase()
                        }
                    })
                    .collect();
                by_name.insert(
                    entry.name,
                    Lexicon {
                        case_sensitive: entry.case_sensitive,
                        words,
                        language: entry.language,
                    },
                );
            }
        }
        let mut take = |name: &str| by_name.remove(name).unwrap_or_default();
        Lexicons {
            abbreviations: take("abbreviations"),
            minor_words: take("minor-words"),
            repeatable_words: take("repeatable-words"),
            by_name,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_are_valid_sorted_and_free_of_duplicates() {
        let mut names = HashSet::new();
        for (path, contents) in LEXICON_FILES {
            for entry in parse(contents).unwrap_or_else(|e| panic!("{path}: {e}")) {
                assert!(
                    names.insert(entry.name.clone()),
                    "{path}: lexicon {} defined twice",
                    entry.name
                );
                let mut sorted = entry.words.clone();
                sorted.sort_by_key(|w| (w.to_lowercase(), w.clone()));
                sorted.dedup();
                assert_eq!(
                    sorted, entry.words,
                    "{path}: {} must be sorted and deduplicated",
                    entry.name
                );
            }
        }
        assert!(builtin().abbreviations.contains("Mr"));
        assert!(!builtin().abbreviations.contains("mr"));
        assert!(builtin().minor_words.contains("Of"));
    }

    #[test]
    fn word_lists_are_lower_case_sorted_and_free_of_duplicates() {
        for (path, contents) in WORD_LIST_FILES {
            let words: Vec<&str> = contents
                .lines()
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .collect();
            assert!(!words.is_empty(), "{path} is empty");
            assert!(
                words.windows(2).all(|pair| pair[0] < pair[1]),
                "{path} must be sorted and free of duplicates"
            );
            for word in &words {
                assert!(
                    word.chars()
                        .all(|c| c.is_lowercase() || c == '-' || c == '\''),
                    "{path}: `{word}` is not a lower-case word"
                );
            }
        }
        let usual = builtin_word_list("usually-lowercase").expect("built in");
        assert!(usual.contains("extraordinary") && usual.contains("high"));
        // Also names or months, so never flagged when capitalised.
        assert!(!usual.contains("may") && !usual.contains("will") && !usual.contains("green"));
        assert!(builtin_word_list("no-such-list").is_none());
    }

    #[test]
    fn sorted_lists_are_sorted_and_find_every_word() {
        let list = builtin_sorted_list("english-words").expect("built in");
        let words: Vec<&str> = list.words().collect();
        assert!(words.len() > 50_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "english-words must be sorted in byte order"
        );
        for (i, word) in words.iter().enumerate().step_by(97) {
            assert!(list.contains(word), "{word} at line {i}");
        }
        for word in [
            "",
            "a",
            "aaaaaa",
            "unconditionall",
            "zzzzzz",
            "Europe",
            "reportedit",
        ] {
            assert!(!list.contains(word), "{word}");
        }
        for word in [words[0], words[words.len() - 1], "europe", "unconditional"] {
            assert!(list.contains(word), "{word}");
        }
    }
}

//! Word lists that detectors and the document parser consult, read from
//! `rules/lexicon/*.toml` (embedded in the binary).
//!
//! Data is not code: which abbreviations keep a sentence going, which words
//! Title Case leaves in lower case, which words may be doubled. Each list
//! is a `[[lexicon]]` entry with a name, a summary and its words.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

#[cfg(test)]
use serde::Deserialize;

#[cfg(test)]
use crate::embedded::LEXICON_FILES;
use crate::embedded::{LEXICONS, WORD_LIST_FILES};

#[cfg(test)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    lexicon: Vec<LexiconEntry>,
}

#[cfg(test)]
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
    words: FastSet<&'static str>,
    /// The language of a list of function words (`stopwords-*`).
    pub language: Option<&'static str>,
}

impl Lexicon {
    /// The words, lower-cased unless the list is case-sensitive.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().copied()
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.case_sensitive {
            return self.words.contains(word);
        }
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return self.words.contains(word);
            }
            // A capitalised word of an ordinary length is lowered on the
            // stack: rules ask this of many words of every article.
            let mut buffer = [0u8; 32];
            if let Some(lower) = buffer.get_mut(..word.len()) {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                return std::str::from_utf8(lower).is_ok_and(|w| self.words.contains(w));
            }
            return self.words.contains(word.to_ascii_lowercase().as_str());
        }
        if word.chars().any(char::is_uppercase) {
            self.words.contains(word.to_lowercase().as_str())
        } else {
            self.words.contains(word)
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
    by_name: HashMap<&'static str, Lexicon>,
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
            .map(|(name, lexicon)| (*name, lexicon))
            .collect();
        found.sort_unstable_by_key(|(name, _)| *name);
        found
    }
}

/// A plain word list (`rules/lexicon/**/<name>.txt`: one word a line, `#`
/// comments), searched in place with the hash table build.rs laid out for
/// it (`word_table.rs`): the list costs nothing to load, and a lookup
/// costs what a hash set's does. A set of the 10,000 usually lower-case
/// words took a one-article run 8M instructions to build, for the few
/// hundred words it looks up. Lookups are exact; the lists are lower case.
#[derive(Clone, Copy)]
pub struct WordList {
    text: &'static str,
    /// The slots (`word_table.rs`).
    table: &'static [u8],
}

impl std::fmt::Debug for WordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordList")
            .field("bytes", &self.text.len())
            .field("slots", &(self.table.len() / 4))
            .finish()
    }
}

impl WordList {
    /// Whether `word` is a word of the list.
    pub fn contains(&self, word: &str) -> bool {
        crate::word_table::contains(self.text, self.table, word)
    }

    /// The words, in the list's order.
    #[cfg(test)]
    fn words(&self) -> impl Iterator<Item = &'static str> {
        crate::word_table::words(self.text).map(|(_, word)| word)
    }
}

/// A built-in word list (see [`WordList`]); `None` if there is no list of
/// that name.
pub fn builtin_word_list(name: &str) -> Option<WordList> {
    WORD_LIST_FILES
        .iter()
        .find(|(path, _, _)| list_name(path) == name)
        .map(|(_, text, table)| WordList { text, table })
}

/// `rules/lexicon/generated/usually-lowercase.txt` → `usually-lowercase`.
fn list_name(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".txt").unwrap_or(file)
}

/// Parses one lexicon file.
#[cfg(test)]
fn parse(contents: &str) -> Result<Vec<LexiconEntry>, toml::de::Error> {
    toml::from_str::<LexiconFile>(contents).map(|file| file.lexicon)
}

/// The built-in lexicons (`rules/lexicon/*.toml`, read by build.rs),
/// gathered once per process. Only [`crate::knowledge::Knowledge`] calls
/// it: code that reads a lexicon is given one.
pub fn builtin() -> &'static Lexicons {
    static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        // `tests::the_table_is_the_files` holds the table to the files.
        let mut by_name: HashMap<&'static str, Lexicon> = LEXICONS
            .iter()
            .map(|&(name, case_sensitive, language, words)| {
                let words = words.iter().copied().collect();
                let lexicon = Lexicon {
                    case_sensitive,
                    words,
                    language,
                };
                (name, lexicon)
            })
            .collect();
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

    /// The table build.rs made is what the files say: each lexicon's
    /// case, language and words, lower-cased unless case-sensitive.
    #[test]
    fn the_table_is_the_files() {
        let mut from_files = Vec::new();
        for (path, contents) in LEXICON_FILES {
            for entry in parse(contents).unwrap_or_else(|e| panic!("{path}: {e}")) {
                let words: Vec<String> = if entry.case_sensitive {
                    entry.words
                } else {
                    entry.words.iter().map(|w| w.to_lowercase()).collect()
                };
                from_files.push((entry.name, entry.case_sensitive, entry.language, words));
            }
        }
        let table: Vec<_> = LEXICONS
            .iter()
            .map(|&(name, case_sensitive, language, words)| {
                let words: Vec<String> = words.iter().map(|&w| w.to_owned()).collect();
                (
                    name.to_owned(),
                    case_sensitive,
                    language.map(str::to_owned),
                    words,
                )
            })
            .collect();
        assert_eq!(table, from_files);
        assert!(builtin().get("function-words").is_some());
    }

    #[test]
    fn a_list_folds_case_at_every_length() {
        let words: Vec<String> = [30, 31, 32, 33, 40]
            .iter()
            .map(|&n| "a".repeat(n))
            .chain(["straße".to_owned(), "ok".to_owned()])
            .collect();
        let list = Lexicon {
            case_sensitive: false,
            words: words.iter().map(|w| &*w.clone().leak()).collect(),
            language: None,
        };
        for word in &words {
            let upper = word.to_uppercase().replace("SS", "ß");
            let capital = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            for asked in [word.as_str(), &capital, &upper] {
                assert_eq!(
                    list.contains(asked),
                    list.words.contains(asked.to_lowercase().as_str()),
                    "{asked}"
                );
            }
            assert!(list.contains(&capital), "{capital}");
        }
        assert!(!list.contains(&"A".repeat(34)));
        assert!(!list.contains("Straßen"));
    }

    /// Every list is lower case, sorted in byte order and free of
    /// duplicates, and its in-place search finds each of its words and
    /// nothing else: the offsets build.rs wrote are the words' own.
    #[test]
    fn word_lists_are_sorted_and_their_search_finds_every_word() {
        for (path, contents, _) in WORD_LIST_FILES {
            let words: Vec<&str> = contents
                .lines()
                .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
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
            let list = builtin_word_list(list_name(path)).expect("built in");
            assert_eq!(list.words().collect::<Vec<_>>(), words, "{path}");
            for (i, word) in words.iter().enumerate() {
                assert!(list.contains(word), "{path}: {word} at {i}");
                let mut shorter = word.chars();
                shorter.next_back();
                for near in [format!("{word}x"), shorter.as_str().to_owned()] {
                    assert_eq!(
                        list.contains(&near),
                        words.binary_search(&near.as_str()).is_ok()
                    );
                }
            }
            // Nor a header line, or anything with a line end in it.
            let headers = contents.lines().filter(|line| line.starts_with('#'));
            for line in headers.chain(["", "a\n", "zzzzzzz", "Europe"]) {
                assert!(
                    !list.contains(line) || words.contains(&line),
                    "{path}: {line:?}"
                );
            }
        }
        let usual = builtin_word_list("usually-lowercase").expect("built in");
        assert!(usual.contains("extraordinary") && usual.contains("high"));
        // Also names or months, so never flagged when capitalised.
        assert!(!usual.contains("may") && !usual.contains("will") && !usual.contains("green"));
        assert!(builtin_word_list("no-such-list").is_none());
        let english = builtin_word_list("english-words").expect("built in");
        assert!(english.words().count() > 50_000);
        for word in ["europe", "unconditional"] {
            assert!(english.contains(word), "{word}");
        }
        for word in ["unconditionall", "reportedit", "aaaaaa"] {
            assert!(!english.contains(word), "{word}");
        }
    }
}

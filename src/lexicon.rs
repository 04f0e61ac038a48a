//! Word lists that detectors and the document parser consult, read from
//! `rules/lexicon/*.toml` (embedded in the binary).
//!
//! Data is not code: which abbreviations keep a sentence going, which words
//! Title Case leaves in lower case, which words may be doubled. Each list
//! is a `[[lexicon]]` entry with a name, a summary and its words.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

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
    pub words: Vec<String>,
}

/// A word list. Lookups fold case unless the list is case-sensitive.
#[derive(Debug, Default)]
pub struct Lexicon {
    case_sensitive: bool,
    words: HashSet<String>,
}

impl Lexicon {
    pub fn contains(&self, word: &str) -> bool {
        if self.case_sensitive || !word.chars().any(char::is_uppercase) {
            self.words.contains(word)
        } else {
            self.words.contains(&word.to_lowercase())
        }
    }
}

/// The built-in lexicons, parsed once per process.
#[derive(Debug)]
pub struct Builtin {
    pub abbreviations: Lexicon,
    pub minor_words: Lexicon,
    pub repeatable_words: Lexicon,
    by_name: HashMap<String, Lexicon>,
}

impl Builtin {
    pub fn get(&self, name: &str) -> Option<&Lexicon> {
        self.by_name.get(name)
    }
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::{KB_FILES, KB_JSON, LEXICON_FILES, RULE_FILES, SIGNAL_FILES};

/// Parses one lexicon file.
pub fn parse(contents: &str) -> Result<Vec<LexiconEntry>, toml::de::Error> {
    toml::from_str::<LexiconFile>(contents).map(|file| file.lexicon)
}

pub fn builtin() -> &'static Builtin {
    static BUILTIN: OnceLock<Builtin> = OnceLock::new();
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
                    },
                );
            }
        }
        let mut take = |name: &str| by_name.remove(name).unwrap_or_default();
        Builtin {
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
}

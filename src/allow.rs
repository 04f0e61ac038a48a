//! The allow-list of `mtlint.toml` (`allow = ["Dynamo Kiev"]`): words and
//! names no rule may flag, found as whole words. The house spellings use
//! the same matcher for their own forms.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::diagnostic::Diagnostic;
use crate::text::{is_whole_word, TextRange};

/// Words and names no rule may flag.
#[derive(Debug, Default)]
pub struct AllowList {
    automaton: Option<AhoCorasick>,
}

impl AllowList {
    pub fn new(phrases: &[String]) -> Self {
        let phrases: Vec<&str> = phrases
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if phrases.is_empty() {
            return Self::default();
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("literal phrases always compile");
        Self {
            automaton: Some(automaton),
        }
    }

    /// The whole-word occurrences of the phrases in `text`.
    pub fn occurrences(&self, text: &str) -> Vec<TextRange> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .map(|m| TextRange::from_usize(m.start(), m.end()))
            .collect()
    }
}

/// Drops the findings inside an allowed phrase.
pub fn apply_allow_list(allow: &AllowList, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let occurrences = allow.occurrences(text);
    if occurrences.is_empty() {
        return;
    }
    diagnostics.retain(|d| !occurrences.iter().any(|o| o.contains_range(d.range)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_matches_whole_words_only() {
        let allow = AllowList::new(&["Dynamo Kiev".to_owned(), "Kiev".to_owned()]);
        let text = "Dynamo Kiev won. Kievan Rus.";
        let found: Vec<&str> = allow
            .occurrences(text)
            .iter()
            .map(|r| &text[r.to_std()])
            .collect();
        assert_eq!(found, ["Dynamo Kiev"]);
        assert!(AllowList::new(&[" ".to_owned()])
            .occurrences(text)
            .is_empty());
    }
}

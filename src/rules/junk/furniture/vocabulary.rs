//! The page-furniture model's vocabulary: words learned from labelled
//! pages, with their weights, and how a line's words are read for it.

use super::text::lower;
use crate::text::is_alphabetic;

/// Words learned from labelled pages to lean to furniture ("share",
/// "subscribe", "comments") or to article text ("said"), with their
/// weight: the log-odds of a line holding the word being furniture, less
/// that of any line. Part of the model file.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    weights: crate::lexicon::FastMap<String, f64>,
}

impl Vocabulary {
    pub fn new(weights: impl IntoIterator<Item = (String, f64)>) -> Self {
        Self {
            weights: weights.into_iter().collect(),
        }
    }

    /// The words and their weights, in the words' order: for the tests.
    #[cfg(test)]
    pub(super) fn sorted(&self) -> Vec<(&str, f64)> {
        let mut words: Vec<(&str, f64)> =
            self.weights.iter().map(|(w, &v)| (w.as_str(), v)).collect();
        words.sort_by(|a, b| a.0.cmp(b.0));
        words
    }

    /// A word's weight (lower case), 0 for a word the model does not know.
    pub fn weight(&self, word: &str) -> f64 {
        self.weights.get(word).copied().unwrap_or(0.0)
    }

    /// Whether a line has a word that leans to furniture (a weight above
    /// 0), its words lowered as the features lower them: as
    /// [`vocabulary_words`] gives them for the vocabulary's words, which
    /// are ASCII. A scored line's [`super::VOCAB_MAX`] feature says the
    /// same (a test holds the two together).
    #[cfg(test)]
    pub fn has_furniture_word(&self, text: &str) -> bool {
        let mut buffer = String::new();
        let mut found = false;
        each_vocabulary_word(text, text.is_ascii(), &mut buffer, |word| {
            found = found || self.weight(word) > 0.0;
        });
        found
    }
}

/// The words of a line as the vocabulary counts them: runs of letters,
/// lower-cased, of two letters or more.
pub fn vocabulary_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !is_alphabetic(c))
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
}

/// Calls `f` with each word of a line as [`vocabulary_words`] gives it,
/// without allocating for words already in lower case. `ascii`: the line
/// is ASCII, and the ASCII tests do.
pub(super) fn each_vocabulary_word(
    text: &str,
    ascii: bool,
    buffer: &mut String,
    mut f: impl FnMut(&str),
) {
    for piece in text.split(|c: char| !is_alphabetic(c)) {
        if has_two_letters(piece, ascii) {
            f(lower(piece, buffer));
        }
    }
}

/// Whether a run of letters has two or more, as the vocabulary counts
/// words. On an ASCII line (`ascii`) a run's bytes are its letters.
pub(super) fn has_two_letters(run: &str, ascii: bool) -> bool {
    if ascii {
        run.len() >= 2
    } else {
        run.chars().nth(1).is_some()
    }
}

/// The largest weight a word counts with.
pub(super) const VOCABULARY_CAP: f64 = 4.0;

//! `translation.doubled-synonym`: one word on both sides of "and" after an
//! article: "a lasting and lasting settlement". The source had two words
//! of near meaning (Ukrainian «міцного і тривалого» врегулювання), and the
//! engine gave both the same English word. Which word the first one was
//! cannot be known, so there is no fix.
//!
//! Left alone: English repeats a word around "and" for duration or growth
//! ("waited and waited", "more and more", "bigger and bigger", "hours and
//! hours"), but not as two adjectives of one noun after an article. So the
//! pair must follow an article or a possessive (`articles`), end as an
//! adjective or a participle does (`adjective-endings`: "lasting",
//! "reliable"), stand before the word it describes, and not be a word of
//! `repeated-pairs`. Nouns are left alone: "the movie and movie
//! screenings" joins two nouns of a compound, "the president and
//! president-elect" a noun and a compound.

use crate::diagnostic::{Category, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct DoubledSynonym;

static META: RuleMeta = RuleMeta::builtin(
    "translation.doubled-synonym",
    Category::Translation,
    Severity::Warning,
    "One word on both sides of \"and\" after an article (\"a lasting and lasting settlement\"): two source words translated alike.",
    false,
);

impl Check for DoubledSynonym {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let lexicons = cx.lexicons();
        let (Some(articles), Some(pairs), Some(endings)) = (
            lexicons.get("articles"),
            lexicons.get("repeated-pairs"),
            lexicons.get("adjective-endings"),
        ) else {
            return;
        };
        let tokens = &doc.tokens;
        let spaced = |a: usize, b: usize| {
            tokens
                .get(b)
                .is_some_and(|b| doc.words_one_space_apart(&tokens[a], b))
        };
        // A noun may stand on both sides of "and" before another noun ("the
        // movie and movie screenings"); two adjectives of one noun may not.
        let looks_adjective = |word: &str| endings.words().any(|e| word.ends_with(e));
        for i in 1..tokens.len().saturating_sub(2) {
            // "and" first: it rules out nearly every token at once.
            if doc.slice(tokens[i + 1].range) != "and" {
                continue;
            }
            let word = doc.slice(tokens[i].range);
            if word.len() < 3
                || doc.slice(tokens[i + 2].range) != word
                || !word.chars().all(|c| c.is_lowercase())
                || !(spaced(i - 1, i) && spaced(i, i + 1) && spaced(i + 1, i + 2))
                || !spaced(i + 2, i + 3)
            {
                continue;
            }
            let before = doc.slice(tokens[i - 1].range);
            if !articles.contains(before) || !looks_adjective(word) || pairs.contains(word) {
                continue;
            }
            let range = TextRange::new(tokens[i].range.start(), tokens[i + 2].range.end());
            cx.report(META.diagnostic(
                range,
                format!(
                    "`{word} and {word}` gives one word twice: the source joined two words of near meaning, and the translation engine rendered both as `{word}`"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_flags};

    #[test]
    fn flags_one_word_on_both_sides_of_and_after_an_article() {
        assert_flags(
            &DoubledSynonym,
            "Talks to achieve a lasting and lasting settlement of the conflict.",
            &["lasting and lasting"],
        );
        assert_flags(
            &DoubledSynonym,
            "It was their reliable and reliable partner.",
            &["reliable and reliable"],
        );
    }

    #[test]
    fn allows_repetition_that_english_makes() {
        for text in [
            "More and more people left; we waited and waited.",
            "It grew bigger and bigger, for hours and hours.",
            "The talks went on and on, again and again.",
            "a lasting and stable settlement",
            "A Lasting and Lasting Peace\n",
            "the more and more expensive fuel",
            "the through and through loyal aide",
            "the movie and movie screenings",
            "my life and life of my family",
            "a meeting of the president and president-elect",
            "talks between the government and government officials",
            "After all the waiting and waiting, the visas came.",
        ] {
            assert_clean(&DoubledSynonym, text);
        }
    }
}

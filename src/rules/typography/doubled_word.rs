//! `typography.doubled-word`: the same word twice in a row, "the the".
//! Words English repeats on purpose ("had had", "that that") are listed in
//! the `repeatable-words` lexicon; two capitalised words are a name
//! ("Bora Bora", "Duran Duran") and are left alone.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::lexicon;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct DoubledWord;

static META: RuleMeta = RuleMeta::builtin(
    "typography.doubled-word",
    Category::Typography,
    Severity::Warning,
    "The same word twice in a row.",
    true,
);

impl Check for DoubledWord {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let repeatable = &lexicon::builtin().repeatable_words;
        for pair in doc.tokens.windows(2) {
            let (first, second) = (pair[0], pair[1]);
            if first.kind != TokenKind::Word || second.kind != TokenKind::Word {
                continue;
            }
            let gap = TextRange::new(first.range.end(), second.range.start());
            let gap_text = doc.slice(gap);
            if gap_text.is_empty() || !gap_text.chars().all(|c| c == ' ' || c == '\t') {
                continue;
            }
            let (a, b) = (doc.slice(first.range), doc.slice(second.range));
            if a.len() != b.len()
                || !a.eq_ignore_ascii_case(b) && a.to_lowercase() != b.to_lowercase()
            {
                continue;
            }
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            if capitalised(b) || repeatable.contains(b) {
                continue;
            }
            let range = TextRange::new(first.range.start(), second.range.end());
            cx.report(
                META.diagnostic(range, format!("`{b}` is written twice"))
                    .with_fix(Fix::safe(
                        format!("Remove the second `{b}`"),
                        vec![Edit::delete(TextRange::new(
                            first.range.end(),
                            second.range.end(),
                        ))],
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_a_word_written_twice() {
        assert_fixes(
            &DoubledWord,
            "He met the the minister.",
            "He met the minister.",
        );
        assert_fixes(&DoubledWord, "The the minister.", "The minister.");
        assert_fixes(&DoubledWord, "війна війна триває", "війна триває");
    }

    #[test]
    fn allows_intended_repetitions_names_and_breaks() {
        for text in [
            "She had had enough.",
            "He said that that was wrong.",
            "They flew to Bora Bora and Baden Baden.",
            "It ended in. In the morning",
            "the end\n\nthe start",
            "the, the",
        ] {
            assert_clean(&DoubledWord, text);
        }
    }
}

//! `typography.doubled-word`: the same word twice in a row, "the the".
//! Words English repeats on purpose ("had had", "that that") are listed in
//! the `repeatable-words` lexicon; two capitalised words are a name
//! ("Bora Bora", "Duran Duran") and are left alone.
//!
//! Two equal words may also belong to two units that meet, which is no
//! slip either:
//! - the first ends a hyphenated compound ("the warm-up up to noon", "a
//!   non-answer answer");
//! - a pronoun that is also an object (`clause-pronouns`) ends one clause
//!   after a verb or a preposition and opens the next ("when you think
//!   about it it makes sense", "I told you you would");
//! - a free relative (`free-relatives`) is the subject of the same verb
//!   ("whatever works works", "whoever wins wins").

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::lexicon::Lexicons;
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
        let lexicons = cx.lexicons();
        let repeatable = &lexicons.repeatable_words;
        let mut i = 1;
        while i < doc.tokens.len() {
            if !repeats(doc, i) {
                i += 1;
                continue;
            }
            let (first, second) = (doc.tokens[i - 1], doc.tokens[i]);
            let b = doc.slice(second.range);
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            if capitalised(b) || repeatable.contains(b) || units_meet(lexicons, doc, i - 1) {
                i += 1;
                continue;
            }
            // A run of the same word ("word word word …", a scraper's
            // repeated cell) is one finding, with one fix that keeps one.
            let mut last = i;
            while last + 1 < doc.tokens.len() && repeats(doc, last + 1) {
                last += 1;
            }
            let end = doc.tokens[last].range.end();
            let times = last - i + 2;
            let (message, fix) = if times == 2 {
                (
                    format!("`{b}` is written twice"),
                    format!("Remove the second `{b}`"),
                )
            } else {
                (
                    format!("`{b}` is written {times} times in a row"),
                    format!("Keep one `{b}`"),
                )
            };
            cx.report(
                META.diagnostic(TextRange::new(first.range.start(), end), message)
                    .with_fix(Fix::safe(
                        fix,
                        vec![Edit::delete(TextRange::new(first.range.end(), end))],
                    )),
            );
            i = last + 1;
        }
    }
}

/// Whether the word token at `i` repeats the word token before it, with
/// only spaces or tabs between them.
fn repeats(doc: &Document, i: usize) -> bool {
    let (first, second) = (doc.tokens[i - 1], doc.tokens[i]);
    if first.kind != TokenKind::Word || second.kind != TokenKind::Word {
        return false;
    }
    let gap = doc.slice(TextRange::new(first.range.end(), second.range.start()));
    if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\t') {
        return false;
    }
    let (a, b) = (doc.slice(first.range), doc.slice(second.range));
    a.len() == b.len() && (a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase())
}

/// Whether the word at `first` and the same word after it belong to two
/// units that meet (see the module documentation).
fn units_meet(lexicons: &Lexicons, doc: &Document, first: usize) -> bool {
    let in_list = |list: &str, word: &str| lexicons.get(list).is_some_and(|l| l.contains(word));
    let tokens = &doc.tokens;
    let glued = |a: usize, b: usize| tokens[a].range.end() == tokens[b].range.start();
    let word = doc.token_text(first);
    // `warm-up up`: the word before is the tail of a compound.
    if first >= 2
        && doc.token_text(first - 1) == "-"
        && tokens[first - 2].kind == TokenKind::Word
        && glued(first - 2, first - 1)
        && glued(first - 1, first)
    {
        return true;
    }
    // The word before, in the same line, with only spaces between.
    let Some(before) = first.checked_sub(1).filter(|&p| {
        tokens[p].kind == TokenKind::Word
            && doc
                .slice(TextRange::new(
                    tokens[p].range.end(),
                    tokens[first].range.start(),
                ))
                .chars()
                .all(|c| c == ' ')
    }) else {
        return false;
    };
    let previous = doc.token_text(before);
    let lower = previous.to_lowercase();
    if in_list("clause-pronouns", word) {
        // After a verb (not a closed-class word) or a preposition: the
        // pronoun is an object, and the next one a subject.
        let closed_class = in_list("function-words", &lower)
            || in_list("determiners", &lower)
            || in_list("free-relatives", &lower)
            || lexicons.minor_words.contains(&lower);
        return previous.starts_with(char::is_lowercase)
            && (in_list("prepositions", &lower) || !closed_class);
    }
    // `whatever works works`: not `whatever the the`.
    in_list("free-relatives", &lower)
        && !in_list("function-words", word)
        && !in_list("determiners", word)
        && !lexicons.minor_words.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, diagnostics};

    #[test]
    fn flags_a_word_written_twice() {
        assert_fixes(
            &DoubledWord,
            "He met the the minister.",
            "He met the minister.",
        );
        assert_fixes(&DoubledWord, "The the minister.", "The minister.");
        assert_fixes(&DoubledWord, "війна війна триває", "війна триває");
        // Slips that look like units meeting.
        for text in [
            "He said the the plan was ready.",
            "It it was late.",
            "and it it was late.",
            "whatever the the cost",
            "whatever you you want",
        ] {
            assert_eq!(diagnostics(&DoubledWord, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_run_of_one_word_is_one_finding_with_one_fix() {
        let found = diagnostics(&DoubledWord, "It was word word word word here.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "`word` is written 4 times in a row");
        assert_fixes(
            &DoubledWord,
            "It was word word word word here.",
            "It was word here.",
        );
        // Two runs, apart.
        let found = diagnostics(&DoubledWord, "the the cat and the the dog");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn allows_units_that_meet() {
        for text in [
            "The warm-up up to noon was open.",
            "It was a non-answer answer.",
            "When you think about it it makes sense.",
            "I told you you would win.",
            "Whatever works works, she said.",
            "Whoever wins wins the cup.",
        ] {
            assert_clean(&DoubledWord, text);
        }
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

//! `translation.stray-capital`: a closed-class word capitalised in the
//! middle of a sentence, as translation engines leave them when they join
//! segments: "including A far-reaching embargo", "perhaps There will be",
//! "jets That Poland". The words are a lexicon (`function-words`), so names
//! are never touched; content words ("can High prices") need a frequency
//! list with usual case and are not flagged yet.
//!
//! Left alone: headlines in Title Case, the first word of a sentence or
//! line, a word after a colon, a dash, an opening quote or bracket, after an
//! abbreviation such as "U.S.", and an article before a capitalised word
//! ("The Hague", "A Coruña").

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::lexicon;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct StrayCapital;

static META: RuleMeta = RuleMeta::builtin(
    "translation.stray-capital",
    Category::Translation,
    Severity::Warning,
    "A function word capitalised in mid-sentence, as machine translation leaves it (\"including A far-reaching\").",
    true,
);

impl Check for StrayCapital {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let Some(words) = lexicon::builtin().get("function-words") else {
            return;
        };
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for i in 1..tokens.len() {
                let (prev, tok) = (tokens[i - 1], tokens[i]);
                if tok.kind != TokenKind::Word || prev.kind != TokenKind::Word {
                    continue;
                }
                let word = doc.slice(tok.range);
                let previous = doc.slice(prev.range);
                let mut chars = word.chars();
                let capitalised = chars.next().is_some_and(char::is_uppercase)
                    && (word.chars().count() == 1 || chars.all(char::is_lowercase));
                if !capitalised || !words.contains(word) {
                    continue;
                }
                // The word before must be an ordinary lower-case word on the
                // same line, one space away.
                let gap = doc.slice(TextRange::new(prev.range.end(), tok.range.start()));
                if gap != " " || !previous.starts_with(char::is_lowercase) {
                    continue;
                }
                if doc.is_headline_at(tok.range.start()) {
                    continue;
                }
                // "The Hague", "A Coruña": an article opening a name.
                let next_capital = tokens.get(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && doc.slice(n.range).starts_with(char::is_uppercase)
                });
                if matches!(word, "The" | "A" | "An") && next_capital {
                    continue;
                }
                let lower = word.to_lowercase();
                cx.report(
                    META.diagnostic(
                        tok.range,
                        format!("`{word}` is capitalised in mid-sentence; a translation engine joined two segments here"),
                    )
                    .with_fix(Fix::safe(
                        format!("Write `{lower}`"),
                        vec![Edit::replace(tok.range, lower.clone())],
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_stray_capitals() {
        assert_fixes(
            &StrayCapital,
            "The sanctions, including A far-reaching embargo, were agreed.",
            "The sanctions, including a far-reaching embargo, were agreed.",
        );
        assert_fixes(
            &StrayCapital,
            "It may include MiG fighter jets That Poland and the Czech Republic have agreed to send.",
            "It may include MiG fighter jets that Poland and the Czech Republic have agreed to send.",
        );
        assert_fixes(
            &StrayCapital,
            "He said perhaps There will be talks.",
            "He said perhaps there will be talks.",
        );
    }

    #[test]
    fn allows_names_headlines_and_sentence_starts() {
        for text in [
            "Slovakia Will Continue To Send Aid To Ukraine\n",
            "The envoy flew to The Hague on Monday.",
            "Officials said: The talks will resume.",
            "He read “The Guardian” and U.S. The report followed.",
            "President Biden spoke. There was no reply.",
            "Theresa May and Will Smith were there in May.",
        ] {
            assert_clean(&StrayCapital, text);
        }
    }
}

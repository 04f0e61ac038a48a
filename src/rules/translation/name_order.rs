//! `translation.name-order`: a known person's name after a verb that takes
//! no object, in the order of Russian and Ukrainian copy: "does not know
//! where the politician is currently located Viktor Medvedchuk", "whether
//! the head of state spoke Vladimir Putin with Viktor Medvedchuk". The
//! name was often the text of a link, which the engine translated apart
//! and left where it stood.
//!
//! The verbs are data (`inverted-verbs`), and so are the people: the name
//! must be written in full, as a person of the knowledge base or with the
//! first name of one ("Viktor" of Viktor Orbán), and end the sentence or
//! stand before a preposition (`inverted-name-followers`). A
//! verb after a quotation may come before its subject in English ("“No,”
//! spoke the envoy"), so a verb after a quote mark or a comma is left
//! alone. The sentence may be rewritten in more than one way: no fix.

use crate::diagnostic::{Category, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct NameOrder;

static META: RuleMeta = RuleMeta::builtin(
    "translation.name-order",
    Category::Translation,
    Severity::Warning,
    "A person's name after a verb that takes no object (\"is located Viktor Medvedchuk.\"), in Russian word order.",
    false,
);

/// The longest name looked for, in words.
const NAME_WORDS: usize = 3;

impl Check for NameOrder {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let lexicons = cx.lexicons();
        let (Some(verbs), Some(followers)) = (
            lexicons.get("inverted-verbs"),
            lexicons.get("inverted-name-followers"),
        ) else {
            return;
        };
        let kb = cx.kb();
        let mut found = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            let spaced = |a: usize, b: usize| doc.words_one_space_apart(&tokens[a], &tokens[b]);
            for (i, verb) in tokens.iter().enumerate() {
                let word = doc.slice(verb.range);
                if i == 0
                    || verb.kind != TokenKind::Word
                    || !word.starts_with(|c: char| c.is_ascii_lowercase())
                    || !verbs.contains(word)
                {
                    continue;
                }
                // After a quote or a comma the order may be English.
                if tokens[i - 1].kind != TokenKind::Word || !spaced(i - 1, i) {
                    continue;
                }
                // The longest run of capitalised words that names a person.
                let mut end = i;
                while end + 1 < tokens.len()
                    && end - i < NAME_WORDS
                    && spaced(end, end + 1)
                    && doc
                        .slice(tokens[end + 1].range)
                        .starts_with(char::is_uppercase)
                {
                    end += 1;
                }
                // A person the base knows by the whole run, else a first
                // name it knows and one surname after it.
                let known = (i + 2..=end).rev().find(|&last| {
                    let name = doc.slice(TextRange::new(
                        tokens[i + 1].range.start(),
                        tokens[last].range.end(),
                    ));
                    kb.people_named(name).next().is_some()
                });
                let name_end = known.or_else(|| {
                    let first = doc.slice(tokens[i + 1].range);
                    (end >= i + 2 && kb.people_with_first_name(first).next().is_some())
                        .then_some(i + 2)
                });
                let Some(last) = name_end else { continue };
                let closes = match tokens.get(last + 1) {
                    None => true,
                    Some(next) if next.kind == TokenKind::Word => {
                        spaced(last, last + 1) && followers.contains(doc.slice(next.range))
                    }
                    Some(next) => matches!(doc.slice(next.range), "." | "!" | "?"),
                };
                if closes {
                    found.push(TextRange::new(verb.range.start(), tokens[last].range.end()));
                }
            }
        }
        for range in found {
            let text = doc.slice(range);
            let (verb, name) = text.split_once(' ').unwrap_or((text, ""));
            cx.report(META.diagnostic(
                range,
                format!(
                    "`{name}` comes after `{verb}`, in the word order of Russian copy; English puts the subject `{name}` before the verb"
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
    fn flags_a_name_after_a_verb_without_an_object() {
        assert_flags(
            &NameOrder,
            "Peskov does not know where the politician is currently located Viktor Medvedchuk.",
            &["located Viktor Medvedchuk"],
        );
        assert_flags(
            &NameOrder,
            "Nobody knows if the head of state spoke Vladimir Putin with the envoy.",
            &["spoke Vladimir Putin"],
        );
    }

    #[test]
    fn allows_english_order() {
        for text in [
            "Viktor Medvedchuk is currently located in Moscow.",
            "“No,” spoke Vladimir Putin.",
            "Vladimir Putin spoke with the envoy.",
            "The office is located Main Street.",
            "She spoke Vladimir Putin's language fluently.",
            "He spoke English with the envoy.",
            "Nobody knows if he spoke Vladimir Putin Monday.",
        ] {
            assert_clean(&NameOrder, text);
        }
    }
}

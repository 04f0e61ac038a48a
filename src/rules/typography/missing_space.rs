//! `typography.missing-space`: a sentence that ends with a full stop and the
//! next one glued to it, as a translation engine leaves them when it joins
//! two segments: "the United Nations.A theme raised by many leaders", "on
//! May 4.On Tuesday".
//!
//! A name with a dot in it is not two sentences: a site or a company
//! ("Mediacity.Az", "Sky.Kom") is a capitalised word, the dot, and two or
//! three letters that are no English word. A sentence glued to the one
//! before opens with a word (`The`, `It`, `A`) or a name.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{is_alphabetic, TextRange};

pub struct MissingSpace;

static META: RuleMeta = RuleMeta::builtin(
    "typography.missing-space",
    Category::Typography,
    Severity::Warning,
    "A full stop with the next sentence glued to it, without a space.",
    true,
);

impl Check for MissingSpace {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let tokens = &doc.tokens;
        for i in 1..tokens.len().saturating_sub(1) {
            let (before, stop, mut after) = (tokens[i - 1], tokens[i], tokens[i + 1]);
            if stop.kind != TokenKind::Punct || doc.slice(stop.range) != "." {
                continue;
            }
            let mut glued =
                before.range.end() == stop.range.start() && stop.range.end() == after.range.start();
            // `comment.“We will`: the next sentence opens with a quotation.
            if glued && matches!(doc.slice(after.range), "“" | "«") {
                match tokens.get(i + 2) {
                    Some(&word) if word.range.start() == after.range.end() => {
                        after = crate::document::Token {
                            range: TextRange::new(after.range.start(), word.range.end()),
                            kind: word.kind,
                        };
                    }
                    _ => glued = false,
                }
            }
            if !glued || after.kind != TokenKind::Word {
                continue;
            }
            let word = doc.slice(before.range);
            let next = doc.slice(after.range).trim_start_matches(['“', '«']);
            let ends = match before.kind {
                TokenKind::Word => ends_a_sentence(word),
                // `March 9.On`; not a numbered list (`1.Introduction`),
                // whose number opens its line.
                TokenKind::Number => {
                    next.chars().count() >= 2
                        && tokens[..i - 1].last().is_some_and(|t| {
                            !doc.slice(TextRange::new(t.range.end(), before.range.start()))
                                .contains('\n')
                        })
                }
                _ => false,
            };
            if !ends || !starts_a_sentence(next) {
                continue;
            }
            if before.kind == TokenKind::Word && is_dotted_name(cx, word, next) {
                continue;
            }
            // `Nations.A.B.` or `A.B.C`: initials, not two sentences.
            let next_is_initial = next.chars().count() == 1
                && tokens.get(i + 2).is_some_and(|t| {
                    t.range.start() == after.range.end() && doc.slice(t.range) == "."
                });
            if next_is_initial {
                continue;
            }
            let range = TextRange::new(before.range.start(), after.range.end());
            let shown = doc.slice(range);
            cx.report(
                META
                    .diagnostic(range, format!("`{shown}` has no space after the full stop; the sentences are glued together"))
                    .with_fix(Fix::safe(
                        "Insert a space after the full stop",
                        vec![Edit::replace(TextRange::empty(stop.range.end()), " ")],
                    )),
            );
        }
    }
}

/// A word that can end a sentence: two letters or more (a single letter is
/// an initial, as in `U.S`), not all capitals unless short (`UN`, `EU`).
fn ends_a_sentence(word: &str) -> bool {
    let letters = word.chars().filter(|c| is_alphabetic(*c)).count();
    letters >= 2 && word.chars().last().is_some_and(is_alphabetic)
}

/// `Mediacity.Az`, `Sky.Kom`: a capitalised word (a sentence seldom
/// ends in a name right before another is glued to it) and two or three
/// letters that are neither a common English word, nor an abbreviation, nor
/// a name the knowledge base knows (`Xi`, `Lee`): those open sentences.
fn is_dotted_name(cx: &Context, word: &str, next: &str) -> bool {
    if !word.starts_with(char::is_uppercase) || !(2..=3).contains(&next.chars().count()) {
        return false;
    }
    let lexicons = cx.lexicons();
    let lower = next.to_lowercase();
    let english = ["function-words", "determiners"]
        .iter()
        .any(|name| lexicons.get(name).is_some_and(|l| l.contains(&lower)))
        || lexicons.minor_words.contains(&lower)
        || lexicons.abbreviations.contains(next)
        || cx
            .word_list("usually-lowercase")
            .is_some_and(|l| l.contains(lower.as_str()));
    let kb = cx.kb();
    let name = kb.people_with_surname(next).next().is_some()
        || kb.people_with_first_name(next).next().is_some();
    !english && !name
}

/// A capital followed by lower case (`The`, `Moscow`) or a lone capital
/// (`A`); not an acronym or a code such as `NET` in `ASP.NET`.
fn starts_a_sentence(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(first), None) => first.is_uppercase(),
        (Some(first), Some(second)) => first.is_uppercase() && second.is_lowercase(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn flags_sentences_glued_at_a_full_stop() {
        assert_fixes(
            &MissingSpace,
            "meeting of the United Nations.A theme raised by many leaders",
            "meeting of the United Nations. A theme raised by many leaders",
        );
        assert_fixes(
            &MissingSpace,
            "he said.The next day",
            "he said. The next day",
        );
        assert_fixes(&MissingSpace, "Київ.Сьогодні", "Київ. Сьогодні");
        assert_fixes(
            &MissingSpace,
            "He refused to comment.“We will see.”",
            "He refused to comment. “We will see.”",
        );
        assert_flags(
            &MissingSpace,
            "Mr.Smith left.The end",
            &["Mr.Smith", "left.The"],
        );
        assert_fixes(
            &MissingSpace,
            "The strike began on May 4.On Tuesday the union met.",
            "The strike began on May 4. On Tuesday the union met.",
        );
        // A capitalised word before the dot, a sentence after it.
        assert_flags(
            &MissingSpace,
            "He met Putin.It was brief. They met in Moscow.The talks failed.",
            &["Putin.It", "Moscow.The"],
        );
        assert_flags(
            &MissingSpace,
            "He met Lukashenko.Xi was absent.",
            &["Lukashenko.Xi"],
        );
        assert_flags(
            &MissingSpace,
            "He met Lukashenko.Mr Ivanov left.",
            &["Lukashenko.Mr"],
        );
    }

    #[test]
    fn allows_names_with_a_dot_and_numbered_lists() {
        for text in [
            "The report was carried by Mediacity.Az on Friday.",
            "Mediacity.Az reports that the talks went on.",
            "Shares of Sky.Kom fell after the audit.",
            "1.Introduction\n2.Methods",
        ] {
            assert_clean(&MissingSpace, text);
        }
    }

    #[test]
    fn allows_abbreviations_numbers_links_and_names() {
        for text in [
            "U.S. officials and the U.S.A. team",
            "e.g. this, i.e. that",
            "It rose 3.5 percent to 1,228.",
            "Visit https://www.newschainonline.com/News.Today or newschainonline.com.",
            "J.R.R. Tolkien and J.R.R.Tolkien",
            "Written in ASP.NET and Node.js, saved as Report.PDF",
            "The file image.php was read.",
            "Nations. A theme",
            "Read it on Newschainonline.Com or Ukrinform.UA today",
            "He said “no.”Then",
        ] {
            assert_clean(&MissingSpace, text);
        }
    }
}

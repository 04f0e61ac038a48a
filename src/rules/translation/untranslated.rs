//! `translation.untranslated`: words in another script left inside an
//! English sentence ("subscribe to our канал in Telegram"). Quoted or
//! bracketed text (an original title, a name in its own script) is left
//! alone, and so is mojibake, which encoding.mojibake repairs.

use crate::analysis::script::is_latin;
use crate::diagnostic::{Category, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{is_alphabetic, TextRange};

pub struct Untranslated;

static META: RuleMeta = RuleMeta::builtin(
    "translation.untranslated",
    Category::Translation,
    Severity::Warning,
    "Words in another script left untranslated inside an English sentence.",
    false,
);

/// The share of Latin letters that makes a sentence English for this rule.
const LATIN_SHARE: f64 = 0.7;

fn is_foreign_letter(c: char) -> bool {
    is_alphabetic(c) && !is_latin(c)
}

impl Check for Untranslated {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if text.is_ascii() {
            return;
        }
        let mut english_lines: std::collections::HashMap<usize, bool> =
            std::collections::HashMap::new();
        for sentence in &doc.sentences {
            let body = doc.slice(sentence.range);
            // A run needs a letter of another script: most sentences that
            // are not ASCII only have curly quotes or dashes.
            if body.is_ascii() || !body.chars().any(is_foreign_letter) {
                continue;
            }
            let letters = body.chars().filter(|c| is_alphabetic(*c)).count();
            let latin = body.chars().filter(|&c| is_latin(c)).count();
            if letters == 0 || (latin as f64) < LATIN_SHARE * letters as f64 {
                continue;
            }
            // Runs of foreign words, joined by spaces.
            let tokens = &doc.tokens[sentence.tokens.clone()];
            let mut run: Option<(TextRange, usize)> = None;
            let mut runs = Vec::new();
            for t in tokens {
                let word = doc.slice(t.range);
                let foreign = t.kind == TokenKind::Word && word.chars().all(is_foreign_letter);
                match (&mut run, foreign) {
                    (Some((range, n)), true) => {
                        *range = TextRange::new(range.start(), t.range.end());
                        *n += 1;
                    }
                    (None, true) => run = Some((t.range, 1)),
                    (_, false) => {
                        if t.kind != TokenKind::Punct || !doc.slice(t.range).trim().is_empty() {
                            runs.extend(run.take());
                        }
                    }
                }
            }
            runs.extend(run);
            for (range, _) in runs {
                let (start, end) = (range.start().to_usize(), range.end().to_usize());
                // Mojibake is in text order: the finding that could overlap
                // is found by binary search.
                let mojibake = doc.mojibake();
                let i = mojibake.partition_point(|f| f.end <= start);
                if mojibake.get(i).is_some_and(|f| f.start < end) {
                    continue;
                }
                // Quoted or bracketed: an original title or name. Square
                // brackets hold an editor's words inside a quotation, so a
                // lower-case word there was left untranslated ("on
                // well-known topics [работу] didn't correct").
                let before = text[..start].trim_end().chars().next_back();
                let after = text[end..].trim_start().chars().next();
                let capitalised = text[start..end].starts_with(char::is_uppercase);
                let square = before == Some('[') && after == Some(']');
                let quoted = (matches!(before, Some('«' | '“' | '"' | '(' | '[' | '„' | '‘'))
                    || matches!(after, Some('»' | '”' | '"' | ')' | ']' | '’')))
                    && (!square || capitalised);
                if quoted {
                    continue;
                }
                // The line around it must be English too: a sentence can run
                // over a line break into a line in another language.
                // Judged once a line: a long line holds many runs.
                let line_number = doc.line_of(range.start());
                let english = *english_lines.entry(line_number).or_insert_with(|| {
                    let line = doc.line_index.line_range(line_number, text);
                    let line_text = doc.slice(line);
                    let line_letters = line_text.chars().filter(|c| is_alphabetic(*c)).count();
                    let line_latin = line_text.chars().filter(|&c| is_latin(c)).count();
                    (line_latin as f64) >= LATIN_SHARE * line_letters as f64
                });
                if !english {
                    continue;
                }
                let found = &text[start..end];
                cx.report(META.diagnostic(
                    range,
                    format!("`{found}` is left untranslated in an English sentence"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_flags};

    #[test]
    fn flags_foreign_words_in_english_sentences() {
        assert_flags(
            &Untranslated,
            "Subscribe to our канал в Telegram and Instagram for more news.",
            &["канал в"],
        );
    }

    #[test]
    fn flags_a_lower_case_word_in_square_brackets() {
        assert_flags(
            &Untranslated,
            "“On well-known topics [работу] we did not correct,” he said.",
            &["работу"],
        );
    }

    #[test]
    fn allows_quotes_names_mojibake_and_foreign_paragraphs() {
        for text in [
            "The newspaper «Коммерсант» and the TV channel “Дождь” reported it.",
            "Sergei Lavrov (Сергей Лавров) spoke.",
            "“Its editor [Коммерсант] declined,” he said.",
            "The word for it (работа) is feminine.",
            "Subscribe to our РєР°РЅР°Р» РІ Telegram.",
            "Переклад цього матеріалу було здійснено автоматично.",
            "Olena Zelenska and Zuzana Čaputová met in Kyiv.",
        ] {
            assert_clean(&Untranslated, text);
        }
    }
}

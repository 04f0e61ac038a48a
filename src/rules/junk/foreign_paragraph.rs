//! `junk.foreign-paragraph`: a paragraph in another script than the
//! article's, which a scraper carried in untranslated (the original
//! article's text, a caption, a comment). A paragraph that is one
//! quotation is the article quoting its source and is left alone, and so is
//! mojibake, which encoding.mojibake repairs.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::rules::translation::untranslated::is_latin;

pub struct ForeignParagraph;

static META: RuleMeta = RuleMeta::builtin(
    "junk.foreign-paragraph",
    Category::Junk,
    Severity::Warning,
    "A paragraph in another script than the article's, left untranslated by the scraper.",
    true,
);

/// The share of Latin letters in the rest of the article that makes it a
/// Latin-script one.
const ARTICLE_LATIN_SHARE: f64 = 0.7;
/// The share of other letters that makes a paragraph foreign.
const PARAGRAPH_FOREIGN_SHARE: f64 = 0.8;
/// The fewest words a foreign paragraph has: a name or a word on its own
/// line is not one.
const MIN_WORDS: usize = 4;

/// (Latin letters, all letters) in a text.
fn letters(text: &str) -> (usize, usize) {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(latin, all), c| {
            (latin + usize::from(is_latin(c)), all + 1)
        })
}

/// Whether a paragraph is one quotation: it opens with a quote mark and
/// closes with one, perhaps before a final full stop.
fn quoted(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(['"', '“', '«', '„', '\''])
        && t.trim_end_matches(['.', ','])
            .ends_with(['"', '”', '»', '“', '\''])
}

impl Check for ForeignParagraph {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if text.is_ascii() {
            return;
        }
        let (text_latin, text_all) = letters(text);
        for (i, paragraph) in doc.paragraphs.iter().enumerate() {
            let body = doc.slice(paragraph.range);
            if body.is_ascii() || body.split_whitespace().count() < MIN_WORDS || quoted(body) {
                continue;
            }
            let (latin, all) = letters(body);
            if all == 0 || ((all - latin) as f64) < PARAGRAPH_FOREIGN_SHARE * all as f64 {
                continue;
            }
            // The rest of the article is in Latin script.
            let (rest_latin, rest_all) = (text_latin - latin, text_all - all);
            if rest_all == 0 || (rest_latin as f64) < ARTICLE_LATIN_SHARE * rest_all as f64 {
                continue;
            }
            let (start, end) = (
                paragraph.range.start().to_usize(),
                paragraph.range.end().to_usize(),
            );
            if doc
                .mojibake()
                .iter()
                .any(|f| f.start < end && start < f.end)
            {
                continue;
            }
            let gone = super::paragraph_with_break(doc, i);
            cx.report(
                META.diagnostic(
                    paragraph.range,
                    "A paragraph in another script, left untranslated by the scraper".to_owned(),
                )
                .with_fix(Fix::unsafe_(
                    "Delete the paragraph",
                    vec![Edit::delete(gone)],
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn flags_an_untranslated_paragraph() {
        assert_flags(
            &ForeignParagraph,
            "The talks ended without a deal, the minister said.\n\nПереговоры закончились без результата, сообщил министр.\n\nThe next round is in May.\n",
            &["Переговоры закончились без результата, сообщил министр."],
        );
        assert_fixes(
            &ForeignParagraph,
            "The talks ended without a deal.\n\nПереговоры закончились без результата, сообщил министр.\n\nThe next round is in May.\n",
            "The talks ended without a deal.\n\nThe next round is in May.\n",
        );
        assert_fixes(
            &ForeignParagraph,
            "The talks ended without a deal.\n\nПереговоры закончились без результата, сообщил министр.\n",
            "The talks ended without a deal.\n",
        );
    }

    #[test]
    fn allows_quotes_names_mojibake_and_foreign_articles() {
        for text in [
            // A quotation of the source.
            "The minister wrote:\n\n«Переговоры закончились без результата, сообщил министр.»\n\nThe next round is in May.\n",
            // A name or a short phrase on its own line.
            "The talks ended without a deal.\n\nСлава Україні!\n\nThe next round is in May.\n",
            // Mojibake is encoding.mojibake's.
            "The talks ended without a deal, the minister said today.\n\nРџРµСЂРµРіРѕРІРѕСЂС‹ Р·Р°РєРѕРЅС‡РёР»РёСЃСЊ Р±РµР· СЂРµР·СѓР»СЊС‚Р°С‚Р°.\n",
            // An article in Cyrillic is not judged.
            "Переговоры закончились без результата.\n\nСледующий раунд пройдёт в мае, сообщил министр.\n",
        ] {
            assert_clean(&ForeignParagraph, text);
        }
    }
}

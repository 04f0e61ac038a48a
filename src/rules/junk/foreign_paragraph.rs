//! `junk.foreign-paragraph`: a paragraph in another script or language
//! than the article's, which a scraper carried in untranslated (the
//! original article's text, a caption, a comment). A paragraph that is one
//! quotation is the article quoting its source and is left alone, and so is
//! mojibake, which encoding.mojibake repairs.
//!
//! Another script is told by its letters. Another language in Latin script
//! is told by function words, which every sentence has and which differ
//! between languages: in an English article, a paragraph with many words of
//! one `stopwords-*` list (`rules/lexicon/stopwords.toml`) and hardly any
//! English function word that the other language lacks.

use std::sync::OnceLock;

use crate::analysis::script::is_latin;
use crate::diagnostic::{Category, Edit, Fix, Severity};

use crate::document::{Document, TokenKind};
use crate::lexicon::{FastSet, Lexicon};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::is_alphabetic;

pub struct ForeignParagraph;

static META: RuleMeta = RuleMeta::builtin(
    "junk.foreign-paragraph",
    Category::Junk,
    Severity::Warning,
    "A paragraph in another script or language than the article's, left untranslated by the scraper.",
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

/// The fewest words of a paragraph judged by its function words.
const MIN_LANGUAGE_WORDS: usize = 8;
/// The least share of an English article's words that are English function
/// words (running English prose has about 40 in 100).
const ENGLISH_FUNCTION_SHARE: f64 = 0.2;
/// The least share of a foreign paragraph's words that are function words
/// of its language and not English ones, and the fewest distinct ones.
const FOREIGN_FUNCTION_SHARE: f64 = 0.15;
const MIN_FOREIGN_FUNCTION_WORDS: usize = 3;
/// The largest share of a foreign paragraph's words that may be English
/// function words its language lacks (a name such as "Bank of America").
const MAX_ENGLISH_SHARE: f64 = 0.1;

/// The words of a paragraph, lower-cased; links and e-mail addresses are
/// not words.
fn words(doc: &Document, paragraph: usize) -> Vec<String> {
    doc.tokens[doc.paragraphs[paragraph].tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.slice(t.range).to_lowercase())
        .collect()
}

/// English function words that no `stopwords-*` list has ("the", "of",
/// "which"): whatever language a paragraph is taken for, each of them
/// counts against it.
fn english_only_words(
    english: &Lexicon,
    languages: &[(&str, &Lexicon)],
) -> &'static FastSet<String> {
    static WORDS: OnceLock<FastSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        english
            .words()
            .filter(|w| !languages.iter().any(|(_, l)| l.contains(w)))
            .map(str::to_owned)
            .collect()
    })
}

/// Whether a paragraph can pass [`foreign_language`], told without making
/// its word list: it has enough words, and few enough English function
/// words that no other language has. Most paragraphs of an English
/// article stop here.
fn may_be_foreign(doc: &Document, paragraph: usize, english_only: &FastSet<String>) -> bool {
    let mut total = 0usize;
    let mut english = 0usize;
    let mut lower = String::new();
    for t in &doc.tokens[doc.paragraphs[paragraph].tokens.clone()] {
        if t.kind != TokenKind::Word {
            continue;
        }
        total += 1;
        let word = doc.slice(t.range);
        crate::text::lowercase_into(&mut lower, word);
        english += usize::from(english_only.contains(lower.as_str()));
    }
    total >= MIN_LANGUAGE_WORDS && english as f64 <= MAX_ENGLISH_SHARE * total as f64
}

/// The language of a Latin-script paragraph, when its function words are
/// another language's and not English: the name of that language. Words
/// both languages have ("a", "in", "was") count for neither: Dutch and
/// German share many with English.
fn foreign_language<'a>(
    words: &[String],
    english: &Lexicon,
    languages: &[(&str, &'a Lexicon)],
) -> Option<&'a str> {
    let total = words.len() as f64;
    // Distinct words of two letters or more that are no English function
    // word: a one-letter word is as often a variable or an initial, and a
    // paragraph may repeat one word ("MIT license" … "mit"). Found once,
    // then looked up in each language's list.
    let candidates: FastSet<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().nth(1).is_some() && !english.contains(w))
        .collect();
    if candidates.len() < MIN_FOREIGN_FUNCTION_WORDS
        || (candidates.len() as f64) < FOREIGN_FUNCTION_SHARE * total
    {
        return None;
    }
    let (lexicon, hits) = languages
        .iter()
        .map(|(_, lexicon)| {
            let hits = candidates.iter().filter(|w| lexicon.contains(w)).count();
            (*lexicon, hits)
        })
        .max_by_key(|&(_, hits)| hits)?;
    if hits < MIN_FOREIGN_FUNCTION_WORDS || (hits as f64) < FOREIGN_FUNCTION_SHARE * total {
        return None;
    }
    let english_only = words
        .iter()
        .filter(|w| english.contains(w) && !lexicon.contains(w))
        .count();
    if english_only as f64 > MAX_ENGLISH_SHARE * total {
        return None;
    }
    lexicon.language
}

/// (Latin letters, all letters) in a text.
fn letters(text: &str) -> (usize, usize) {
    if text.is_ascii() {
        let n = text.bytes().filter(u8::is_ascii_alphabetic).count();
        return (n, n);
    }
    let (mut latin, mut all) = (0, 0);
    for c in text.chars() {
        if c.is_ascii() {
            let letter = usize::from(c.is_ascii_alphabetic());
            latin += letter;
            all += letter;
        } else if is_alphabetic(c) {
            latin += usize::from(is_latin(c));
            all += 1;
        }
    }
    (latin, all)
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
        let mut text_letters: Option<(usize, usize)> = None;
        let builtin = cx.lexicons();
        let english = builtin.get("function-words");
        let languages = builtin.with_prefix("stopwords-");
        // English function words in the whole text, counted when a
        // paragraph first needs them.
        let mut article_words: Option<(usize, usize)> = None;
        for (i, paragraph) in doc.paragraphs.iter().enumerate() {
            let body = doc.slice(paragraph.range);
            if body.split_whitespace().nth(MIN_WORDS - 1).is_none()
                || quoted(body)
                || super::is_code(body)
            {
                continue;
            }
            let (latin, all) = letters(body);
            if all == 0 {
                continue;
            }
            let message = if ((all - latin) as f64) >= PARAGRAPH_FOREIGN_SHARE * all as f64 {
                // Another script, in an article in Latin script.
                let (text_latin, text_all) = *text_letters.get_or_insert_with(|| letters(text));
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
                "A paragraph in another script, left untranslated by the scraper".to_owned()
            } else if (latin as f64) >= ARTICLE_LATIN_SHARE * all as f64 {
                // Another language in Latin script, in an English article.
                let Some(english) = english else {
                    continue;
                };
                if !may_be_foreign(doc, i, english_only_words(english, &languages)) {
                    continue;
                }
                let own = words(doc, i);
                if own.len() < MIN_LANGUAGE_WORDS {
                    continue;
                }
                let Some(language) = foreign_language(&own, english, &languages) else {
                    continue;
                };
                let (article_all, article_english) = *article_words.get_or_insert_with(|| {
                    // The function-word list folds case itself (it is not
                    // case-sensitive): no list of lowered words is made.
                    let all = doc.tokens.iter().filter(|t| t.kind == TokenKind::Word);
                    all.fold((0, 0), |(n, english_words), t| {
                        (
                            n + 1,
                            english_words + usize::from(english.contains(doc.slice(t.range))),
                        )
                    })
                });
                let rest_all = article_all - own.len();
                let rest_english =
                    article_english - own.iter().filter(|w| english.contains(w)).count();
                if rest_all == 0 || (rest_english as f64) < ENGLISH_FUNCTION_SHARE * rest_all as f64
                {
                    continue;
                }
                format!("A paragraph in {language}, left untranslated by the scraper")
            } else {
                continue;
            };
            let gone = super::paragraph_with_break(doc, i);
            cx.report(
                META.diagnostic(paragraph.range, message)
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

    const ENGLISH: &str = "The talks ended without a deal, and the minister said that the next round would be held in May.";

    #[test]
    fn flags_a_paragraph_in_another_latin_script_language() {
        for (foreign, language) in [
            ("Las conversaciones terminaron sin acuerdo, según el ministro, y la próxima ronda será en mayo.", "Spanish"),
            ("Die Gespräche endeten ohne Einigung, sagte der Minister, und die nächste Runde ist im Mai.", "German"),
            ("Rozmowy zakończyły się bez porozumienia, a następna runda odbędzie się w maju, jak powiedział minister.", "Polish"),
            ("Bu məqalə Google Translate servisi vasitəsi ilə avtomatik olaraq rus dilindən azərbaycan dilinə tərcümə olunmuşdur və redaktə edilməmişdir.", "Azerbaijani"),
        ] {
            let text = format!("{ENGLISH}\n\n{foreign}\n\n{ENGLISH}\n");
            assert_flags(&ForeignParagraph, &text, &[foreign]);
            let found = crate::rules::test::diagnostics(&ForeignParagraph, &text);
            assert!(found[0].message.contains(language), "{}", found[0].message);
        }
    }

    #[test]
    fn allows_english_with_foreign_names_and_foreign_articles() {
        for text in [
            // Names and a phrase from another language inside English.
            format!("{ENGLISH}\n\nThe Banco de la Nación and the Deutsche Bank für Gemeinwirtschaft were named in the report.\n"),
            format!("{ENGLISH}\n\nHe called it a fait accompli, la guerre de tous contre tous, and left.\n"),
            // A list of names has no function words at all.
            format!("{ENGLISH}\n\nJosé Manuel García, Anna Müller, Jan Kowalski, Pierre Dubois, Marco Rossi\n"),
            // An article in Spanish is not judged by English.
            "Las conversaciones terminaron sin acuerdo.\n\nLa próxima ronda será en mayo, según el ministro de la defensa.\n".to_owned(),
        ] {
            assert_clean(&ForeignParagraph, &text);
        }
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

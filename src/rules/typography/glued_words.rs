//! `typography.glued-words`: two words run together where a scraper
//! dropped the markup between them, or one word split in two.
//!
//! Three shapes, each with what makes it certain:
//! - a capital inside a word, where a link or a tag ended: "reportedIt was
//!   stated", "in EuropeAround 400,000". The part after the capital opens a
//!   segment (a function word or a word of `glue-openers`), the part before
//!   it is a lower-case word of `english-words` or a name (a capitalised
//!   word that English does not write in lower case), and the whole is
//!   no word;
//! - a known name with a function word glued to its end: "President
//!   Volodymyr Zelenskythis Sunday". The name is a surname, a place or a
//!   country of the knowledge base, the word one of `glued-after-names`,
//!   and the split is the only one;
//! - a prefix that is no word (`bound-prefixes`) apart from its word: "un
//!   conditional". Prefix and word make a word of `english-words`, and an
//!   English word stands before the prefix: "un" is also the article of
//!   French and Spanish («un certain malaise»). A quotation in those
//!   languages may still read so, and the fix is unsafe.
//!
//! Left alone: names in camel case (iPhone, PayPal, YouTube, LinkedIn,
//! McCain): a first part shorter than `MIN_PART`, a second part that opens
//! no sentence or that ends such names after a capitalised word
//! (`camel-name-endings`), a capitalised first part that is a common word
//! ("BlogHer"), and any token the article writes twice; and hashtags,
//! handles, URLs and file names.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::kb::Kb;
use crate::lexicon::{Lexicon, WordList};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{TextRange, TextSize};

pub struct GluedWords;

static META: RuleMeta = RuleMeta::builtin(
    "typography.glued-words",
    Category::Typography,
    Severity::Warning,
    "Two words run together where markup was dropped (\"reportedIt\", \"Zelenskythis\"), or a word split after its prefix (\"un conditional\").",
    true,
);

/// The shortest part of a glued token that is taken for a word.
const MIN_PART: usize = 3;

/// The longest prefix of `bound-prefixes`.
const MAX_PREFIX: usize = 5;

/// The shortest name that a word is found glued to: shorter ones end
/// other names ("Goethe" is no "Goe the").
const MIN_NAME: usize = 4;

struct Words<'c> {
    function: &'static Lexicon,
    after_names: &'static Lexicon,
    usual: WordList,
    openers: &'static Lexicon,
    endings: &'static Lexicon,
    prefixes: &'static Lexicon,
    kb: &'c Kb,
    /// `english-words`, searched in place.
    english: WordList,
    /// The function words of other languages (`stopwords-*`).
    foreign: Vec<(&'static str, &'static Lexicon)>,
}

impl Words<'_> {
    fn opens_segment(&self, lower: &str) -> bool {
        self.function.contains(lower) || self.openers.contains(lower)
    }

    /// A surname, a place or a country of the knowledge base, as written.
    fn is_known_name(&self, name: &str) -> bool {
        self.kb.is_place(name)
            || self.kb.is_country(name)
            || self.kb.people_with_surname(name).next().is_some()
    }
}

impl Check for GluedWords {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let lexicons = cx.lexicons();
        let (Some(function), Some(after_names), Some(openers), Some(endings), Some(prefixes)) = (
            lexicons.get("function-words"),
            lexicons.get("glued-after-names"),
            lexicons.get("glue-openers"),
            lexicons.get("camel-name-endings"),
            lexicons.get("bound-prefixes"),
        ) else {
            return;
        };
        let (Some(usual), Some(english)) = (
            cx.word_list("usually-lowercase"),
            cx.word_list("english-words"),
        ) else {
            return;
        };
        let words = Words {
            function,
            after_names,
            usual,
            openers,
            endings,
            prefixes,
            kb: cx.kb(),
            english,
            foreign: lexicons.with_prefix("stopwords-"),
        };
        let mut found = Vec::new();
        for (i, token) in doc.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = doc.slice(token.range);
            if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            // The shape first, then the words: most tokens have neither a
            // capital inside nor the length of a name and a word.
            let inner_capital = word.as_bytes()[1..].iter().any(u8::is_ascii_uppercase);
            let long_name = word.len() >= MIN_NAME + MIN_PART && !inner_capital;
            let short = word.len() <= MAX_PREFIX;
            if !(inner_capital || long_name || short) || !stands_alone(doc, token) {
                continue;
            }
            if let Some(seam) = inner_capital.then(|| camel_seam(word, &words)).flatten() {
                found.push((token.range, Glue::Space(seam), false));
            } else if let Some(seam) = long_name.then(|| name_and_word(word, &words)).flatten() {
                found.push((token.range, Glue::Space(seam), true));
            } else if let Some(next) = short.then(|| split_prefix(doc, i, &words)).flatten() {
                found.push((
                    TextRange::new(token.range.start(), next.range.end()),
                    Glue::Join,
                    true,
                ));
            }
        }
        for (range, glue, certain) in found {
            let text = doc.slice(range);
            match glue {
                Glue::Space(seam) => {
                    if !confirm_glued(doc, text, seam, &words) {
                        continue;
                    }
                    let (left, right) = text.split_at(seam);
                    let at = TextSize::from_usize(range.start().to_usize() + seam);
                    let description = format!("Write `{left} {right}`");
                    let edit = vec![Edit::replace(TextRange::new(at, at), " ")];
                    let fix = if certain {
                        Fix::safe(description, edit)
                    } else {
                        Fix::unsafe_(description, edit)
                    };
                    cx.report(
                        META.diagnostic(
                            range,
                            format!("`{text}` runs `{left}` and `{right}` together; the markup between them was dropped"),
                        )
                        .with_fix(fix),
                    );
                }
                Glue::Join => {
                    let joined: String = text.split(' ').collect();
                    let english = words.english;
                    let rest = text.split_once(' ').map_or("", |(_, rest)| rest);
                    if !english.contains(&joined) || !english.contains(rest) {
                        continue;
                    }
                    cx.report(
                        META.diagnostic(
                            range,
                            format!("`{text}` splits the word `{joined}` after its prefix"),
                        )
                        .with_fix(Fix::unsafe_(
                            format!("Write `{joined}`"),
                            vec![Edit::replace(range, joined.clone())],
                        )),
                    );
                }
            }
        }
    }
}

enum Glue {
    /// Two words: a space belongs at this byte.
    Space(usize),
    /// A prefix and its word: the space between them goes.
    Join,
}

/// A word between spaces or marks of a sentence, not part of a hashtag, a
/// handle, a URL or a file name ("@nytimes", "#StandWithUkraine",
/// "index.html").
fn stands_alone(doc: &Document, token: &Token) -> bool {
    if doc.overlaps_link(token.range) {
        return false;
    }
    let text = doc.text;
    let before = text[..token.range.start().to_usize()].chars().next_back();
    let after = text[token.range.end().to_usize()..].chars().next();
    let dotted = after == Some('.')
        && text[token.range.end().to_usize() + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    !matches!(before, Some('#' | '@' | '/' | '.' | '_' | '-' | '\'' | '’'))
        && !matches!(after, Some('/' | '_' | '@' | '-'))
        && !dotted
}

/// The seam of "reportedIt" or "EuropeAround": one capital after a
/// lower-case letter, a part of `MIN_PART` letters or more before it, and a
/// word that opens a segment after it. `None` for names in camel case.
fn camel_seam(word: &str, words: &Words) -> Option<usize> {
    let bytes = word.as_bytes();
    let mut seams = (1..bytes.len())
        .filter(|&k| bytes[k - 1].is_ascii_lowercase() && bytes[k].is_ascii_uppercase());
    let seam = seams.next()?;
    if seams.next().is_some() || seam < MIN_PART {
        return None;
    }
    let (left, right) = word.split_at(seam);
    // The left part is a lower-case word or a capitalised one ("McCain"
    // has a capital inside its first part); the right part a capitalised
    // word.
    if !left[1..].bytes().all(|b| b.is_ascii_lowercase())
        || right.len() < 2
        || !right[1..].bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let right_lower = right.to_ascii_lowercase();
    if !words.opens_segment(&right_lower) {
        return None;
    }
    // A capitalised first part must be a name ("EuropeAround"): a common
    // word there makes a name in camel case ("BlogHer", "AddThis").
    if left.starts_with(|c: char| c.is_ascii_uppercase())
        && (words.endings.contains(&right_lower)
            || words.usual.contains(left.to_ascii_lowercase().as_str()))
    {
        return None;
    }
    Some(seam)
}

/// The seam of "Zelenskythis": a capitalised word that is a known name of
/// `MIN_NAME` letters or more and a word of `glued-after-names`, split
/// only one way.
fn name_and_word(word: &str, words: &Words) -> Option<usize> {
    let bytes = word.as_bytes();
    if bytes.len() < MIN_NAME + MIN_PART
        || !bytes[0].is_ascii_uppercase()
        || !bytes[1..].iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    let mut splits = (MIN_NAME..=bytes.len() - MIN_PART)
        .filter(|&k| words.after_names.contains(&word[k..]) && words.is_known_name(&word[..k]));
    let seam = splits.next()?;
    splits.next().is_none().then_some(seam)
}

/// The word after a prefix that stands apart ("un conditional"): both lower
/// case, one space between them.
fn split_prefix<'d>(doc: &'d Document, i: usize, words: &Words) -> Option<&'d Token> {
    let prefix = doc.slice(doc.tokens[i].range);
    if i == 0 || !words.prefixes.contains(prefix) || !prefix.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    // An English word before it: "un" is the article of French, Spanish
    // and Italian, and «un certain malaise», "es un real" or a quotation
    // after a mark would join into English words.
    let before = &doc.tokens[i - 1];
    let before_word = doc.slice(before.range);
    if !doc.words_one_space_apart(before, &doc.tokens[i])
        || !words.english.contains(&before_word.to_ascii_lowercase())
        || (!words.function.contains(before_word)
            && words.foreign.iter().any(|(_, l)| l.contains(before_word)))
    {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    let gap = doc.slice(TextRange::new(
        doc.tokens[i].range.end(),
        next.range.start(),
    ));
    let rest = doc.slice(next.range);
    (next.kind == TokenKind::Word
        && gap == " "
        && rest.len() >= MIN_PART
        && rest.bytes().all(|b| b.is_ascii_lowercase()))
    .then_some(next)
}

/// Whether the token split at `seam` is no word of its own, its first part
/// is a word or a known name, and the article writes it once: a name in
/// camel case recurs.
fn confirm_glued(doc: &Document, text: &str, seam: usize, words: &Words) -> bool {
    let english = words.english;
    let left = &text[..seam];
    let whole = text.to_ascii_lowercase();
    if english.contains(&whole) {
        return false;
    }
    let left_known = english.contains(&left.to_ascii_lowercase()) || words.is_known_name(left);
    left_known && doc.text.matches(text).nth(1).is_none()
}

#[cfg(test)]
mod tests;

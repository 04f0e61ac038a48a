//! Where a name stands in its text.

use crate::lexicon::Lexicons;

/// A letter, a digit or a hyphen: what a name's words are made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The word before `start` when one space separates it from the match.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let before = text[..start].strip_suffix(' ')?;
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[from..])
}

/// The word after `end` when one space separates it from the match.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let after = text[end..].strip_prefix(' ')?;
    let len = after
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(after.len(), |(i, _)| i);
    (len > 0).then(|| &after[..len])
}

/// Whether a deprecated place spelling stands inside a longer capitalised
/// name, and so names a person or a club rather than the town: "Borislav
/// Mikhailov", "Pavel Glukhov", "Dynamo Kiev". A word that says what kind
/// of place it is ("Kharkov Oblast") or a small word of a Title Case
/// headline ("Shelling In Gorlovka") does not count.
pub fn inside_longer_name(lex: &Lexicons, text: &str, start: usize, end: usize) -> bool {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let place_kind = |w: &str| lex.get("place-kinds").is_some_and(|l| l.contains(w));
    word_before(text, start).is_some_and(|w| capitalised(w) && !lex.minor_words.contains(w))
        || word_after(text, end)
            .is_some_and(|w| capitalised(w) && !place_kind(w) && !lex.minor_words.contains(w))
}

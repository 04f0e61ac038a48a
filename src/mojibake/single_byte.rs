//! A single-byte text read with another single-byte code page
//! (Windows-1251 or KOI8-R read as Windows-1252): words of accented Latin
//! letters that become Cyrillic words.

use super::script::{plausible, script, Script};
use super::{Chain, CodePage, Finding};
use crate::text::is_alphabetic;

/// Windows-1251 or KOI8-R text read as Windows-1252 (or Latin-1): words
/// made only of accented Latin letters that become Cyrillic words.
pub(super) fn find_single_byte_in_line(line: &str) -> Vec<Finding> {
    let offset_of = |word: &str| word.as_ptr() as usize - line.as_ptr() as usize;
    // Each word's core (without the punctuation around it) and how many
    // characters of the upper half it has, if it is made of them only.
    let words: Vec<(&str, usize)> = line
        .split_whitespace()
        .map(|word| {
            let core = word.trim_matches(|c: char| {
                c.is_ascii_punctuation() || matches!(c, '«' | '»' | '“' | '”' | '„' | '…')
            });
            (core, single_byte_letters(core))
        })
        .collect();
    // A word that mixes ASCII letters with accented ones (`GÄLÄW`, `été`)
    // shows the line is in a Latin script with accents: its words of
    // accented letters only are that language too, or leetspeak.
    let latin_accented = line.split_whitespace().any(|word| {
        word.chars().any(|c| c.is_ascii_alphabetic())
            && word.chars().any(|c| matches!(c, '\u{c0}'..='\u{ff}'))
    });
    if latin_accented {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].1 == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && words[j].1 > 0 {
            j += 1;
        }
        // A group of such words; it needs one of three letters or more, so
        // that a lone `à` or `è` stays French or Italian.
        let group = &words[i..j];
        i = j;
        if !group.iter().any(|w| w.1 >= 3) {
            continue;
        }
        let start = offset_of(group[0].0);
        let last = group[group.len() - 1].0;
        let end = offset_of(last) + last.len();
        let span = &line[start..end];
        let best = [CodePage::Windows1251, CodePage::Koi8R]
            .into_iter()
            .filter_map(|was| {
                let decoded: String = span
                    .chars()
                    .map(|c| CodePage::Windows1252.byte_of(c).map(|b| was.decode_byte(b)))
                    .collect::<Option<String>>()?;
                let score = natural_case_words(&decoded);
                Some((was, decoded, score))
            })
            .max_by_key(|(was, _, score)| (*score, usize::from(*was == CodePage::Windows1251)));
        let Some((was, decoded, score)) = best else {
            continue;
        };
        let words_total = decoded
            .split_whitespace()
            .filter(|w| w.chars().any(is_alphabetic))
            .count();
        if score == words_total && plausible(&decoded) && has_vowels(&decoded) {
            out.push(Finding {
                start,
                end,
                repaired: decoded,
                chain: Chain::SingleByte {
                    was,
                    read_as: CodePage::Windows1252,
                },
                exact: group.len() >= 2 || span.chars().count() >= 4,
            });
        }
    }
    out
}

/// For a word made only of characters from the upper half of Windows-1252
/// (`Ïðèâåò`, `Óêðà¿íè`), with ASCII punctuation inside at most
/// (`Íüþ-Éîðê`), how many such characters it has; else 0. Real words in
/// Latin scripts mix in plain ASCII letters.
fn single_byte_letters(word: &str) -> usize {
    let mut count = 0;
    for c in word.chars() {
        match c {
            '«' | '»' | '\u{a0}' => return 0,
            '\u{a1}'..='\u{ff}' => count += 1,
            '-' | '\'' | '’' => {}
            _ => return 0,
        }
    }
    count
}

/// Whether every decoded word of three letters or more has a vowel: real
/// Cyrillic words do, and `Ффф` from `Ôôô` does not. Abbreviations in
/// capitals (`ФСБ`) need none.
fn has_vowels(text: &str) -> bool {
    text.split_whitespace().all(|word| {
        let letters = word.chars().filter(|c| is_alphabetic(*c)).count();
        letters < 3
            || word
                .chars()
                .filter(|c| is_alphabetic(*c))
                .all(char::is_uppercase)
            || word
                .chars()
                .any(|c| "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ".contains(c))
    })
}

/// How many words are Cyrillic in a natural case: all lower, all upper, or
/// a capital then lower case.
fn natural_case_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            // `Нью-Йорк`: each part of a hyphenated word on its own.
            w.split('-').all(|part| {
                let letters: Vec<char> = part.chars().filter(|c| is_alphabetic(*c)).collect();
                if letters.iter().any(|&c| script(c) != Some(Script::Cyrillic)) {
                    return false;
                }
                let rest_lower = letters.iter().skip(1).all(|c| c.is_lowercase());
                let all_upper = letters.iter().all(|c| c.is_uppercase());
                rest_lower || all_upper
            }) && w.chars().any(is_alphabetic)
        })
        .count()
}

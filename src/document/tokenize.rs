//! Tokens: words, numbers, links (URLs, domains, e-mail addresses, file
//! names) and single punctuation characters, as byte ranges of the text.

use unicode_normalization::char::canonical_combining_class;

use crate::lexicon::Lexicons;
use crate::text::{is_alphabetic, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner apostrophes: `Russia’s`, `G20`.
    Word,
    /// Digits with inner separators: `3.5`, `1,228`, `24`, `10:30`.
    Number,
    /// A URL, an e-mail address, a domain or a file name: `https://…`,
    /// `newschainonline.com`, `image.php`.
    Link,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: TextRange,
    pub kind: TokenKind,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

pub(super) fn tokenize(lexicons: &Lexicons, text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < text.len() {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if let Some(end) = scan_url(text, i) {
            (end, TokenKind::Link)
        } else if is_alphabetic(c) {
            scan_word(lexicons, text, i)
        } else if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        debug_assert!(end > i && text.is_char_boundary(end));
        tokens.push(Token {
            range: TextRange::from_usize(i, end),
            kind,
        });
        i = end;
    }
    tokens
}

/// `https://…`, `http://…` or `www.…` up to the next space, less trailing
/// punctuation.
fn scan_url(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    // Compared as bytes: slicing the text at byte 8 may cut a character,
    // and lower-casing "the rest" instead made tokenising quadratic.
    let starts = |prefix: &str| {
        rest.len() >= prefix.len()
            && rest.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if !(starts("http://") || starts("https://") || starts("www.")) {
        return None;
    }
    let mut end = start
        + rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»')
            })
            .unwrap_or(rest.len());
    while end > start {
        let last = text[..end].chars().next_back()?;
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’'
        ) {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > start + 4).then_some(end)
}

fn scan_alnum(text: &str, mut i: usize) -> usize {
    let mut chars = text[i..].chars().peekable();
    while let Some(c) = chars.next() {
        let inner_apostrophe = is_apostrophe(c) && chars.peek().is_some_and(|n| is_alphabetic(*n));
        if c.is_alphanumeric() || is_mark(c) || inner_apostrophe {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && canonical_combining_class(c) != 0
}

/// A word, or a dotted name that is a domain, an e-mail address or a file
/// name (`newschainonline.com`, `image.php`, `press@un.org`).
fn scan_word(lexicons: &Lexicons, text: &str, start: usize) -> (usize, TokenKind) {
    let word_end = scan_alnum(text, start);
    // Follow a chain `label(.label)+` or `local@label(.label)+`.
    let bytes = text.as_bytes();
    let mut end = word_end;
    let mut labels = 1;
    let mut last_label = start..word_end;
    let mut email = false;
    loop {
        let sep = bytes.get(end).copied();
        let allowed = match sep {
            Some(b'.') | Some(b'-') => true,
            Some(b'@') => !email,
            _ => false,
        };
        if !allowed {
            break;
        }
        let next_start = end + 1;
        let next_end = scan_alnum(text, next_start);
        if next_end == next_start {
            break;
        }
        if sep == Some(b'@') {
            email = true;
        }
        if sep == Some(b'.') {
            labels += 1;
            last_label = next_start..next_end;
        } else if sep == Some(b'-') && labels == 1 && !email {
            // A hyphenated word is two words unless a domain follows.
            let after = scan_alnum(text, next_start);
            if bytes.get(after) != Some(&b'.') {
                break;
            }
        }
        end = next_end;
    }
    if labels >= 2 && is_top_level_label(lexicons, &text[last_label]) {
        return (end, TokenKind::Link);
    }
    (word_end, TokenKind::Word)
}

/// A final label of a domain or a file extension: 2 to 6 lower-case ASCII
/// letters (`com`, `org`, `php`, `html`), or a known top-level domain in any
/// case (`Com`, `UA`). `Nations.A`, `U.S`, `e.g` and `Again.The` fail.
fn is_top_level_label(lexicons: &Lexicons, label: &str) -> bool {
    if !(2..=6).contains(&label.len()) || !label.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    label.bytes().all(|b| b.is_ascii_lowercase())
        || lexicons
            .get("top-level-domains")
            .is_some_and(|l| l.contains(label))
}

fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let separator =
            matches!(b, b'.' | b',' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    // `1990s`, `24th`, `10km`: letters glued on stay in the token.
    scan_alnum(text, i)
}

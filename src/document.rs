//! The parsed article that every rule reads: lines, paragraphs, sentences,
//! tokens, headline flags and normalised views, all built once.
//!
//! Rules never re-tokenise. Everything here is a byte range into
//! [`Document::text`], so a rule can hand any of it straight to a
//! diagnostic.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::lexicon::Lexicons;
use crate::text::{LineIndex, TextRange, TextSize};

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

#[derive(Clone, Debug)]
pub struct Line {
    /// The line without its line ending.
    pub range: TextRange,
    pub blank: bool,
    /// A short line in Title Case without final punctuation.
    pub headline: bool,
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub range: TextRange,
    /// Indices into [`Document::lines`].
    pub lines: std::ops::Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub range: TextRange,
    /// Indices into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
    pub paragraph: usize,
}

/// A transformed copy of the text (NFC, or case-folded) with a map from its
/// offsets back to the original.
#[derive(Debug)]
pub struct NormalizedText {
    pub text: String,
    /// `(normalised start, original start, same length)` for each run; a run
    /// whose length changed maps all its inner offsets to its start.
    runs: Vec<(u32, u32, bool)>,
    original_len: u32,
}

impl NormalizedText {
    fn identity(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            runs: vec![(0, 0, true)],
            original_len: text.len() as u32,
        }
    }

    /// The original offset that `offset` in the normalised text comes from.
    pub fn to_original(&self, offset: usize) -> TextSize {
        let offset = offset as u32;
        let i = self.runs.partition_point(|run| run.0 <= offset).max(1) - 1;
        let (norm_start, orig_start, same) = self.runs[i];
        let mapped = if same {
            orig_start + (offset - norm_start)
        } else if offset == norm_start {
            orig_start
        } else {
            // Inside a run that changed length: the end of the run is the
            // only position that is safe on both sides.
            self.runs
                .get(i + 1)
                .map_or(self.original_len, |next| next.1)
        };
        TextSize::new(mapped.min(self.original_len))
    }

    pub fn range_to_original(&self, start: usize, end: usize) -> TextRange {
        let start = self.to_original(start);
        let end = self.to_original(end).max(start);
        TextRange::new(start, end)
    }

    fn push(&mut self, orig_start: usize, original: &str, normalized: &str) {
        let same = original.len() == normalized.len();
        let norm_start = self.text.len() as u32;
        let last_same = self.runs.last().is_some_and(|run| run.2);
        if !(same && last_same) {
            self.runs.push((norm_start, orig_start as u32, same));
        }
        self.text.push_str(normalized);
    }
}

/// An article, parsed once.
pub struct Document<'a> {
    pub text: &'a str,
    pub line_index: LineIndex,
    pub lines: Vec<Line>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    nfc: OnceLock<NormalizedText>,
    folded: OnceLock<NormalizedText>,
    mojibake: OnceLock<Vec<crate::mojibake::Finding>>,
}

impl<'a> Document<'a> {
    /// Parses `text`. The lexicons say which words are abbreviations (a
    /// full stop after them ends no sentence), which stay lower case in a
    /// Title Case headline, and which labels end a domain name.
    pub fn new(text: &'a str, lexicons: &Lexicons) -> Self {
        let line_index = LineIndex::new(text);
        let tokens = tokenize(lexicons, text);
        let mut doc = Document {
            text,
            lines: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens,
            line_index,
            nfc: OnceLock::new(),
            folded: OnceLock::new(),
            mojibake: OnceLock::new(),
        };
        doc.build_lines_and_paragraphs(lexicons);
        doc.build_sentences(lexicons);
        doc
    }

    pub fn slice(&self, range: TextRange) -> &'a str {
        &self.text[range.to_std()]
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: TextSize) -> usize {
        self.line_index.line_of(offset)
    }

    /// The paragraph holding `offset`, if it is not on a blank line.
    pub fn paragraph_at(&self, offset: TextSize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.end() < offset);
        (i < self.paragraphs.len() && self.paragraphs[i].range.start() <= offset).then_some(i)
    }

    /// The index of the first token that ends after `offset`.
    pub fn token_at_or_after(&self, offset: TextSize) -> usize {
        self.tokens.partition_point(|t| t.range.end() <= offset)
    }

    /// Whether `range` touches a link token (a URL, a domain, an e-mail
    /// address): rules leave what is inside links alone.
    pub fn overlaps_link(&self, range: TextRange) -> bool {
        self.tokens[self.token_at_or_after(range.start())..]
            .iter()
            .take_while(|t| t.range.start() < range.end())
            .any(|t| t.kind == TokenKind::Link)
    }

    pub fn token_text(&self, index: usize) -> &'a str {
        self.slice(self.tokens[index].range)
    }

    /// Whether `line` is a headline (see [`Line::headline`]).
    pub fn is_headline_at(&self, offset: TextSize) -> bool {
        self.lines[self.line_of(offset)].headline
    }

    /// The text in Unicode Normalisation Form C.
    pub fn nfc(&self) -> &NormalizedText {
        self.nfc
            .get_or_init(|| normalize(self.text, |_| false, append_nfc))
    }

    /// The stretches of mojibake in the text, found once for every rule
    /// that needs them.
    pub fn mojibake(&self) -> &[crate::mojibake::Finding] {
        self.mojibake
            .get_or_init(|| crate::mojibake::find(self.text))
    }

    /// The text in NFC and lower case, for case-insensitive matching.
    pub fn folded(&self) -> &NormalizedText {
        self.folded
            .get_or_init(|| normalize(self.text, changes_case, append_folded))
    }

    fn build_lines_and_paragraphs(&mut self, lexicons: &Lexicons) {
        let text = self.text;
        let mut lines = Vec::with_capacity(self.line_index.line_count());
        for i in 0..self.line_index.line_count() {
            let range = self.line_index.line_range(i, text);
            let content = &text[range.to_std()];
            let blank = content.trim().is_empty();
            lines.push(Line {
                range,
                blank,
                headline: false,
            });
        }
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if lines[i].blank {
                i += 1;
                continue;
            }
            let first = i;
            while i < lines.len() && !lines[i].blank {
                i += 1;
            }
            let range = TextRange::new(lines[first].range.start(), lines[i - 1].range.end());
            let tokens = self.token_span(range);
            paragraphs.push(Paragraph {
                range,
                lines: first..i,
                tokens,
            });
        }
        for line in &mut lines {
            if !line.blank {
                let first = self
                    .tokens
                    .partition_point(|t| t.range.end() <= line.range.start());
                let last = self
                    .tokens
                    .partition_point(|t| t.range.start() < line.range.end());
                line.headline = is_headline(lexicons, text, &self.tokens[first..last]);
            }
        }
        self.lines = lines;
        self.paragraphs = paragraphs;
    }

    fn token_span(&self, range: TextRange) -> std::ops::Range<usize> {
        let first = self
            .tokens
            .partition_point(|t| t.range.end() <= range.start());
        let last = self
            .tokens
            .partition_point(|t| t.range.start() < range.end());
        first..last.max(first)
    }

    fn build_sentences(&mut self, lexicons: &Lexicons) {
        let mut sentences = Vec::new();
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            split_sentences(
                lexicons,
                self.text,
                &self.tokens,
                paragraph.tokens.clone(),
                index,
                &mut sentences,
            );
        }
        self.sentences = sentences;
    }
}

/// Appends `run` in NFC.
fn append_nfc(run: &str, out: &mut String) {
    if run.is_ascii() {
        out.push_str(run);
    } else {
        out.extend(run.nfc());
    }
}

/// Appends `run` in NFC and lower case; ASCII a byte at a time.
fn append_folded(run: &str, out: &mut String) {
    if run.is_ascii() {
        let start = out.len();
        out.push_str(run);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(run.nfc().flat_map(char::to_lowercase));
    }
}

/// Whether lower-casing changes `c`.
fn changes_case(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    !(lower.next() == Some(c) && lower.next().is_none())
}

/// `text` transformed run by run, with the map back to the original.
/// `changes` says whether the transform changes a character of NFC text,
/// so that text it leaves alone is found without transforming it.
fn normalize(
    text: &str,
    changes: impl Fn(char) -> bool,
    mut transform: impl FnMut(&str, &mut String),
) -> NormalizedText {
    let mut out = NormalizedText {
        text: String::with_capacity(text.len()),
        runs: Vec::new(),
        original_len: text.len() as u32,
    };
    if text.is_ascii() {
        // ASCII is already NFC and lower-cases byte for byte, so the
        // transformed text lines up with the original everywhere.
        transform(text, &mut out.text);
        out.runs.push((0, 0, true));
        return out;
    }
    if is_nfc_quick(text.chars()) == IsNormalized::Yes && !text.chars().any(&changes) {
        return NormalizedText::identity(text);
    }
    // Runs begin at each starter (combining class 0), so composition never
    // crosses a run boundary and every run maps back as a whole. Stretches
    // of ASCII are one run each: they keep their length.
    let bytes = text.as_bytes();
    let mut buffer = String::new();
    let mut i = 0;
    while i < text.len() {
        if bytes[i].is_ascii() {
            let mut j = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(text.len(), |n| i + n);
            // An ASCII letter with a combining mark after it composes.
            if text[j..]
                .chars()
                .next()
                .is_some_and(|c| canonical_combining_class(c) != 0)
            {
                j -= 1;
            }
            if j > i {
                let run = &text[i..j];
                buffer.clear();
                transform(run, &mut buffer);
                out.push(i, run, &buffer);
                i = j;
                continue;
            }
        }
        let mut end = i + text[i..].chars().next().map_or(1, char::len_utf8);
        while let Some(c) = text[end..].chars().next() {
            if canonical_combining_class(c) == 0 {
                break;
            }
            end += c.len_utf8();
        }
        let run = &text[i..end];
        buffer.clear();
        transform(run, &mut buffer);
        out.push(i, run, &buffer);
        i = end;
    }
    if out.runs.is_empty() {
        out.runs.push((0, 0, true));
    }
    out
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '„' | '‚' | '(' | '[')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '"' | '\'' | ')' | ']')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn tokenize(lexicons: &Lexicons, text: &str) -> Vec<Token> {
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
        } else if c.is_alphabetic() {
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
        let inner_apostrophe = is_apostrophe(c) && chars.peek().is_some_and(|n| n.is_alphabetic());
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

/// Words that may stay lower case in a Title Case headline.
fn is_minor_word(lexicons: &Lexicons, word: &str) -> bool {
    lexicons.minor_words.contains(&word.to_lowercase())
}

fn is_headline(lexicons: &Lexicons, text: &str, tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.range.to_std()])
        .collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    if let Some(last) = tokens.last() {
        let last = &text[last.range.to_std()];
        if matches!(last, "." | "," | ";" | ":" | "!") {
            return false;
        }
    }
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper(words[0]) {
        return false;
    }
    words[1..]
        .iter()
        .all(|w| starts_upper(w) || is_minor_word(lexicons, w))
}

fn split_sentences(
    lex: &Lexicons,
    text: &str,
    tokens: &[Token],
    span: std::ops::Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut first = span.start;
    let mut i = span.start;
    let char_of = |t: &Token| text[t.range.to_std()].chars().next().unwrap_or(' ');
    while i < span.end {
        let token = tokens[i];
        if token.kind != TokenKind::Punct || !is_sentence_end(char_of(&token)) {
            i += 1;
            continue;
        }
        // Take in the punctuation and closing quotes glued to the stop: `?!`, `.”`, `…)`.
        let mut last = i;
        while last + 1 < span.end {
            let next = tokens[last + 1];
            let c = char_of(&next);
            if next.range.start() == tokens[last].range.end()
                && next.kind == TokenKind::Punct
                && (is_sentence_end(c) || is_closing_quote(c))
            {
                last += 1;
            } else {
                break;
            }
        }
        let ends = if last + 1 == span.end {
            true
        } else {
            let next = tokens[last + 1];
            let gap = &text[tokens[last].range.end().to_usize()..next.range.start().to_usize()];
            let next_char = char_of(&next);
            let spaced = !gap.is_empty();
            let starts_new = next_char.is_uppercase()
                || next_char.is_ascii_digit()
                || is_opening_quote(next_char)
                || next_char == '"';
            let abbreviation = char_of(&token) == '.'
                && i > span.start
                && tokens[i - 1].range.end() == token.range.start()
                && tokens[i - 1].kind == TokenKind::Word
                && is_abbreviation(lex, &text[tokens[i - 1].range.to_std()]);
            spaced && starts_new && !abbreviation
        };
        if ends {
            out.push(Sentence {
                range: TextRange::new(tokens[first].range.start(), tokens[last].range.end()),
                tokens: first..last + 1,
                paragraph,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    if first < span.end {
        out.push(Sentence {
            range: TextRange::new(
                tokens[first].range.start(),
                tokens[span.end - 1].range.end(),
            ),
            tokens: first..span.end,
            paragraph,
        });
    }
}

/// `Mr`, `Gen`, `etc` from the lexicon, or a single letter (an initial,
/// or the last letter of `U.S`, `J.R.R`).
fn is_abbreviation(lex: &Lexicons, word: &str) -> bool {
    word.chars().count() == 1 || lex.abbreviations.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text, crate::lexicon::builtin());
        doc.sentences.iter().map(|s| doc.slice(s.range)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let doc = Document::new(text, crate::lexicon::builtin());
        doc.tokens
            .iter()
            .map(|t| (doc.slice(t.range), t.kind))
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations_initials_or_decimals() {
        assert_eq!(
            sentences("Mr. Cleverly met U.S. officials in J.R.R. Hall. It cost 3.5 million, or 1,228 each. Fine."),
            vec![
                "Mr. Cleverly met U.S. officials in J.R.R. Hall.",
                "It cost 3.5 million, or 1,228 each.",
                "Fine."
            ]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(
            sentences("“The bodies were not fake,” he said. “They were real.” Then he left."),
            vec![
                "“The bodies were not fake,” he said.",
                "“They were real.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn sentences_do_not_cross_paragraphs() {
        let doc = Document::new(
            "First line\n\nSecond one. Third.\r\n",
            crate::lexicon::builtin(),
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[1].paragraph, 1);
    }

    #[test]
    fn recognises_urls_domains_and_numbers() {
        assert_eq!(
            kinds("See https://img.example.com/a.php?url=3, newschainonline.com and 1,228."),
            vec![
                ("See", TokenKind::Word),
                ("https://img.example.com/a.php?url=3", TokenKind::Link),
                (",", TokenKind::Punct),
                ("newschainonline.com", TokenKind::Link),
                ("and", TokenKind::Word),
                ("1,228", TokenKind::Number),
                (".", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn does_not_take_a_missing_space_for_a_domain() {
        let k = kinds("Nations.A theme, U.S. and e.g. this");
        assert_eq!(k[0], ("Nations", TokenKind::Word));
        assert_eq!(k[1], (".", TokenKind::Punct));
        assert_eq!(k[2], ("A", TokenKind::Word));
    }

    #[test]
    fn keeps_apostrophes_inside_words() {
        let k = kinds("Russia’s 'newbies' don't");
        assert_eq!(k[0].0, "Russia’s");
        assert_eq!(k[1].0, "'");
        assert_eq!(k[2].0, "newbies");
        assert_eq!(k.last().unwrap().0, "don't");
    }

    #[test]
    fn detects_title_case_headlines_only() {
        let doc = Document::new(
            "Foreign Secretary to Condemn Russian Atrocities at UN\n\nThe Foreign Secretary is to condemn Moscow.\n\nRead Also on ForumDaily:\n",
            crate::lexicon::builtin(),
        );
        let flags: Vec<bool> = doc
            .lines
            .iter()
            .filter(|l| !l.blank)
            .map(|l| l.headline)
            .collect();
        assert_eq!(flags, vec![true, false, false]);
    }

    #[test]
    fn maps_folded_offsets_back_to_the_original() {
        let text = "Zuzana C\u{30C}aputova\u{301} IN KYIV";
        let doc = Document::new(text, crate::lexicon::builtin());
        let folded = doc.folded();
        assert_eq!(folded.text, "zuzana čaputová in kyiv");
        let at = folded.text.find("kyiv").unwrap();
        assert_eq!(
            folded.to_original(at).to_usize(),
            text.find("KYIV").unwrap()
        );
        let ca = folded.text.find("aputov").unwrap();
        assert_eq!(
            folded.to_original(ca).to_usize(),
            text.find("aputov").unwrap()
        );
    }
}

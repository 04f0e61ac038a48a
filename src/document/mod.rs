//! The parsed article that every rule reads: lines, paragraphs, sentences,
//! tokens, headline flags and normalised views, all built once.
//!
//! Rules never re-tokenise. Everything here is a byte range into
//! [`Document::text`], so a rule can hand any of it straight to a
//! diagnostic.

mod normalize;
mod sentences;
#[cfg(test)]
mod tests;
mod tokenize;

use std::sync::OnceLock;

use crate::lexicon::Lexicons;
use crate::text::{LineIndex, TextRange, TextSize};

pub use normalize::NormalizedText;
use normalize::{append_folded, append_nfc, changes_case, normalize};
use tokenize::tokenize;
pub use tokenize::{Token, TokenKind};

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

    /// Whether `a` and `b` are two words with exactly one space between
    /// them: the words of one name or phrase, as the rules read them.
    pub fn words_one_space_apart(&self, a: &Token, b: &Token) -> bool {
        a.kind == TokenKind::Word
            && b.kind == TokenKind::Word
            && self.slice(TextRange::new(a.range.end(), b.range.start())) == " "
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
}

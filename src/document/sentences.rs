//! The structure of an article over its tokens: lines, paragraphs, the
//! headline flag of each line, and the sentences of each paragraph.

use crate::lexicon::Lexicons;
use crate::text::TextRange;

use super::{Document, Line, Paragraph, Sentence, Token, TokenKind};

impl Document<'_> {
    pub(super) fn build_lines_and_paragraphs(&mut self, lexicons: &Lexicons) {
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

    pub(super) fn build_sentences(&mut self, lexicons: &Lexicons) {
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

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '„' | '‚' | '(' | '[')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '"' | '\'' | ')' | ']')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
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

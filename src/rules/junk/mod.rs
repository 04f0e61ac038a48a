//! Scraper junk: what a scraper carried in from the page around the
//! article.

pub mod foreign_paragraph;
pub mod furniture;
pub mod pull_quote;
pub mod scraper_line;
#[cfg(test)]
mod signal_gate;
pub mod site_suffix;

use crate::document::Document;
use crate::text::TextRange;

/// What deleting paragraph `i` removes: the paragraph with the blank lines
/// after it (before it, when it is the last), so the text keeps one
/// paragraph break.
pub(crate) fn paragraph_with_break(doc: &Document, i: usize) -> TextRange {
    let paragraph = &doc.paragraphs[i];
    match (doc.paragraphs.get(i + 1), i.checked_sub(1)) {
        (Some(next), _) => TextRange::new(paragraph.range.start(), next.range.start()),
        (None, Some(previous)) => {
            TextRange::new(doc.paragraphs[previous].range.end(), paragraph.range.end())
        }
        (None, None) => paragraph.range,
    }
}

/// Whether a text ends as a sentence does: a full stop, a question or
/// exclamation mark, an ellipsis, perhaps inside a closing quote or bracket.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

/// A Markdown code block (fenced or indented): code is neither prose nor
/// junk.
pub(crate) fn is_code(text: &str) -> bool {
    text.lines()
        .any(|line| line.starts_with("```") || line.starts_with("    ") || line.starts_with('\t'))
}

//! `typography.multiple-spaces`: two or more spaces between words inside a
//! line, where a scraper joined two pieces of a page or a translation
//! engine dropped a word. Indentation, trailing space and Markdown tables
//! are not its business, and neither are two spaces between two sentences
//! ("He left.  Then"): a typing convention, not damage.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct MultipleSpaces;

static META: RuleMeta = RuleMeta::builtin(
    "typography.multiple-spaces",
    Category::Typography,
    Severity::Info,
    "A run of spaces between two words inside a line.",
    true,
);

impl Check for MultipleSpaces {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for line in doc.lines.iter().filter(|l| !l.blank) {
            let text = doc.slice(line.range);
            let content_start = text.len() - text.trim_start().len();
            let content = text.trim();
            // Code blocks (four spaces or a tab) and Markdown tables align with spaces.
            if content_start >= 4 || text.starts_with('\t') || content.starts_with('|') {
                continue;
            }
            let base = line.range.start().to_usize() + content_start;
            // A run of spaces, no-break spaces among them: `Telegram\u{a0} and`.
            let mut run: Option<(usize, usize)> = None;
            for (i, c) in content.char_indices().chain([(content.len(), 'x')]) {
                if c == ' ' || c == '\u{a0}' {
                    let (start, count) = run.unwrap_or((i, 0));
                    run = Some((start, count + 1));
                    continue;
                }
                if let Some((start, count)) = run.take() {
                    let between_sentences = count == 2
                        && content[start..i].bytes().all(|b| b == b' ')
                        && between_sentences(doc, base + start, base + i);
                    if count >= 2 && !between_sentences {
                        let range = TextRange::from_usize(base + start, base + i);
                        cx.report(
                            META.diagnostic(
                                range,
                                format!("{count} spaces in a row between two words"),
                            )
                            .with_fix(Fix::safe(
                                "Replace with one space",
                                vec![Edit::replace(range, " ")],
                            )),
                        );
                    }
                }
            }
        }
    }
}

/// Whether `start..end` is the gap between two sentences of the document,
/// the first ending with a full stop, a question or an exclamation mark
/// (before its closing quotes): the sentence split has already told an
/// abbreviation (`Mr.`, `U.S.`) from the end of a sentence.
fn between_sentences(doc: &Document, start: usize, end: usize) -> bool {
    let ends = |s: &crate::document::Sentence| s.range.end().to_usize();
    let Ok(k) = doc.sentences.binary_search_by_key(&start, ends) else {
        return false;
    };
    let next_starts_here = doc
        .sentences
        .get(k + 1)
        .is_some_and(|next| next.range.start().to_usize() == end);
    let closed = doc.text[..start]
        .trim_end_matches(['”', '’', '"', '\'', '»', ')'])
        .ends_with(['.', '?', '!']);
    next_starts_here && closed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_runs_of_spaces_between_words() {
        assert_fixes(
            &MultipleSpaces,
            "subscribe to our Telegram  and Instagram",
            "subscribe to our Telegram and Instagram",
        );
        assert_fixes(&MultipleSpaces, "one.   Two", "one. Two");
        assert_fixes(&MultipleSpaces, "Telegram\u{a0} and", "Telegram and");
        // Inside a sentence, after an abbreviation or an initial.
        assert_fixes(&MultipleSpaces, "Mr.  Smith left.", "Mr. Smith left.");
        assert_fixes(&MultipleSpaces, "the U.S.  Army", "the U.S. Army");
        // Not two sentences: no capital after the stop.
        assert_fixes(&MultipleSpaces, "It ended.  then", "It ended. then");
        // Two spaces between sentences, but one of them a no-break space.
        assert_fixes(&MultipleSpaces, "It ended.\u{a0} Then", "It ended. Then");
    }

    #[test]
    fn allows_two_spaces_between_sentences() {
        for text in [
            "The talks ended.  Then the delegates left.",
            "Was it over?  Nobody knew!  \"Yes,\" he said.",
            "He said: \"It is over.\"  The hall emptied.",
            "“We will see.”  Nobody answered.",
        ] {
            assert_clean(&MultipleSpaces, text);
        }
    }

    #[test]
    fn allows_indentation_trailing_space_and_tables() {
        for text in [
            "  indented line",
            "    code  block",
            "end of line  \n",
            "| a  | b |",
            "single spaces only, and 10\u{a0}km with one no-break space",
        ] {
            assert_clean(&MultipleSpaces, text);
        }
    }
}

//! `typography.multiple-spaces`: two or more spaces between words inside a
//! line, where a scraper joined two pieces of a page or a translation
//! engine dropped a word. Indentation, trailing space and Markdown tables
//! are not its business.

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
                    if count >= 2 {
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

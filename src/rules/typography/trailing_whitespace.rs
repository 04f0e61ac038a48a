//! `typography.trailing-whitespace`: spaces or tabs at the end of a line,
//! or a line of nothing but whitespace, which scrapers leave where a page
//! had a widget.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct TrailingWhitespace;

static META: RuleMeta = RuleMeta::builtin(
    "typography.trailing-whitespace",
    Category::Typography,
    Severity::Info,
    "Whitespace at the end of a line, or a line of whitespace only.",
    true,
);

impl Check for TrailingWhitespace {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for line in &doc.lines {
            let text = doc.slice(line.range);
            let kept = text.trim_end_matches(|c: char| c.is_whitespace());
            if kept.len() == text.len() {
                continue;
            }
            let range = TextRange::from_usize(
                line.range.start().to_usize() + kept.len(),
                line.range.end().to_usize(),
            );
            let message = if kept.is_empty() {
                "The line holds only whitespace".to_owned()
            } else {
                "Whitespace at the end of the line".to_owned()
            };
            cx.report(META.diagnostic(range, message).with_fix(Fix::safe(
                "Remove the trailing whitespace",
                vec![Edit::delete(range)],
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_whitespace_at_line_ends() {
        assert_fixes(
            &TrailingWhitespace,
            "Comments / 0 \r\nnext\t\n \n",
            "Comments / 0\r\nnext\n\n",
        );
    }

    #[test]
    fn allows_clean_lines_and_line_endings() {
        assert_clean(&TrailingWhitespace, "one\r\ntwo\n\nthree");
    }
}

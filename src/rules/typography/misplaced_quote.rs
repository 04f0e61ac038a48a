//! `typography.misplaced-quote`: a quotation closed with an opening quote
//! mark after a space, as machine translation leaves it: "Today, we are
//! reaping it all. “". A paragraph that opens a quotation and leaves it open
//! because the quotation goes on in the next paragraph is correct and is
//! left alone; so is every quote mark that has text after it, and a `»`
//! that closes no `«`: an arrow after the text of a link ("Continue
//! reading »", "Older posts »").

use crate::diagnostic::{Category, Edit, Fix, Safety, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct MisplacedQuote;

static META: RuleMeta = RuleMeta::builtin(
    "typography.misplaced-quote",
    Category::Typography,
    Severity::Warning,
    "A closing quote mark that faces the wrong way or stands apart after a space at the end of a paragraph.",
    true,
);

fn is_quote(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "«" | "»")
}

impl Check for MisplacedQuote {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for paragraph in &doc.paragraphs {
            let span = paragraph.tokens.clone();
            if span.len() < 2 {
                continue;
            }
            let last = span.end - 1;
            let quote = doc.tokens[last];
            let mark = doc.slice(quote.range);
            if quote.kind != TokenKind::Punct || !is_quote(mark) {
                continue;
            }
            let before = doc.tokens[last - 1];
            if before.range.end() == quote.range.start() {
                continue;
            }
            let gap = TextRange::new(before.range.end(), quote.range.start());
            if doc.slice(gap).contains(['\n', '\r']) {
                continue;
            }
            let (closing, faces_wrong_way) = match mark {
                "“" => ("”", true),
                "«" => ("»", true),
                other => (other, false),
            };
            let marks_before = || {
                doc.tokens[span.start..last]
                    .iter()
                    .map(|t| doc.slice(t.range))
                    .filter(|s| is_quote(s))
            };
            // `Continue reading »`: with no `«` open before it, the mark is
            // an arrow after the text of a link.
            if mark == "»" && marks_before().rfind(|s| matches!(*s, "«" | "»")) != Some("«") {
                continue;
            }
            // Safe only when a quotation is open at this point, so the mark
            // can only be its end.
            let open = marks_before()
                .last()
                .is_some_and(|s| matches!(s, "“" | "«") || (s == "\"" && mark == "\""));
            let safety = if open { Safety::Safe } else { Safety::Unsafe };
            let range = TextRange::new(before.range.start(), quote.range.end());
            let message = if faces_wrong_way {
                format!("The quotation ends with `{mark}`, an opening quote mark after a space; it should close with `{closing}`")
            } else {
                format!(
                    "The closing quote mark `{mark}` is separated from the quotation by a space"
                )
            };
            let replaced = TextRange::new(gap.start(), quote.range.end());
            cx.report(META.diagnostic(range, message).with_fix(Fix::new(
                format!("Close the quotation with `{closing}` right after the last word"),
                safety,
                vec![Edit::replace(replaced, closing)],
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, diagnostics};

    #[test]
    fn flags_a_quotation_closed_with_an_opening_mark() {
        assert_fixes(
            &MisplacedQuote,
            "Makei said. “No one takes this seriously. Today, we are reaping it all. “\n",
            "Makei said. “No one takes this seriously. Today, we are reaping it all.”\n",
        );
        assert_fixes(&MisplacedQuote, "“Win this war. ”", "“Win this war.”");
        assert_fixes(
            &MisplacedQuote,
            "Он сказал: «Мы вернёмся »",
            "Он сказал: «Мы вернёмся»",
        );
    }

    #[test]
    fn offers_only_an_unsafe_fix_when_no_quotation_is_open() {
        let found = diagnostics(&MisplacedQuote, "He said it all. “");
        assert_eq!(found[0].fix.as_ref().unwrap().safety, Safety::Unsafe);
    }

    #[test]
    fn allows_quotations_that_go_on_in_the_next_paragraph() {
        assert_clean(
            &MisplacedQuote,
            "“But every day, the devastating consequences become more clear.\n\n“We can and must make clear to President Putin that he must withdraw.”\n",
        );
        assert_clean(
            &MisplacedQuote,
            "He is expected to say: “Ukrainians’ resilience continues to inspire.\n",
        );
        assert_clean(
            &MisplacedQuote,
            "“The bodies I saw were not fake,” he said.\n“Quote”\n",
        );
    }

    #[test]
    fn allows_a_guillemet_that_is_the_arrow_of_a_link() {
        for text in [
            "Continue reading »\n",
            "The council meets again in March. Full coverage »\n",
            "He called it «a farce». Older posts »\n",
        ] {
            assert_clean(&MisplacedQuote, text);
        }
    }
}

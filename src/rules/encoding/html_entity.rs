//! `encoding.html-entity`: an HTML character reference left in the text by
//! a scraper (`&amp;`, `&#8217;`, `&nbsp;`). Its meaning is fixed by the
//! HTML standard, so the fix is safe.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct HtmlEntity;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.html-entity",
    Category::Encoding,
    Severity::Warning,
    "An HTML entity such as `&amp;` or `&#8217;` left in the text.",
    true,
);

/// The named references that scraped news text carries, from the HTML
/// standard's table.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bdquo", '„'),
    ("bull", '•'),
    ("copy", '©'),
    ("deg", '°'),
    ("euro", '€'),
    ("gt", '>'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("shy", '\u{ad}'),
    ("times", '×'),
    ("trade", '™'),
];

/// The character a reference such as `amp`, `#8217` or `#x2019` stands for.
fn resolve(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // Controls and the null character are not text.
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t');
    }
    NAMED
        .binary_search_by_key(&name, |&(n, _)| n)
        .ok()
        .map(|i| NAMED[i].1)
}

impl Check for HtmlEntity {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        let bytes = text.as_bytes();
        for (start, _) in text.match_indices('&') {
            // `&name;` with at most 10 characters of name.
            let rest = &bytes[start + 1..bytes.len().min(start + 12)];
            let Some(semi) = rest.iter().position(|&b| b == b';') else {
                continue;
            };
            let name = &text[start + 1..start + 1 + semi];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
                continue;
            }
            let Some(c) = resolve(name) else {
                continue;
            };
            let range = TextRange::from_usize(start, start + semi + 2);
            // `?a=1&amp;b=2` inside a link is the link's business.
            if doc.overlaps_link(range) {
                continue;
            }
            let shown = if c == '\u{a0}' {
                "a no-break space".to_owned()
            } else if c == '\u{ad}' {
                "a soft hyphen".to_owned()
            } else {
                format!("`{c}`")
            };
            cx.report(
                META.diagnostic(
                    range,
                    format!(
                        "`&{name};` is an HTML entity left by the scraper; it stands for {shown}"
                    ),
                )
                .with_fix(Fix::safe(
                    format!("Replace with {shown}"),
                    vec![Edit::replace(range, c.to_string())],
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn the_named_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn flags_and_decodes_entities() {
        assert_fixes(&HtmlEntity, "Tom &amp; Jerry", "Tom & Jerry");
        assert_fixes(&HtmlEntity, "Ukraine&#8217;s army", "Ukraine’s army");
        assert_fixes(&HtmlEntity, "Ukraine&#x2019;s army", "Ukraine’s army");
        assert_fixes(&HtmlEntity, "10&nbsp;km", "10\u{a0}km");
        assert_fixes(&HtmlEntity, "&laquo;Yes&raquo;", "«Yes»");
    }

    #[test]
    fn allows_look_alikes() {
        for text in [
            "AT&T and R&D; Q&A",
            "Tom & Jerry; a &madeup; name",
            "&#0; and &#1; are not text",
            "https://example.com/?a=1&amp;b=2",
        ] {
            assert_clean(&HtmlEntity, text);
        }
    }
}

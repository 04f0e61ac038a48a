//! `junk.site-suffix`: the name of the site a scraper glued to the
//! headline ("Blinken and Lavrov met for the first time - ForumDaily").
//!
//! A headline may end in " - Name" for other reasons ("Talks in Geneva -
//! Russia"), so the suffix is taken for a site name only when the article
//! itself agrees: the name is glued CamelCase or a domain (ForumDaily,
//! NewsBreak, Example.com), which no headline writes for a place or a
//! person, or it turns up again further down the page (in "Read also on
//! ForumDaily:") and is not a country or a place the knowledge base knows.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct SiteSuffix;

static META: RuleMeta = RuleMeta::builtin(
    "junk.site-suffix",
    Category::Junk,
    Severity::Warning,
    "A site name glued to the headline by the scraper (` - ForumDaily`).",
    true,
);

/// The separators sites put between a headline and their name.
const SEPARATORS: [&str; 4] = [" - ", " | ", " – ", " — "];

/// The longest site name taken, in words.
const MAX_WORDS: usize = 3;

/// Whether `name` looks like a site's name: one to three words, each
/// capitalised or a domain, with no sentence punctuation.
fn site_like(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    !name.is_empty()
        && name.len() <= 40
        && words.len() <= MAX_WORDS
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))
                && !w.ends_with('.')
        })
}

/// Glued CamelCase ("ForumDaily") or a domain ("Example.com").
fn unmistakable(name: &str) -> bool {
    let glued = name.split(' ').any(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && chars.as_str().chars().any(char::is_uppercase)
            && !w.contains(['.', '-', '\''])
    });
    let domain = name.rsplit_once('.').is_some_and(|(host, tld)| {
        !host.is_empty()
            && (2..=6).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_alphabetic())
    });
    glued || domain
}

impl Check for SiteSuffix {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let Some(line) = doc.lines.iter().find(|l| !l.blank) else {
            return;
        };
        let headline = doc.slice(line.range);
        let trimmed = headline.trim_end();
        let Some((at, separator)) = SEPARATORS
            .iter()
            .filter_map(|s| trimmed.rfind(s).map(|i| (i, *s)))
            .max_by_key(|(i, _)| *i)
        else {
            return;
        };
        let name = &trimmed[at + separator.len()..];
        let before = trimmed[..at].trim();
        if !site_like(name) || before.split_whitespace().count() < 3 {
            return;
        }
        let rest = &doc.text[line.range.end().to_usize()..];
        let kb = cx.kb();
        let repeated = rest.contains(name) && kb.country_of(name).is_none() && !kb.is_place(name);
        if !(unmistakable(name) || repeated) {
            return;
        }
        let start = line.range.start().to_usize() + at;
        let range = TextRange::from_usize(start, start + separator.len() + name.len());
        cx.report(
            META.diagnostic(
                range,
                format!("`{name}` is the site's name glued to the headline, not part of it"),
            )
            .with_fix(Fix::safe(
                format!("Remove the site name `{name}`"),
                vec![Edit::delete(range)],
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_a_site_name_after_the_headline() {
        assert_fixes(
            &SiteSuffix,
            "Blinken and Lavrov met for the first time - ForumDaily\n\nText.\n",
            "Blinken and Lavrov met for the first time\n\nText.\n",
        );
        assert_fixes(
            &SiteSuffix,
            "Talks in Geneva end without a deal | Kyiv Post\n\nMore on Kyiv Post.\n",
            "Talks in Geneva end without a deal\n\nMore on Kyiv Post.\n",
        );
        assert_fixes(
            &SiteSuffix,
            "Talks in Geneva end without a deal – Example.com\n\nText.\n",
            "Talks in Geneva end without a deal\n\nText.\n",
        );
    }

    #[test]
    fn allows_headlines_that_end_in_a_name() {
        for text in [
            "Talks in Geneva end without a deal - Russia\n\nRussia said no.\n",
            "Talks in Geneva end without a deal - Kharkiv\n\nShelling in Kharkiv.\n",
            "Talks in Geneva end without a deal - Kyiv Post\n\nNo other mention.\n",
            "Ukraine - Russia\n\nForumDaily.\n",
            "Prices rose - a sign of the times\n\nText.\n",
            "Lavrov spoke in Delhi - and left early\n\nText.\n",
        ] {
            assert_clean(&SiteSuffix, text);
        }
    }
}

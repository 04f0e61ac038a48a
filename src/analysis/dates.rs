//! The date an article gives itself.

use std::sync::OnceLock;

use regex::Regex;

use crate::date::Date;

/// A labelled date near the top of the article: "date 2022-09-21",
/// "Published: 2022-09-21". A bare date in a page header may be the day the
/// page was scraped, so it is not taken.
pub fn article_date(text: &str) -> Option<Date> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // ASCII boundaries and digits: a date is written so, and the
        // pattern compiles in half the time.
        Regex::new(
            r"(?i)(?-u:\b)(?:date|published|posted|updated)(?-u:\b):?\s+([0-9]{4}-[0-9]{2}-[0-9]{2})(?-u:\b)",
        )
            .expect("a valid regex")
    });
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    re.captures(&head).and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_labelled_date_from_the_article() {
        assert_eq!(
            article_date(" date 2022-09-21 Contributors\nPolitics"),
            Some("2022-09-21".parse().unwrap())
        );
        assert_eq!(article_date("Scraped 2024-01-01 12:00\nText"), None);
    }
}
